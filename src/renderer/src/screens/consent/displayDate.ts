/** A `YYYY-MM-DD` calendar date as staff read it: `27-11-2026` (nl) or `27/11/2026` (en). */
export function displayDate(date: string | null | undefined, lang: string): string {
  if (!date) return ''
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return date
  const sep = lang === 'en' ? '/' : '-'
  return `${m[3]}${sep}${m[2]}${sep}${m[1]}`
}
