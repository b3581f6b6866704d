import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/call'
import { ErrorAlert } from '../../components/ErrorAlert'
import { queryKeys } from '../../api/queryKeys'

/**
 * Four eyes: erasures one privacy officer asked for, waiting for a second one. The server
 * refuses an approval by the requester (APPROVAL_REQUIRED); approving here also applies it.
 */
export function ErasureApprovals() {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const approvals = useQuery({ queryKey: queryKeys.erasureApprovals, queryFn: () => call('listErasureApprovals', {}) })
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: queryKeys.erasureApprovals })
    void qc.invalidateQueries({ queryKey: queryKeys.subjectRequests.all })
  }
  // The same operation as the CLI's `erase-approve`.
  const approve = useMutation({ mutationFn: (approvalId: string) => call('approveAndApplyErasure', { approvalId }), onSettled: refresh })
  const apply = useMutation({ mutationFn: (approvalId: string) => call('applyErasure', { approvalId }), onSettled: refresh })
  const rows = approvals.data ?? []
  if (rows.length === 0 && !approvals.error) return null
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={4}>{t('rights.approvals.title')}</Title>
        <ErrorAlert error={approvals.error ?? approve.error ?? apply.error} />
        <Table>
          <Table.Tbody>
            {rows.map((a) => (
              <Table.Tr key={a.approvalId} data-testid="approval-row">
                <Table.Td>{a.ref ?? t('common.noRef')}</Table.Td>
                <Table.Td>
                  <Text size="sm">{a.reason}</Text>
                  <Text size="xs" c="dimmed">
                    {t('rights.approvals.requestedBy')}: {a.requestedBy}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={a.status === 'approved' ? 'teal' : 'orange'} variant="light">
                    {t(a.status === 'approved' ? 'rights.approvals.approved' : 'rights.approvals.awaiting')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end">
                    {a.status === 'awaiting-approval' ? (
                      <Button size="compact-xs" color="red" onClick={() => approve.mutate(a.approvalId)} loading={approve.isPending}>
                        {t('rights.approvals.approve')}
                      </Button>
                    ) : (
                      <Button size="compact-xs" color="red" onClick={() => apply.mutate(a.approvalId)} loading={apply.isPending}>
                        {t('rights.approvals.apply')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  )
}
