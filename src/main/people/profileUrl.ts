/**
 * a profile URL (where a prospect was found, R-6 `source.detail`) in one canonical form, so
 * the do-not-contact register recognises it however it was written: no scheme, no `www.`, host in
 * lower case, no query or fragment, no trailing slash. The path keeps its case.
 * `null` when the text is not a web address.
 */
export function normaliseProfileUrl(input: string): string | null {
  let text = input.trim()
  if (text === '' || /\s/.test(text)) return null
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `https://${text}`
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  // `mailto:x@host` read as a URL has credentials: an address, not a profile page.
  if (url.username !== '' || url.password !== '') return null
  const host = url.hostname.toLowerCase().replace(/^www\./, '')
  if (!host.includes('.')) return null
  const path = url.pathname.replace(/\/+$/, '')
  return host + path
}
