import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { formatDate } from '../../../../shared/time'
import { call } from '../../api/call'
import { queryKeys } from '../../api/queryKeys'
import { ErrorAlert } from '../../components/ErrorAlert'

/** The dashboard's list of data-subject requests that are overdue or due within a week (GDPR art. 12(3)). */
export function RequestsDuePanel() {
  const { t, i18n } = useTranslation()
  const due = useQuery({ queryKey: queryKeys.subjectRequestsDue, queryFn: () => call('listRequestsDue', {}) })
  const requests = due.data?.requests ?? []
  return (
    <Paper withBorder p="md" data-testid="requests-due">
      <Stack gap="xs">
        <Title order={4}>{t('rights.dueRequests.title')}</Title>
        <ErrorAlert error={due.error} />
        {due.isSuccess && requests.length === 0 && (
          <Text c="dimmed" size="sm">
            {t('rights.dueRequests.none')}
          </Text>
        )}
        {requests.length > 0 && (
          <Table withTableBorder verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('rights.requests.dueOn')}</Table.Th>
                <Table.Th>{t('rights.requests.kind')}</Table.Th>
                <Table.Th>{t('rights.requests.person')}</Table.Th>
                <Table.Th>{t('rights.requests.receivedOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {requests.map((r) => (
                <Table.Tr key={r.id} data-testid="request-due-row" data-overdue={r.overdue}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(r.dueOn, i18n.language)}{' '}
                    <Badge color={r.overdue ? 'red' : 'orange'} size="sm" tt="none">
                      {t(r.overdue ? 'rights.dueRequests.overdue' : 'rights.dueRequests.dueSoon')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{t(`rights.requests.kinds.${r.kind}`)}</Table.Td>
                  <Table.Td>
                    {r.identityPending
                      ? t('rights.requests.identityPending')
                      : (r.personName ?? (r.personState ? t(`rights.requests.personState.${r.personState}`) : t('rights.requests.noPerson')))}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(r.receivedOn, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  )
}
