import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/call'
import { ErrorAlert } from '../../components/ErrorAlert'
import { formatDate } from '../../../../shared/time'
import { RunLog } from './RunLog'
import { RetentionRunDialog } from './RetentionRunDialog'
import { RequestsDuePanel } from '../rights/RequestsDuePanel'
import { queryKeys } from '../../api/queryKeys'
import type { ScreenProps } from '../screenTypes'

/** Privacy officer: what falls due (now / 7 / 30 / 90 days, per rule), who must re-confirm (R-11a), run now, the run log. */
export function RetentionDashboard({ navigate }: Pick<ScreenProps, 'navigate'>) {
  const { t, i18n } = useTranslation()
  const preview = useQuery({ queryKey: queryKeys.retentionPreview, queryFn: () => call('previewRetention', { horizonDays: 90 }) })
  // Issue 16: the run first shows what it will do and is confirmed (RetentionRunDialog).
  const [reviewing, setReviewing] = useState(false)
  const lang = i18n.language
  const data = preview.data

  return (
    <Stack data-testid="retention-dashboard">
      <Group justify="space-between">
        <div>
          <Title order={1}>{t('retention.dashboard.title')}</Title>
          {data && (
            <Text size="sm" c="dimmed">
              {t('retention.dashboard.asOf', { date: formatDate(data.asOf, lang), version: data.policyVersion })}
            </Text>
          )}
        </div>
        <Button onClick={() => setReviewing(true)} data-testid="retention-run-now">
          {t('retention.dashboard.runNow')}
        </Button>
      </Group>
      <ErrorAlert error={preview.error} />
      {reviewing && <RetentionRunDialog onClose={() => setReviewing(false)} navigate={navigate} />}

      {/* GDPR art. 12(3): requests overdue or due within a week. */}
      <RequestsDuePanel />

      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t('retention.dashboard.due')}
        </Title>
        {data && data.counts.length === 0 ? (
          <Text c="dimmed" data-testid="retention-nothing-due">
            {t('retention.dashboard.nothingDue')}
          </Text>
        ) : (
          <Table striped withTableBorder data-testid="retention-due-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('retention.policy.rule')}</Table.Th>
                <Table.Th>{t('retention.policy.action')}</Table.Th>
                <Table.Th ta="right">{t('retention.dashboard.dueNow')}</Table.Th>
                <Table.Th ta="right">{t('retention.dashboard.within7')}</Table.Th>
                <Table.Th ta="right">{t('retention.dashboard.within30')}</Table.Th>
                <Table.Th ta="right">{t('retention.dashboard.within90')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(data?.counts ?? []).map((c) => (
                <Table.Tr key={`${c.rule}|${c.action}`} data-testid={`retention-due-${c.rule}-${c.action}`}>
                  <Table.Td>{t(`retention.rule.${c.rule}`)}</Table.Td>
                  <Table.Td>{t(`retention.action.${c.action}`)}</Table.Td>
                  <Table.Td ta="right" data-testid="due-now">{c.dueNow}</Table.Td>
                  <Table.Td ta="right" data-testid="due-7">{c.within7}</Table.Td>
                  <Table.Td ta="right" data-testid="due-30">{c.within30}</Table.Td>
                  <Table.Td ta="right" data-testid="due-90">{c.within90}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>

      {data && data.items.length > 0 && (
        <Paper withBorder p="md">
          <Title order={4} mb="sm">
            {t('retention.dashboard.upcoming')}
          </Title>
          <Table striped withTableBorder data-testid="retention-upcoming">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('retention.dashboard.dueDate')}</Table.Th>
                <Table.Th>{t('retention.policy.action')}</Table.Th>
                <Table.Th>{t('retention.policy.rule')}</Table.Th>
                <Table.Th>{t('retention.dashboard.record')}</Table.Th>
                <Table.Th>{t('retention.dashboard.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.slice(0, 200).map((i) => (
                <Table.Tr key={i.id} data-testid="retention-upcoming-row">
                  <Table.Td>{formatDate(i.dueDate, lang)}</Table.Td>
                  <Table.Td>{t(`retention.action.${i.action}`)}</Table.Td>
                  <Table.Td>{t(`retention.rule.${i.rule}`)}</Table.Td>
                  <Table.Td>{i.ref ?? t('common.noRef')}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" size="sm">
                      {t(`people.state.${i.state}`)}
                    </Badge>
                    {i.held && (
                      <Badge variant="light" color="orange" size="sm" ml="xs" data-testid="retention-upcoming-held">
                        {t('retention.dashboard.held')}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}

      <RunLog />
    </Stack>
  )
}
