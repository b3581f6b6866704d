import { amsterdamToday } from '../api/amsterdamToday'

/**
 * Dates as office staff read them, on every screen. Calendar dates (`YYYY-MM-DD`) are shown as
 * written, without a time zone; timestamps (UTC ISO) in Europe/Amsterdam time.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** `2026-11-27` → `27-11-2026` (nl) or `27/11/2026` (en); anything else is returned unchanged. */
export function formatDate(date: string | null | undefined, lang: string): string {
  if (!date) return ''
  const m = ISO_DATE.exec(date)
  if (!m) return date
  const sep = lang === 'en' ? '/' : '-'
  return `${m[3]}${sep}${m[2]}${sep}${m[1]}`
}

/** A UTC timestamp as date and time in Europe/Amsterdam, e.g. `27-11-2026 11:00`. */
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

/** The Europe/Amsterdam calendar day of a UTC timestamp: at night its UTC date is a day behind. */
export function formatDayOf(iso: string | null | undefined, lang: string): string {
  if (!iso) return ''
  const ms = Date.parse(iso)
  return Number.isNaN(ms) ? iso : formatDate(amsterdamToday(ms), lang)
}

/** Replaces every `YYYY-MM-DD` value of a parameter map by its display form (retention lines). */
export function formatDateParams(params: Record<string, string>, lang: string): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, ISO_DATE.test(v) ? formatDate(v, lang) : v]))
}

/** File sizes: `12 kB`, `3,4 MB`. */
export function formatBytes(bytes: number, lang: string): string {
  const nf = (n: number, digits: number) => n.toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: digits })
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${nf(bytes / 1024, 0)} kB`
  return `${nf(bytes / 1024 / 1024, 1)} MB`
}
