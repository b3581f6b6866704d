import { Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { DisclosuresTab } from '../relations/DisclosuresTab'
import { ShareWithClient } from '../relations/ShareWithClient'

/** "Delen": the relations capability's share dialog and the person's disclosures. */
export function SharingTab({ personId, openReason }: { personId: string; openReason: string | undefined }) {
  const { t } = useTranslation()
  return (
    <Stack gap="lg">
      <Stack gap="xs" align="flex-start">
        <Text size="sm" c="dimmed">
          {t('person.sharingIntro')}
        </Text>
        <ShareWithClient personId={personId} />
      </Stack>
      <DisclosuresTab personId={personId} openReason={openReason} />
    </Stack>
  )
}
