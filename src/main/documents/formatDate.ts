import type { CalendarDate } from '../../shared/domain'
import type { Lang } from './labels'

/**
 * Formats a calendar date (`YYYY-MM-DD`) for a printed document, the same way in every document:
 * Dutch `27-11-2026` (DD-MM-YYYY, as Dutch readers expect), English `2026-11-27` (ISO 8601: not
 * ambiguous across the US/UK split, and as narrow as the Dutch form in the reports' many date
 * columns). A calendar date has no time zone; anything that is not a valid `YYYY-MM-DD` is
 * returned unchanged rather than guessed at.
 */
export function formatDate(date: CalendarDate, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) return date
  const [, year, month, day] = match as unknown as [string, string, string, string]
  const utc = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)))
  if (utc.getUTCMonth() !== Number(month) - 1 || utc.getUTCDate() !== Number(day)) return date
  return lang === 'nl' ? `${day}-${month}-${year}` : `${year}-${month}-${day}`
}

/** File sizes in attachment lists: `12,3 kB` (nl) or `12.3 kB` (en); decimal units. */
export function formatBytes(bytes: number, lang: Lang): string {
  const number = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 })
  if (bytes < 1000) return `${number.format(bytes)} B`
  if (bytes < 1_000_000) return `${number.format(bytes / 1000)} kB`
  return `${number.format(bytes / 1_000_000)} MB`
}
