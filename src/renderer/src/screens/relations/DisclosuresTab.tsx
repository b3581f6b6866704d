import { Loader, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { DISCLOSURE_FIELDS, DISCLOSURE_PURPOSES } from '../../../../shared/contract/relations'
import { call } from '../../api/call'
import { ErrorAlert } from '../../components/ErrorAlert'
import { formatTimestamp } from '../../../../shared/time'
import { queryKeys } from '../../api/queryKeys'

/**
 * R-8: the person's disclosures, newest first — when, the reference on the printed profile, to
 * whom, for what, which fields, why and by whom. A shielded record's list needs the privacy
 * officer's `openReason` (R-14). Opening it is audited by the service.
 */
export function DisclosuresTab({ personId, openReason }: { personId: string; openReason?: string }) {
  const { t, i18n } = useTranslation()
  const list = useQuery({
    queryKey: queryKeys.disclosures.opened(personId, openReason ?? null),
    queryFn: () => call('listDisclosures', { personId, ...(openReason ? { reason: openReason } : {}) })
  })
  const purposeLabel = (p: string) => ((DISCLOSURE_PURPOSES as readonly string[]).includes(p) ? t(`relations.share.purposes.${p}`) : p)
  const fieldLabel = (f: string) => ((DISCLOSURE_FIELDS as readonly string[]).includes(f) ? t(`relations.fields.${f}`) : f)
  // The stored reason names extra fields by key (`iban [consent]: …`, see disclosureRules.ts); show their labels.
  const reasonText = (reason: string) =>
    reason.replace(/^([a-zA-Z]+)( \[consent\])?(?=:|$)/gm, (whole, key: string, consent?: string) =>
      (DISCLOSURE_FIELDS as readonly string[]).includes(key) ? `${fieldLabel(key)}${consent ? ` (${t('relations.disclosures.withConsent')})` : ''}` : whole
    )
  return (
    <Stack gap="sm" data-testid="disclosures-tab">
      <Title order={4}>{t('relations.disclosures.title')}</Title>
      <ErrorAlert error={list.error} />
      {list.isPending && <Loader size="sm" />}
      {list.data && list.data.length === 0 && <Text c="dimmed">{t('relations.disclosures.empty')}</Text>}
      {list.data && list.data.length > 0 && (
        <Table withTableBorder striped verticalSpacing={4} data-testid="disclosures-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('relations.disclosures.date')}</Table.Th>
              <Table.Th>{t('relations.disclosures.reference')}</Table.Th>
              <Table.Th>{t('relations.disclosures.recipient')}</Table.Th>
              <Table.Th>{t('relations.disclosures.purpose')}</Table.Th>
              <Table.Th>{t('relations.disclosures.fields')}</Table.Th>
              <Table.Th>{t('relations.disclosures.reason')}</Table.Th>
              <Table.Th>{t('relations.disclosures.by')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((d) => (
              <Table.Tr key={d.id} data-testid="disclosure-row">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTimestamp(d.disclosedAt, i18n.language)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{d.reference}</Table.Td>
                <Table.Td>{d.recipientName}</Table.Td>
                <Table.Td>{purposeLabel(d.purpose)}</Table.Td>
                <Table.Td>{d.fields.map(fieldLabel).join(', ')}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{d.reason ? reasonText(d.reason) : ''}</Table.Td>
                <Table.Td>{d.actorName ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
