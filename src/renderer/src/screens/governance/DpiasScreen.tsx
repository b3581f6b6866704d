import { Badge, Button, Group, Modal, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { contract } from '../../../../shared/contract'
import type { DpiaView } from '../../../../shared/contract/governance'
import { addCalendarMonths, amsterdamToday, formatDate } from '../../../../shared/time'
import { call, fieldErrors } from '../../api/call'
import { queryKeys } from '../../api/queryKeys'
import { DateField } from '../../components/DateField'
import { ErrorAlert } from '../../components/ErrorAlert'
import { schemaResolver } from '../../forms/schemaResolver'
import { translatedErrors } from '../../forms/translatedErrors'

const L = 'registers.dpias'
const validateDpia = schemaResolver(contract.saveDpia.input)

interface Values {
  subject: string
  assessedOn: string
  outcome: string
  nextReviewOn: string
}

/**
 * R-28, GDPR art. 35: the DPIAs made, next review first (a review that has come is flagged).
 * While none covers it, the screen suggests one for health and absence data (on the AP's list).
 */
export function DpiasScreen() {
  const { t, i18n } = useTranslation()
  const qc = useQueryClient()
  const list = useQuery({ queryKey: queryKeys.dpias, queryFn: () => call('listDpias', {}) })
  const [editing, setEditing] = useState<{ dpia: DpiaView | null; subject?: string } | null>(null)
  const [deleting, setDeleting] = useState<DpiaView | null>(null)
  const remove = useMutation({
    mutationFn: (id: string) => call('deleteDpia', { id }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.dpias })
      void qc.invalidateQueries({ queryKey: queryKeys.processingRegisterAll })
      setDeleting(null)
    }
  })
  const rows = list.data?.dpias ?? []
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1}>{t(`${L}.title`)}</Title>
          <Text size="sm" c="dimmed" maw={760}>
            {t(`${L}.intro`)}
          </Text>
        </Stack>
        <Group>
          {list.isSuccess && rows.length === 0 && (
            <Button variant="light" onClick={() => setEditing({ dpia: null, subject: t(`${L}.suggestionSubject`) })} data-testid="dpia-suggestion">
              {t(`${L}.suggestion`)}
            </Button>
          )}
          <Button onClick={() => setEditing({ dpia: null })} data-testid="dpia-add">
            {t(`${L}.formNew`)}
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={list.error} />
      {list.isSuccess && rows.length === 0 && <Text c="dimmed">{t(`${L}.empty`)}</Text>}
      {rows.length > 0 && (
        <Table striped withTableBorder verticalSpacing="xs" data-testid="dpia-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t(`${L}.subject`)}</Table.Th>
              <Table.Th>{t(`${L}.assessedOn`)}</Table.Th>
              <Table.Th>{t(`${L}.outcome`)}</Table.Th>
              <Table.Th>{t(`${L}.nextReviewOn`)}</Table.Th>
              <Table.Th>{t('registers.common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((d) => (
              <Table.Tr key={d.id} data-testid="dpia-row">
                <Table.Td fw={600}>{d.subject}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(d.assessedOn, i18n.language)}</Table.Td>
                <Table.Td>{d.outcome}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatDate(d.nextReviewOn, i18n.language)}
                  {d.reviewDue && (
                    <Badge color="red" size="sm" tt="none" ml={6}>
                      {t(`${L}.reviewDue`)}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-xs" variant="default" onClick={() => setEditing({ dpia: d })}>
                      {t('registers.common.edit')}
                    </Button>
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => setDeleting(d)}>
                      {t('registers.common.delete')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <DpiaForm dpia={editing.dpia} subject={editing.subject} onClose={() => setEditing(null)} />}
      {deleting && (
        <Modal opened onClose={() => setDeleting(null)} title={t(`${L}.deleteTitle`, { name: deleting.subject })} centered>
          <Stack>
            <ErrorAlert error={remove.error} />
            <Text size="sm">{t(`${L}.deleteText`)}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDeleting(null)}>
                {t('registers.common.cancel')}
              </Button>
              <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(deleting.id)} data-testid="dpia-delete-confirm">
                {t(`${L}.deleteTitle`, { name: deleting.subject })}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Stack>
  )
}

function DpiaForm({ dpia, subject, onClose }: { dpia: DpiaView | null; subject?: string | undefined; onClose: () => void }) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const [today] = useState(() => amsterdamToday(Date.now()))
  const toInput = (v: Values) => ({ ...(dpia ? { id: dpia.id } : {}), ...v })
  const form = useForm<Values>({
    initialValues: {
      subject: dpia?.subject ?? subject ?? '',
      assessedOn: dpia?.assessedOn ?? today,
      outcome: dpia?.outcome ?? '',
      nextReviewOn: dpia?.nextReviewOn ?? addCalendarMonths(today, 12)
    },
    validate: (v) => translatedErrors(validateDpia(toInput(v)), t)
  })
  const save = useMutation({
    mutationFn: (v: Values) => call('saveDpia', toInput(v)),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t(`${L}.saved`) })
      void qc.invalidateQueries({ queryKey: queryKeys.dpias })
      void qc.invalidateQueries({ queryKey: queryKeys.processingRegisterAll })
      onClose()
    },
    onError: (e) => form.setErrors(fieldErrors(e, t))
  })
  return (
    <Modal opened onClose={onClose} title={t(dpia ? `${L}.formEdit` : `${L}.formNew`)} centered size="lg">
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack>
          <ErrorAlert error={save.error} />
          <TextInput label={t(`${L}.subject`)} required data-autofocus {...form.getInputProps('subject')} data-testid="dpia-subject" />
          <SimpleGrid cols={2}>
            <DateField label={t(`${L}.assessedOn`)} required value={form.values.assessedOn} onChange={(v) => form.setFieldValue('assessedOn', v)} error={form.errors['assessedOn']} data-testid="dpia-assessed" />
            <DateField label={t(`${L}.nextReviewOn`)} required value={form.values.nextReviewOn} onChange={(v) => form.setFieldValue('nextReviewOn', v)} error={form.errors['nextReviewOn']} data-testid="dpia-review" />
          </SimpleGrid>
          <Textarea label={t(`${L}.outcome`)} required autosize minRows={3} {...form.getInputProps('outcome')} data-testid="dpia-outcome" />
          <Group>
            <Button type="submit" loading={save.isPending} data-testid="dpia-save">
              {t('registers.common.save')}
            </Button>
            <Button variant="subtle" onClick={onClose}>
              {t('registers.common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
