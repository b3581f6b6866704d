import { SegmentedControl, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/call'
import { ErrorAlert } from '../../components/ErrorAlert'
import { DocumentFrame } from './DocumentPreview'
import { queryKeys } from '../../api/queryKeys'

/** GDPR art. 30: the processing register as the app generates it, previewed and printable. */
export function ProcessingRegisterScreen() {
  const { t, i18n } = useTranslation()
  const [lang, setLang] = useState<'nl' | 'en'>(i18n.language === 'en' ? 'en' : 'nl')
  const doc = useQuery({ queryKey: queryKeys.processingRegister(lang), queryFn: () => call('getProcessingRegisterHtml', { lang }) })
  return (
    <Stack data-testid="register-screen">
      <Title order={1}>{t('governance.register.title')}</Title>
      <Text size="sm" c="dimmed" maw={900}>
        {t('governance.register.intro')}
      </Text>
      <SegmentedControl
        w={160}
        aria-label={t('governance.register.language')}
        value={lang}
        onChange={(v) => setLang(v === 'en' ? 'en' : 'nl')}
        data={[
          { value: 'nl', label: 'NL' },
          { value: 'en', label: 'EN' }
        ]}
      />
      <ErrorAlert error={doc.error} />
      {doc.data && <DocumentFrame html={doc.data.html} title={t('governance.register.frameTitle')} height={720} />}
    </Stack>
  )
}
