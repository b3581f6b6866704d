import { Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** Placeholder home until a capability contributes the records list. */
export function RecordsScreen() {
  const { t } = useTranslation()
  return (
    <Stack>
      <Title order={2}>{t('records.title')}</Title>
      <Text c="dimmed" data-testid="records-empty">
        {t('records.empty')}
      </Text>
    </Stack>
  )
}
