import { amsterdamToday } from './calendar'

/**
 * Dates as people read them, in Dutch (`nl`) and English (`en`). Calendar dates (`YYYY-MM-DD`)
 * are shown as written, without a time zone; timestamps (UTC ISO) in Europe/Amsterdam time.
 *
 * Two styles, each kept where readers know it: the screens show `27-11-2026` / `27/11/2026`; the
 * printed documents (access report, shared profile, registers) `27-11-2026` / `27 Nov 2026`
 * (issue 14: a document in English reads like English, not like a database; the month in words is
 * not ambiguous across the US/UK split and stays narrow in the reports' many date columns).
 */
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Screens: `2026-11-27` → `27-11-2026` (nl) or `27/11/2026` (en); anything else is returned unchanged. */
export function formatDate(date: string | null | undefined, lang: string): string {
  if (!date) return ''
  const m = ISO_DATE.exec(date)
  if (!m) return date
  const sep = lang === 'en' ? '/' : '-'
  return `${m[3]}${sep}${m[2]}${sep}${m[1]}`
}

/**
 * Printed documents: `27-11-2026` (nl), `27 Nov 2026` (en). Anything that is not a real
 * `YYYY-MM-DD` calendar date (2026-02-30 is not one) is returned unchanged rather than guessed at.
 */
export function formatPrintedDate(date: string, lang: 'nl' | 'en'): string {
  const m = ISO_DATE.exec(date)
  if (!m) return date
  const [, year, month, day] = m as unknown as [string, string, string, string]
  const utc = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)))
  if (utc.getUTCMonth() !== Number(month) - 1 || utc.getUTCDate() !== Number(day)) return date
  return lang === 'nl' ? `${day}-${month}-${year}` : `${Number(day)} ${EN_MONTHS[Number(month) - 1]} ${year}`
}

/** Screens: a UTC timestamp as date and time in Europe/Amsterdam, e.g. `27-11-2026 11:00`. */
export function formatTimestamp(iso: string | null | undefined, lang: string): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(d)
      .map((p) => [p.type, p.value])
  )
  return `${formatDate(`${parts['year']}-${parts['month']}-${parts['day']}`, lang)} ${parts['hour']}:${parts['minute']}`
}

/** Screens: the Europe/Amsterdam calendar day of a UTC timestamp: at night its UTC date is a day behind. */
export function formatDayOf(iso: string | null | undefined, lang: string): string {
  if (!iso) return ''
  const ms = Date.parse(iso)
  return Number.isNaN(ms) ? iso : formatDate(amsterdamToday(ms), lang)
}

/** Screens: replaces every `YYYY-MM-DD` value of a parameter map by its display form (retention lines). */
export function formatDateParams(params: Record<string, string>, lang: string): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, ISO_DATE.test(v) ? formatDate(v, lang) : v]))
}
