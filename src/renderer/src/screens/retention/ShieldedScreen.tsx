import { Button, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/call'
import { ErrorAlert } from '../../components/ErrorAlert'
import type { ScreenProps } from '../screenTypes'
import { formatDate } from '../../../../shared/time'
import { queryKeys } from '../../api/queryKeys'

/**
 * the shielded environment's index for a privacy officer — reference, rule, dates, nothing
 * else. Opening goes to the person screen, which asks for the reason (audited) before it shows
 * anything.
 */
export function ShieldedScreen({ navigate }: ScreenProps) {
  const { t, i18n } = useTranslation()
  const list = useQuery({ queryKey: queryKeys.shielded, queryFn: () => call('listShielded', {}) })
  const lang = i18n.language
  return (
    <Stack data-testid="shielded-screen">
      <Title order={1}>{t('retention.shielded.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('retention.shielded.intro')}
      </Text>
      <ErrorAlert error={list.error} />
      {list.data && list.data.length === 0 ? (
        <Text c="dimmed" data-testid="shielded-empty">
          {t('retention.shielded.empty')}
        </Text>
      ) : (
        <Table striped withTableBorder data-testid="shielded-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('retention.shielded.ref')}</Table.Th>
              <Table.Th>{t('retention.shielded.rule')}</Table.Th>
              <Table.Th>{t('retention.shielded.shieldedOn')}</Table.Th>
              <Table.Th>{t('retention.shielded.deletionDate')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data ?? []).map((r) => (
              <Table.Tr key={r.id} data-testid="shielded-row" data-person-id={r.id}>
                <Table.Td>{r.ref ?? t('common.noRef')}</Table.Td>
                <Table.Td>{r.rule ? t(`retention.rule.${r.rule}`) : ''}</Table.Td>
                <Table.Td>{formatDate(r.shieldedOn, lang)}</Table.Td>
                <Table.Td>{formatDate(r.deletionDate, lang)}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => navigate('person', { personId: r.id })} data-testid="shielded-open">
                    {t('retention.shielded.open')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
