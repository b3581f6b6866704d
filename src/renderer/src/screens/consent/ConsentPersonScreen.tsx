import { Button, Group, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/call'
import type { ScreenProps } from '../screenTypes'
import { ConsentTab } from './ConsentTab'
import { queryKeys } from '../../api/queryKeys'

/** Hidden screen `consent-person` (`params.personId`): one person's consent tab on its own, e.g. from the review list. */
export function ConsentPersonScreen({ params, navigate }: ScreenProps) {
  const { t } = useTranslation()
  const personId = params['personId']
  // Same query key as the tab, so this shares its (audited) answer instead of asking twice.
  const list = useQuery({ queryKey: queryKeys.consents(personId), queryFn: () => call('listConsents', { personId: personId! }), enabled: personId !== undefined })
  if (!personId) return <Text c="dimmed">{t('consent.person.missing')}</Text>
  return (
    <Stack data-testid="consent-person">
      <Group justify="space-between">
        <Title order={1}>{t('consent.person.title', { name: list.data?.personName ?? '' })}</Title>
        <Group gap="xs">
          <Button variant="default" onClick={() => navigate('consents')}>
            {t('nav.consents')}
          </Button>
          <Button variant="light" onClick={() => navigate('person', { personId, tab: 'consent' })}>
            {t('consent.person.openDossier')}
          </Button>
        </Group>
      </Group>
      <ConsentTab personId={personId} />
    </Stack>
  )
}
