import { Alert, Button, Center, Checkbox, Group, List, Loader, Paper, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ErasurePreview } from '../../../../shared/contract/rights'
import { call } from '../../api/call'
import { ErrorAlert } from '../../components/ErrorAlert'
import type { ScreenProps } from '../screenTypes'
import { formatDate } from '../../../../shared/time'
import { describeTerm } from '../../../../shared/vocabulary'
import { queryKeys } from '../../api/queryKeys'

const OUTCOME_COLOR = { delete: 'red', 'legal-hold': 'orange', blocked: 'gray' } as const

/** Case, accents and spacing do not matter when the reference or family name is typed to confirm. */
const comparable = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase()

/** Issue 16: the typed text names this person — their reference or family name. */
export function confirmsSubject(typed: string, subject: { ref: string | null; familyName: string }): boolean {
  const text = comparable(typed)
  return text !== '' && (text === comparable(subject.familyName) || (subject.ref !== null && text === comparable(subject.ref)))
}

/**
 * R-19 with R-16: erasure on request (`navigate('erasure', { personId })`, privacy officer). The
 * preview says what goes now and what a legal duty keeps, under which law and until when; the
 * officer confirms with the reason. With four eyes on, a second privacy officer approves it on
 * the requests screen.
 */
export function ErasureScreen({ navigate, params }: ScreenProps) {
  const { t, i18n } = useTranslation()
  const qc = useQueryClient()
  const personId = params['personId']
  const [reason, setReason] = useState('')
  const [checked, setChecked] = useState(false)
  const [typed, setTyped] = useState('')
  const [typedBlurred, setTypedBlurred] = useState(false)
  const preview = useQuery({
    queryKey: queryKeys.erasurePreview(personId),
    queryFn: () => call('previewErasure', { personId: personId! }),
    enabled: !!personId,
    gcTime: 0
  })
  // The kept data's terms in the shared wording, from the policy in force (never a fixed text).
  const policy = useQuery({ queryKey: queryKeys.retentionPolicy, queryFn: () => call('getRetentionPolicy', {}) })
  const termOf = (rule: string) => {
    const term = policy.data?.current.rules.find((r) => r.id === rule)?.term
    return term ? describeTerm(term, i18n.language.startsWith('en') ? 'en' : 'nl') : '…'
  }
  const erase = useMutation({
    // One operation, the same the CLI's `erase` runs: request, and apply at once unless four eyes are on.
    mutationFn: () => call('requestAndApplyErasure', { personId: personId!, reason }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.subjectRequests.all })
      void qc.invalidateQueries({ queryKey: queryKeys.erasureApprovals })
    }
  })

  if (!personId) return <Alert color="gray">{t('rights.report.noPerson')}</Alert>
  const p = preview.data
  const done = erase.data
  const typedMatches = p ? confirmsSubject(typed, p) : false

  return (
    <Stack maw={960}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1}>{t('rights.erasure.title')}</Title>
          <Text size="sm" c="dimmed" maw={720}>
            {t('rights.erasure.intro')}
          </Text>
        </Stack>
        {!done && (
          <Button variant="subtle" onClick={() => navigate('access-report', { personId })}>
            {t('rights.report.back')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={preview.error ?? erase.error} />
      {preview.isPending && (
        <Center h={200}>
          <Loader />
        </Center>
      )}
      {done && (
        <Alert color="teal" data-testid="erasure-done">
          {done.result === null ? t('rights.erasure.awaiting') : done.result.outcome === 'deleted' ? t('rights.erasure.doneDeleted') : t('rights.erasure.doneLegalHold')}
        </Alert>
      )}
      {p && (
        <Paper withBorder p="md" data-testid="erasure-subject">
          <Title order={4} mb="xs">
            {t('rights.erasure.subject')}
          </Title>
          <SimpleGrid cols={3} spacing="md">
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('rights.erasure.name')}
              </Text>
              <Text fw={600} data-testid="erasure-subject-name">
                {p.givenName} {p.familyName}
              </Text>
            </Stack>
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('rights.erasure.ref')}
              </Text>
              <Text fw={600} style={{ whiteSpace: 'nowrap' }} data-testid="erasure-subject-ref">
                {p.ref ?? '—'}
              </Text>
            </Stack>
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('rights.erasure.birthDate')}
              </Text>
              <Text fw={600} data-testid="erasure-subject-birthdate">
                {p.birthDate ? formatDate(p.birthDate, i18n.language) : '—'}
              </Text>
            </Stack>
          </SimpleGrid>
        </Paper>
      )}
      {p && !done && (
        <>
          <Alert color={OUTCOME_COLOR[p.outcome]} data-testid="erasure-outcome" data-outcome={p.outcome}>
            {t(`rights.erasure.outcome.${p.outcome}`)}
          </Alert>
          {p.outcome !== 'blocked' && (
            <>
              <Paper withBorder p="md">
                <Title order={4} mb="xs">
                  {t('rights.erasure.deletedTitle')}
                </Title>
                <DeletedList preview={p} />
              </Paper>
              {p.kept.length > 0 && (
                <Paper withBorder p="md">
                  <Title order={4} mb="xs">
                    {t('rights.erasure.keptTitle')}
                  </Title>
                  <Table data-testid="erasure-kept">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('rights.erasure.duty')}</Table.Th>
                        <Table.Th>{t('rights.erasure.law')}</Table.Th>
                        <Table.Th>{t('rights.erasure.data')}</Table.Th>
                        <Table.Th>{t('rights.erasure.keptUntil')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {p.kept.map((h) => (
                        <Table.Tr key={h.rule}>
                          <Table.Td>{t(`rights.erasure.rules.${h.rule}`, { term: termOf(h.rule) })}</Table.Td>
                          <Table.Td>{h.law}</Table.Td>
                          <Table.Td>{[...h.fields.map((f) => t(`rights.field.${f}`)), ...h.records.map((r) => t(`rights.erasure.records.${r.kind}`, { count: r.count }))].join(', ')}</Table.Td>
                          <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }}>
                            {formatDate(h.keptUntil, i18n.language)}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Paper>
              )}
              {p.fourEyes && <Alert color="blue">{t('rights.erasure.fourEyes')}</Alert>}
              <Textarea label={t('rights.erasure.reason')} required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="erasure-reason" />
              <TextInput
                label={t('rights.erasure.typeToConfirm')}
                description={p.ref ? t('rights.erasure.typeToConfirmHint', { ref: p.ref, familyName: p.familyName }) : t('rights.erasure.typeToConfirmHintNoRef', { familyName: p.familyName })}
                value={typed}
                onChange={(e) => setTyped(e.currentTarget.value)}
                onBlur={() => setTypedBlurred(true)}
                error={typedBlurred && typed.trim() !== '' && !typedMatches ? t('rights.erasure.typeMismatch') : undefined}
                autoComplete="off"
                required
                data-testid="erasure-type-confirm"
              />
              <Checkbox label={t('rights.erasure.confirmCheck')} checked={checked} onChange={(e) => setChecked(e.currentTarget.checked)} data-testid="erasure-check" />
              <Group>
                <Button color="red" disabled={!checked || !typedMatches || reason.trim() === ''} loading={erase.isPending} onClick={() => erase.mutate()} data-testid="erasure-confirm">
                  {t('rights.erasure.confirm')}
                </Button>
              </Group>
            </>
          )}
        </>
      )}
    </Stack>
  )
}

function DeletedList({ preview }: { preview: ErasurePreview }) {
  const { t } = useTranslation()
  const items = [
    ...preview.deleted.fields.map((f) => t(`rights.field.${f}`)),
    ...preview.deleted.records.map((r) => t(`rights.erasure.records.${r.kind}`, { count: r.count }))
  ]
  if (items.length === 0) return <Text c="dimmed">{t('rights.erasure.nothingDeleted')}</Text>
  return (
    <List size="sm" data-testid="erasure-deleted" style={{ columns: 2 }}>
      {items.map((item) => (
        <List.Item key={item}>{item}</List.Item>
      ))}
    </List>
  )
}
