/**
 * Escapes a string for use in HTML text and in double- or single-quoted attribute values.
 * Every user-supplied string in a printable document passes through here (names, free text,
 * file names, client names): the documents must never carry markup or script from the data.
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch)
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}
