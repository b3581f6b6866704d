import { Alert, Button, Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { DoNotContactIdentifier } from '../../../../shared/contract/people'

/**
 * the person matches the do-not-contact register. Says which identifier matched (e-mail,
 * phone, profile URL) — never anything stored — and that nothing was saved.
 */
export function DoNotContactNotice({ identifier, onDiscard }: { identifier: DoNotContactIdentifier; onDiscard: () => void }) {
  const { t } = useTranslation()
  return (
    <Alert color="red" variant="light" title={t('dnc.notice.title')} role="alert" data-testid="dnc-notice" data-identifier={identifier}>
      <Text size="sm">{t('dnc.notice.body', { identifier: t(`dnc.identifier.${identifier}`) })}</Text>
      <Text size="sm" mt={4}>
        {t('dnc.notice.nothingSaved')}
      </Text>
      <Group mt="sm">
        <Button size="xs" color="red" variant="light" onClick={onDiscard} data-testid="dnc-discard">
          {t('intake.discard')}
        </Button>
      </Group>
    </Alert>
  )
}
