import type { UseFormReturnType } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { fieldErrors } from '../../api/call'

/**
 * Form errors are kept as i18n keys (from the shared zod schemas on the client, from `ApiError.issues`
 * on the server) and translated when shown, so a language switch re-translates them.
 */
export function useFieldProps<V>(form: UseFormReturnType<V>) {
  const { t } = useTranslation()
  return (path: string, options?: { type?: 'input' | 'checkbox' }) => {
    const props = form.getInputProps(path as never, options)
    const error = props['error'] as unknown
    return { ...props, error: typeof error === 'string' && error !== '' ? t(error) : undefined }
  }
}

/**
 * A failed save's field issues as form errors (i18n keys), with the operation's path prefix
 * removed: updatePerson reports `changes.address.postcode`, the form field is `address.postcode`.
 */
export function serverFieldErrors(e: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [path, key] of Object.entries(fieldErrors(e, (k) => k))) {
    out[prefix && path.startsWith(prefix) ? path.slice(prefix.length) : path] = key
  }
  return out
}

/** Only the errors whose path starts with one of `roots` (the fields of one intake step). */
export function errorsUnder(errors: Record<string, unknown>, roots: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [path, message] of Object.entries(errors)) {
    const root = path.split('.')[0] ?? ''
    if (roots.includes(root) && typeof message === 'string') out[path] = message
  }
  return out
}
