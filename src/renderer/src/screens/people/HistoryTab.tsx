import { Badge, Group, Loader, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { PersonDetail } from '../../../../shared/contract/people'
import { call } from '../../api/call'
import { ErrorAlert } from '../../components/ErrorAlert'
import { formatDate, formatTimestamp } from '../../../../shared/time'
import { useFieldLabel } from './fieldLabel'
import { queryKeys } from '../../api/queryKeys'

/**
 * R-19 (and the access report, R-18): per field when it was last changed, by whom and why; then
 * every change in order. Field names only — the old values are not kept anywhere.
 */
export function HistoryTab({ person, openReason }: { person: PersonDetail; openReason: string | undefined }) {
  const { t, i18n } = useTranslation()
  const history = useQuery({
    queryKey: queryKeys.personHistory(person.id),
    queryFn: () => call('getPersonHistory', { personId: person.id, ...(openReason ? { reason: openReason } : {}) })
  })
  const fieldLabel = useFieldLabel()
  const ts = (iso: string) => formatTimestamp(iso, i18n.language)
  return (
    <Stack gap="lg">
      <Title order={4}>{t('person.history.perField')}</Title>
      {person.fieldHistory.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('person.history.noChanges')}
        </Text>
      ) : (
        <Table withTableBorder verticalSpacing={4} data-testid="field-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('person.history.field')}</Table.Th>
              <Table.Th w={170}>{t('person.history.when')}</Table.Th>
              <Table.Th w={200}>{t('person.history.by')}</Table.Th>
              <Table.Th>{t('person.history.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {person.fieldHistory.map((c) => (
              <Table.Tr key={c.field} data-field={c.field}>
                <Table.Td>{fieldLabel(c.field)}</Table.Td>
                <Table.Td>{ts(c.changedAt)}</Table.Td>
                <Table.Td>{c.changedBy ?? ''}</Table.Td>
                <Table.Td>{c.reason ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      {history.data && history.data.breaches.length > 0 && (
        <Stack gap={4} data-testid="history-breaches">
          <Title order={4}>{t('person.history.breaches')}</Title>
          {history.data.breaches.map((b, i) => (
            <Text key={`${b.discoveredOn}-${i}`} size="sm">
              {t('person.history.breachDiscovered', { date: formatDate(b.discoveredOn, i18n.language) })} ·{' '}
              {b.toldOn ? t('person.history.breachTold', { date: formatDate(b.toldOn, i18n.language) }) : t('person.history.breachNotTold')}
            </Text>
          ))}
        </Stack>
      )}

      <Title order={4}>{t('person.history.all')}</Title>
      <ErrorAlert error={history.error} />
      {history.isPending && <Loader size="sm" />}
      {history.data && (
        <Table withTableBorder verticalSpacing={4} data-testid="change-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={170}>{t('person.history.when')}</Table.Th>
              <Table.Th w={200}>{t('person.history.by')}</Table.Th>
              <Table.Th>{t('person.history.fields')}</Table.Th>
              <Table.Th>{t('person.history.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.data.changes.map((c, i) => (
              <Table.Tr key={`${c.changedAt}-${i}`}>
                <Table.Td>{ts(c.changedAt)}</Table.Td>
                <Table.Td>{c.changedBy ?? ''}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {c.fields.map((f) => (
                      <Badge key={f} size="sm" variant="light" color="gray" tt="none">
                        {fieldLabel(f)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{c.reason ?? ''}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td>{ts(history.data.createdAt)}</Table.Td>
              <Table.Td>{history.data.createdBy ?? ''}</Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" tt="none">
                  {t('person.history.registered')}
                </Badge>
              </Table.Td>
              <Table.Td />
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
