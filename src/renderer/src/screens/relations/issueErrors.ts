import { fieldErrors } from '../../api/call'

/**
 * A failed save's field issues as form errors in the user's language, with the operation's path
 * prefix removed (updateClient reports `changes.postcode`, the form field is `postcode`).
 */
export function issueErrors(e: unknown, t: (key: string) => string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [path, text] of Object.entries(fieldErrors(e, t))) out[prefix && path.startsWith(prefix) ? path.slice(prefix.length) : path] = text
  return out
}
