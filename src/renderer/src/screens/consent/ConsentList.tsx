import { Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConsentState, ConsentView } from '../../../../shared/contract/consent'
import { call } from '../../api/call'
import { ErrorAlert } from '../../components/ErrorAlert'
import { ConsentFormPreview } from './ConsentFormPreview'
import { formatDate } from '../../../../shared/time'
import { queryKeys } from '../../api/queryKeys'

export const STATE_COLOR: Record<ConsentState, string> = { valid: 'teal', pending: 'blue', expired: 'gray', withdrawn: 'red', 'basis-inactive': 'orange' }

const isLive = (c: ConsentView) => c.withdrawnOn === null && c.expiredPurgedOn === null && c.state !== 'expired'

/**
 * A person's consents and legal bases with their state today (R-4). A live one can be withdrawn
 * with ONE confirmation, which says what is deleted; a recorded consent can be printed again.
 */
export function ConsentList({ personId, consents, canWrite }: { personId: string; consents: ConsentView[]; canWrite: boolean }) {
  const { t, i18n } = useTranslation()
  const qc = useQueryClient()
  const [withdrawing, setWithdrawing] = useState<ConsentView | null>(null)
  const [formHtml, setFormHtml] = useState<string | null>(null)
  const d = (date: string | null) => formatDate(date, i18n.language)
  const withdraw = useMutation({
    mutationFn: (c: ConsentView) => call('withdrawConsent', { consentId: c.id }),
    onSuccess: async () => {
      setWithdrawing(null)
      await qc.invalidateQueries({ queryKey: queryKeys.consents(personId) })
    }
  })
  const print = useMutation({
    mutationFn: (c: ConsentView) => call('getConsentFormHtml', { consentId: c.id, lang: i18n.language === 'en' ? 'en' : 'nl' }),
    onSuccess: (r) => setFormHtml(r.html)
  })

  if (consents.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="consent-empty">
        {t('consent.list.empty')}
      </Text>
    )
  }
  return (
    <>
      <Table withTableBorder verticalSpacing={6} data-testid="consent-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('consent.list.categoryPurpose')}</Table.Th>
            <Table.Th>{t('consent.list.basis')}</Table.Th>
            <Table.Th>{t('consent.list.period')}</Table.Th>
            <Table.Th>{t('consent.list.state')}</Table.Th>
            <Table.Th ta="right">{t('consent.list.items')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {consents.map((c) => (
            <Table.Tr key={c.id} data-testid="consent-row" data-category={c.category} data-state={c.state}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {t(`consent.category.${c.category}`)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`people.purpose.${c.purpose}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm">{c.basis === 'consent' ? `${t('consent.basis.consent')}${c.how ? ` · ${t(`consent.how.${c.how}`)}` : ''}` : (c.legalBasisLabel ?? c.legalBasisKey)}</Text>
                  <Text size="xs" c="dimmed">
                    {[c.statementVersion ? t('consent.list.statementVersion', { version: c.statementVersion }) : null, c.recordedBy ? t('consent.list.recordedBy', { name: c.recordedBy }) : null]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                  {c.withdrawnOn && (
                    <Text size="xs" c="red">
                      {t('consent.list.withdrawn', { date: d(c.withdrawnOn), name: c.withdrawnBy ?? '—' })}
                    </Text>
                  )}
                  {c.expiredPurgedOn && (
                    <Text size="xs" c="dimmed">
                      {t('consent.list.purged', { date: d(c.expiredPurgedOn) })}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{t('consent.list.from', { date: d(c.givenOn) })}</Text>
                <Text size="sm" c={c.endsOn ? undefined : 'dimmed'}>
                  {c.endsOn ? t('consent.list.until', { date: d(c.endsOn) }) : t('consent.list.noEnd')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={STATE_COLOR[c.state]} variant="light" tt="none" styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }} data-testid="consent-state">
                  {t(`consent.state.${c.state}`)}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">{c.specialDataCount}</Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  {c.basis === 'consent' && (
                    <Button size="compact-sm" variant="light" loading={print.isPending && print.variables?.id === c.id} onClick={() => print.mutate(c)} data-testid="consent-print">
                      {t('consent.action.form')}
                    </Button>
                  )}
                  {canWrite && isLive(c) && (
                    <Button size="compact-sm" variant="subtle" color="red" onClick={() => setWithdrawing(c)} data-testid="consent-withdraw">
                      {c.basis === 'consent' ? t('consent.action.withdraw') : t('consent.action.endBasis')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ErrorAlert error={print.error} />

      <Modal
        opened={withdrawing !== null}
        onClose={() => setWithdrawing(null)}
        title={withdrawing?.basis === 'legal-basis' ? t('consent.withdraw.titleBasis') : t('consent.withdraw.title')}
        centered
      >
        <Stack>
          <Text size="sm">
            {withdrawing &&
              t('consent.withdraw.body', {
                category: t(`consent.category.${withdrawing.category}`),
                purpose: t(`people.purpose.${withdrawing.purpose}`),
                count: consents.filter((c) => c.category === withdrawing.category && c.purpose === withdrawing.purpose).reduce((n, c) => n + c.specialDataCount, 0)
              })}
          </Text>
          <ErrorAlert error={withdraw.error} />
          <Group justify="flex-end">
            <Button variant="default" data-autofocus onClick={() => setWithdrawing(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={withdraw.isPending} onClick={() => withdrawing && withdraw.mutate(withdrawing)} data-testid="consent-withdraw-confirm">
              {t('consent.withdraw.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <ConsentFormPreview html={formHtml} onClose={() => setFormHtml(null)} />
    </>
  )
}
