import { SegmentedControl } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { setLanguage, type Language } from '../i18n'

export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={i18n.language}
      onChange={(v) => setLanguage(v as Language)}
      data={[
        { value: 'nl', label: t('language.nl') },
        { value: 'en', label: t('language.en') }
      ]}
      data-testid="language-switch"
    />
  )
}
