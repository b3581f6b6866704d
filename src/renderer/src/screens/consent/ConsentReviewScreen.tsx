import { Badge, Button, Stack, Table, Tabs, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConsentReview } from '../../../../shared/contract/consent'
import { call } from '../../api/call'
import { ErrorAlert } from '../../components/ErrorAlert'
import type { ScreenProps } from '../screenTypes'
import { STATE_COLOR } from './ConsentList'
import { formatDate, formatDayOf } from '../../../../shared/time'
import { GroundsPolicyPanel } from './GroundsPolicyPanel'
import { LegalBasesPanel } from './LegalBasesPanel'
import { queryKeys } from '../../api/queryKeys'

type ReviewItem = ConsentReview['expiringSoon'][number]

/**
 * The privacy officer's review (issue 4): grounds ending within 30 days, special data without a
 * valid ground (computed; should be none), data whose ground does not fit its category (R-4a:
 * "grondslag past niet", to remove), withdrawals of the last month — and the list of legal
 * bases. Names link to the person's consent tab. No special-data values anywhere here.
 */
export function ConsentReviewScreen({ navigate }: ScreenProps) {
  const { t, i18n } = useTranslation()
  const review = useQuery({ queryKey: queryKeys.consentReview, queryFn: () => call('getConsentReview', {}) })
  const d = (date: string | null) => formatDate(date, i18n.language)
  const open = (personId: string) => navigate('consent-person', { personId })
  /** The cells every special-data row of the review starts with: who (a link to their consents), what, why, since when. */
  const specialDataCells = (i: { personId: string; personName: string; category: string; purpose: string; createdAt: string }) => (
    <>
      <Table.Td>
        <Button variant="subtle" size="compact-sm" onClick={() => open(i.personId)}>
          {i.personName}
        </Button>
      </Table.Td>
      <Table.Td>{t(`consent.category.${i.category}`)}</Table.Td>
      <Table.Td>{t(`people.purpose.${i.purpose}`)}</Table.Td>
      <Table.Td>{formatDayOf(i.createdAt, i18n.language)}</Table.Td>
    </>
  )

  const section = (title: string, testId: string, empty: string, rows: ReactNode[], head: ReactNode) => (
    <Stack gap="xs" data-testid={testId}>
      <Title order={4}>{title}</Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Table withTableBorder verticalSpacing={4}>
          <Table.Thead>{head}</Table.Thead>
          <Table.Tbody>{rows}</Table.Tbody>
        </Table>
      )}
    </Stack>
  )
  const consentHead = (dateLabel: string, lastLabel = t('consent.list.state')) => (
    <Table.Tr>
      <Table.Th>{t('consent.review.person')}</Table.Th>
      <Table.Th>{t('consent.list.category')}</Table.Th>
      <Table.Th>{t('consent.list.purpose')}</Table.Th>
      <Table.Th w={140}>{dateLabel}</Table.Th>
      <Table.Th w={170}>{lastLabel}</Table.Th>
    </Table.Tr>
  )
  const consentRow = (i: ReviewItem, date: string | null) => (
    <Table.Tr key={i.consentId} data-testid="review-row">
      <Table.Td>
        <Button variant="subtle" size="compact-sm" onClick={() => open(i.personId)} data-testid="review-open">
          {i.personName}
        </Button>
      </Table.Td>
      <Table.Td>{t(`consent.category.${i.category}`)}</Table.Td>
      <Table.Td>{t(`people.purpose.${i.purpose}`)}</Table.Td>
      <Table.Td>{d(date)}</Table.Td>
      <Table.Td>
        <Badge color={STATE_COLOR[i.state]} variant="light" tt="none" styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}>
          {t(`consent.state.${i.state}`)}
        </Badge>
      </Table.Td>
    </Table.Tr>
  )

  return (
    <Stack data-testid="consent-review">
      <Title order={1}>{t('consent.review.title')}</Title>
      <Tabs defaultValue="review" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="review">{t('consent.review.tab.review')}</Tabs.Tab>
          <Tabs.Tab value="legal-bases" data-testid="review-tab-legal-bases">
            {t('consent.review.tab.legalBases')}
          </Tabs.Tab>
          <Tabs.Tab value="grounds" data-testid="review-tab-grounds">
            {t('consent.review.tab.grounds')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="review" pt="md">
          <Stack gap="xl">
            <Text size="sm" c="dimmed">
              {t('consent.review.intro')}
            </Text>
            <ErrorAlert error={review.error} />
            {review.data && (
              <>
                {section(
                  t('consent.review.expiringSoon'),
                  'review-expiring',
                  t('consent.review.expiringEmpty'),
                  review.data.expiringSoon.map((i) => consentRow(i, i.endsOn)),
                  consentHead(t('consent.list.endsOn'))
                )}
                {section(
                  t('consent.review.withoutBasis'),
                  'review-without-basis',
                  t('consent.review.withoutBasisEmpty'),
                  review.data.withoutValidBasis.map((i) => (
                    <Table.Tr key={i.specialDataId}>
                      {specialDataCells(i)}
                      <Table.Td />
                    </Table.Tr>
                  )),
                  consentHead(t('consent.review.createdAt'))
                )}
                {section(
                  t('consent.review.groundDoesNotFit'),
                  'review-ground-misfit',
                  t('consent.review.groundDoesNotFitEmpty'),
                  review.data.groundDoesNotFit.map((i) => (
                    <Table.Tr key={i.specialDataId} data-testid="review-misfit-row">
                      {specialDataCells(i)}
                      <Table.Td>
                        <Text size="sm">{t(`consent.misfit.${i.reason}`)}</Text>
                        <Text size="xs" c="dimmed">
                          {i.basis === 'consent' ? t('consent.basis.consent') : (i.legalBasisKey ?? '')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )),
                  consentHead(t('consent.review.createdAt'), t('consent.review.reason'))
                )}
                {section(
                  t('consent.review.withdrawals'),
                  'review-withdrawals',
                  t('consent.review.withdrawalsEmpty'),
                  review.data.recentWithdrawals.map((i) => consentRow(i, i.withdrawnOn)),
                  consentHead(t('consent.review.withdrawnOn'))
                )}
              </>
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="legal-bases" pt="md">
          <LegalBasesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="grounds" pt="md">
          <GroundsPolicyPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
