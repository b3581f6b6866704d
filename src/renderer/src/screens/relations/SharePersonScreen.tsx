import { Alert, Group, Stack, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { DisclosuresTab } from './DisclosuresTab'
import { ShareWithClient } from './ShareWithClient'

/**
 * A hidden screen (`navigate('share-person', { personId })`): the share button and the person's
 * disclosures on their own. The person detail mounts the same two components in its sharing tab.
 */
export function SharePersonScreen({ personId, clientId }: { personId: string; clientId?: string }) {
  const { t } = useTranslation()
  return (
    <Stack gap="md" data-testid="share-person-screen">
      <Group justify="space-between">
        <Title order={1}>{t('relations.sharePerson.title')}</Title>
        {personId !== '' && <ShareWithClient personId={personId} {...(clientId ? { clientId } : {})} />}
      </Group>
      {personId === '' ? <Alert color="red">{t('errors.NOT_FOUND')}</Alert> : <DisclosuresTab personId={personId} />}
    </Stack>
  )
}
