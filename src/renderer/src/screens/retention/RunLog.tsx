import { Badge, Paper, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/call'
import { ErrorAlert } from '../../components/ErrorAlert'
import { formatDate, formatTimestamp } from '../../../../shared/time'
import { queryKeys } from '../../api/queryKeys'

/** The retention run log: when, as of which date, why, under which policy version, what was done. */
export function RunLog() {
  const { t, i18n } = useTranslation()
  const runs = useQuery({ queryKey: queryKeys.retentionRuns, queryFn: () => call('listRetentionRuns', { limit: 50 }) })
  const lang = i18n.language
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t('retention.dashboard.runs')}
      </Title>
      <ErrorAlert error={runs.error} />
      {runs.data && runs.data.length === 0 ? (
        <Text c="dimmed">{t('retention.dashboard.noRuns')}</Text>
      ) : (
        <Table striped withTableBorder data-testid="retention-runs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('retention.dashboard.startedAt')}</Table.Th>
              <Table.Th>{t('retention.dashboard.dueDate')}</Table.Th>
              <Table.Th>{t('retention.dashboard.trigger')}</Table.Th>
              <Table.Th>{t('retention.dashboard.policyVersion')}</Table.Th>
              <Table.Th>{t('retention.dashboard.result')}</Table.Th>
              <Table.Th ta="right">{t('retention.dashboard.duration')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(runs.data ?? []).map((r) => {
              const done = Object.entries(r.counts)
              return (
                <Table.Tr key={r.id} data-testid="retention-run-row">
                  <Table.Td>{formatTimestamp(r.startedAt, lang)}</Table.Td>
                  <Table.Td>{formatDate(r.asOf, lang)}</Table.Td>
                  <Table.Td>{t(`retention.trigger.${r.trigger}`, { defaultValue: r.trigger })}</Table.Td>
                  <Table.Td>{r.policyVersion}</Table.Td>
                  <Table.Td>
                    {r.finishedAt === null && (
                      <Badge color="orange" size="sm" mr={4}>
                        {t('retention.dashboard.interrupted')}
                      </Badge>
                    )}
                    {done.length === 0
                      ? t('retention.dashboard.nothing')
                      : done.map(([key, n]) => {
                          const [action, rule] = key.split(':')
                          return (
                            <Text key={key} size="sm">
                              {n} × {t(`retention.action.${action}`)} ({t(`retention.rule.${rule}`)})
                            </Text>
                          )
                        })}
                  </Table.Td>
                  <Table.Td ta="right">{r.durationMs === null ? '' : `${r.durationMs} ms`}</Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  )
}
