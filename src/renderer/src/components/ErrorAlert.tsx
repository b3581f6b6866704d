import { Alert } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/call'

/** A failed operation, in the user's language, from its stable code. Never a stack trace. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation()
  if (!error) return null
  const code = error instanceof ApiError ? error.code : 'INTERNAL'
  const detail = error instanceof ApiError ? error.detail : undefined
  return (
    <Alert color="red" role="alert" data-testid="error-alert" data-code={code}>
      {t(`errors.${code}`, { seconds: detail?.['retryAfterSeconds'], identifier: detail?.['identifier'] ? t(`dnc.identifier.${String(detail['identifier'])}`) : '' })}
    </Alert>
  )
}
