import { Alert, Button, Group, NativeSelect, Paper, Table, Text, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RECONFIRMATION_METHODS, type ReconfirmationMethod, type ReconfirmationOutcome } from '../../../../shared/vocabulary'
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
  const [how, setHow] = useState<Record<string, ReconfirmationMethod>>({})
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
      <Title order={4} mb={4}>
        {t('retention.reconfirm.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('retention.reconfirm.intro')}
      </Text>
      <ErrorAlert error={due.error ?? record.error} />
      {record.data && (
        <Alert color="green" mb="sm" data-testid="reconfirm-saved">
          {t('retention.reconfirm.saved', { outcome: t(`retention.reconfirmOutcome.${record.data.outcome}`) })}
        </Alert>
      )}
      {data && data.items.length === 0 ? (
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
            {(data?.items ?? []).map((p) => {
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
                        onClick={() => record.mutate({ personId: p.personId, outcome: 'wants-to-leave', how: methodOf(p.personId) })}
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
    </Paper>
  )
}
