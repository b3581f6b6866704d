import { Alert, Button, Group, Loader, Modal, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { describeTerm, RECONFIRMATION_METHODS, type ReconfirmationMethod, type ReconfirmationOutcome } from '../../../../shared/vocabulary'
import { formatDate } from '../../../../shared/time'
import { call } from '../../api/call'
import { queryKeys } from '../../api/queryKeys'
import { ErrorAlert } from '../../components/ErrorAlert'

/**
 * R-11a: the persons due for re-confirmation (twelve months without activity), earliest deadline
 * first, with the two answers staff can record: confirmed (the clock restarts) or wants to leave
 * (unsubscribed today). Keyboard: every row's "how" select and both buttons are in tab order.
 */
export function ReconfirmationList() {
  const { t, i18n } = useTranslation()
  const qc = useQueryClient()
  const lang = i18n.language
  const due = useQuery({ queryKey: queryKeys.reconfirmationsDue, queryFn: () => call('listReconfirmationsDue', { limit: 200 }) })
  // The terms in the intro come from the policy in force (issue 13 point 6), never a fixed text.
  const policy = useQuery({ queryKey: queryKeys.retentionPolicy, queryFn: () => call('getRetentionPolicy', {}) })
  const termOf = (rule: string) => {
    const term = policy.data?.current.rules.find((r) => r.id === rule)?.term
    return term ? describeTerm(term, lang.startsWith('en') ? 'en' : 'nl') : '…'
  }
  const [how, setHow] = useState<Record<string, ReconfirmationMethod>>({})
  // "Wants to leave" unsubscribes today (the record is shielded, then deleted): asked once more, by name.
  const [leaving, setLeaving] = useState<{ personId: string; name: string } | null>(null)
  const record = useMutation({
    mutationFn: (input: { personId: string; outcome: ReconfirmationOutcome; how: ReconfirmationMethod }) => call('recordReconfirmation', input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.reconfirmationsDue })
      void qc.invalidateQueries({ queryKey: queryKeys.retentionPreview })
    }
  })
  const data = due.data
  const methodOf = (personId: string): ReconfirmationMethod => how[personId] ?? 'phone'

  return (
    <Paper withBorder p="md" data-testid="reconfirmations">
      <Title order={1} mb={4}>
        {t('retention.reconfirm.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('retention.reconfirm.intro', { inactivity: termOf('inactivity-reconfirm'), reply: termOf('reconfirm-no-reply') })}
      </Text>
      <ErrorAlert error={due.error ?? record.error} />
      {record.data && (
        <Alert color="green" mb="sm" data-testid="reconfirm-saved">
          {t('retention.reconfirm.saved', { outcome: t(`retention.reconfirmOutcome.${record.data.outcome}`) })}
        </Alert>
      )}
      {/* Nothing until the list has arrived: an empty table while loading would read as "nobody". */}
      {!data ? (
        !due.error && <Loader size="sm" role="status" aria-label={t('retention.reconfirm.title')} />
      ) : data.items.length === 0 ? (
        <Text c="dimmed" data-testid="reconfirm-none">
          {t('retention.reconfirm.none')}
        </Text>
      ) : (
        <Table striped withTableBorder data-testid="reconfirm-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('retention.reconfirm.name')}</Table.Th>
              <Table.Th>{t('retention.reconfirm.ref')}</Table.Th>
              <Table.Th>{t('retention.reconfirm.lastActivity')}</Table.Th>
              <Table.Th>{t('retention.reconfirm.deadline')}</Table.Th>
              <Table.Th>{t('retention.reconfirm.how')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((p) => {
              const name = `${p.givenName} ${p.familyName}`
              const busy = record.isPending && record.variables?.personId === p.personId
              return (
                <Table.Tr key={p.personId} data-testid="reconfirm-row">
                  <Table.Td>{name}</Table.Td>
                  <Table.Td>{p.ref ?? '—'}</Table.Td>
                  <Table.Td>{formatDate(p.lastActivityOn, lang)}</Table.Td>
                  <Table.Td>{formatDate(p.deadline, lang)}</Table.Td>
                  <Table.Td>
                    <NativeSelect
                      size="xs"
                      aria-label={`${t('retention.reconfirm.how')}: ${name}`}
                      data-testid="reconfirm-how"
                      value={methodOf(p.personId)}
                      onChange={(e) => setHow({ ...how, [p.personId]: e.currentTarget.value as ReconfirmationMethod })}
                      data={RECONFIRMATION_METHODS.map((m) => ({ value: m, label: t(`retention.reconfirmHow.${m}`) }))}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        loading={busy && record.variables?.outcome === 'confirmed'}
                        disabled={busy}
                        data-testid="reconfirm-confirmed"
                        aria-label={`${t('retention.reconfirm.confirmed')}: ${name}`}
                        onClick={() => record.mutate({ personId: p.personId, outcome: 'confirmed', how: methodOf(p.personId) })}
                      >
                        {t('retention.reconfirm.confirmed')}
                      </Button>
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        loading={busy && record.variables?.outcome === 'wants-to-leave'}
                        disabled={busy}
                        data-testid="reconfirm-leave"
                        aria-label={`${t('retention.reconfirm.leave')}: ${name}`}
                        onClick={() => setLeaving({ personId: p.personId, name })}
                      >
                        {t('retention.reconfirm.leave')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      )}
      {data && data.total > data.items.length && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('retention.reconfirm.total', { shown: data.items.length, total: data.total })}
        </Text>
      )}
      <Modal opened={leaving !== null} onClose={() => setLeaving(null)} title={t('retention.reconfirm.leaveTitle', { name: leaving?.name ?? '' })}>
        <Stack>
          <Text size="sm">{t('retention.reconfirm.leaveText', { name: leaving?.name ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setLeaving(null)} data-testid="reconfirm-leave-cancel">
              {t('retention.reconfirm.leaveCancel')}
            </Button>
            <Button
              color="red"
              data-testid="reconfirm-leave-confirm"
              onClick={() => {
                if (leaving) record.mutate({ personId: leaving.personId, outcome: 'wants-to-leave', how: methodOf(leaving.personId) })
                setLeaving(null)
              }}
            >
              {t('retention.reconfirm.leaveConfirm', { name: leaving?.name ?? '' })}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  )
}
