import { Alert, Badge, Button, Group, Modal, Paper, ScrollArea, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { contract } from '../../../../shared/contract'
import { call, fieldErrors } from '../../api/call'
import { DateField } from '../../components/DateField'
import { ErrorAlert } from '../../components/ErrorAlert'
import { translatedErrors } from '../../forms/translatedErrors'
import type { ScreenProps } from '../screenTypes'
import { formatDayOf } from '../../../../shared/time'
import { formatDay } from './localTime'
import { queryKeys } from '../../api/queryKeys'
import { schemaResolver } from '../../forms/schemaResolver'

/** R-24: privacy-statement versions; a privacy officer adds one and sees who has not seen it. */
export function StatementsScreen({ session, navigate }: ScreenProps) {
  const { t, i18n } = useTranslation()
  const L = 'governance.statements'
  const isOfficer = session.roles.includes('privacy_officer')
  const versions = useQuery({ queryKey: queryKeys.statementVersions, queryFn: () => call('listStatementVersions', {}) })
  const [shown, setShown] = useState<string | null>(null)
  const [missingFor, setMissingFor] = useState<string | null>(null)
  const text = useQuery({ queryKey: queryKeys.statementText(shown), queryFn: () => call('getStatementVersion', { version: shown! }), enabled: shown !== null })
  const missing = useQuery({ queryKey: queryKeys.statementMissing(missingFor), queryFn: () => call('personsNotShownVersion', { version: missingFor!, limit: 500 }), enabled: missingFor !== null })

  return (
    <Stack data-testid="statements-screen">
      <Title order={1}>{t(`${L}.title`)}</Title>
      <Text size="sm" c="dimmed" maw={900}>
        {t(`${L}.intro`)}
      </Text>
      <ErrorAlert error={versions.error ?? text.error ?? missing.error} />
      <Table withTableBorder striped data-testid="statement-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t(`${L}.version`)}</Table.Th>
            <Table.Th>{t(`${L}.validFrom`)}</Table.Th>
            <Table.Th>{t(`${L}.addedOn`)}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(versions.data ?? []).map((v) => (
            <Table.Tr key={v.version}>
              <Table.Td>
                <Group gap="xs">
                  <Text fw={500}>{v.version}</Text>
                  {v.current && <Badge color="teal">{t(`${L}.current`)}</Badge>}
                </Group>
                <Text size="xs" c="dimmed">
                  {t(`${L}.length`, { count: v.length })}
                </Text>
              </Table.Td>
              <Table.Td>{formatDay(v.validFrom, i18n.language)}</Table.Td>
              <Table.Td>{formatDayOf(v.createdAt, i18n.language)}</Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end">
                  <Button size="xs" variant="subtle" onClick={() => setShown(v.version)}>
                    {t(`${L}.show`)}
                  </Button>
                  {isOfficer && (
                    <Button size="xs" variant="light" onClick={() => setMissingFor(v.version)} data-testid={`statement-missing-${v.version}`}>
                      {t(`${L}.notShown`)}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      {missingFor && missing.data && (
        <Paper withBorder p="md" data-testid="statement-missing">
          <Stack gap="xs">
            <Text fw={500}>{t(`${L}.notShownCount`, { count: missing.data.count, version: missing.data.version })}</Text>
            {missing.data.truncated && <Text size="sm" c="dimmed">{t(`${L}.notShownTruncated`, { shown: missing.data.persons.length })}</Text>}
            {missing.data.persons.length > 0 && (
              <ScrollArea.Autosize mah={320}>
                <Table fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t(`${L}.ref`)}</Table.Th>
                      <Table.Th>{t(`${L}.id`)}</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {missing.data.persons.map((p) => (
                      <Table.Tr key={p.id}>
                        <Table.Td>{p.ref ?? '—'}</Table.Td>
                        <Table.Td ff="monospace">{p.id}</Table.Td>
                        <Table.Td>
                          <Button size="xs" variant="subtle" onClick={() => navigate('person', { personId: p.id })}>
                            {t(`${L}.open`)}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
            )}
          </Stack>
        </Paper>
      )}

      {isOfficer && <AddVersion />}

      <Modal opened={shown !== null} onClose={() => setShown(null)} title={`${t(`${L}.version`)} ${shown ?? ''}`} size="xl">
        <Text style={{ whiteSpace: 'pre-wrap' }} size="sm" data-testid="statement-text">
          {text.data?.text}
        </Text>
      </Modal>
    </Stack>
  )
}

const validateAddVersion = schemaResolver(contract.addStatementVersion.input)

function AddVersion() {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const L = 'governance.statements'
  // addStatementVersion's own rules; the form of a version name is the service's (statementVersions.ts).
  const form = useForm({ initialValues: { version: '', validFrom: '', text: '' }, validate: (v) => translatedErrors(validateAddVersion(v), t) })
  const add = useMutation({
    mutationFn: (v: typeof form.values) => call('addStatementVersion', v),
    onSuccess: () => {
      form.reset()
      void qc.invalidateQueries({ queryKey: queryKeys.statementVersions })
    },
    onError: (e) => form.setErrors(fieldErrors(e, t))
  })
  return (
    <Paper withBorder p="md" maw={900}>
      <form noValidate onSubmit={form.onSubmit((v) => add.mutate(v))}>
        <Stack>
          <Title order={4}>{t(`${L}.add`)}</Title>
          {add.data && <Alert color="green">{t(`${L}.added`, { version: add.data.version })}</Alert>}
          <ErrorAlert error={add.error} />
          <Group grow align="flex-start">
            <TextInput label={t(`${L}.version`)} required placeholder="2026-12" {...form.getInputProps('version')} data-testid="statement-version" />
            <DateField label={t(`${L}.validFrom`)} required value={form.values.validFrom} onChange={(v) => form.setFieldValue('validFrom', v)} error={form.errors['validFrom']} data-testid="statement-valid-from" />
          </Group>
          <Textarea label={t(`${L}.text`)} required autosize minRows={6} maxRows={20} {...form.getInputProps('text')} data-testid="statement-text-input" />
          <Group>
            <Button type="submit" loading={add.isPending} data-testid="statement-add">
              {t('governance.common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}
