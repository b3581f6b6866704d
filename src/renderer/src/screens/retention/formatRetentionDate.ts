/** Dates on the retention screens: calendar dates as written (no time zone), timestamps in Amsterdam time. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** `2027-04-30` → `30-04-2027` (nl) or `30/04/2027` (en). */
export function formatCalendarDate(date: string | null | undefined, lang: string): string {
  const m = date ? ISO_DATE.exec(date) : null
  if (!m) return date ?? ''
  const sep = lang === 'en' ? '/' : '-'
  return `${m[3]}${sep}${m[2]}${sep}${m[1]}`
}

/** A UTC ISO timestamp as `dd-mm-yyyy hh:mm` in Europe/Amsterdam. */
export function formatInstant(iso: string | null | undefined, lang: string): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(d)
      .map((p) => [p.type, p.value])
  )
  return `${formatCalendarDate(`${parts['year']}-${parts['month']}-${parts['day']}`, lang)} ${parts['hour']}:${parts['minute']}`
}

/** Every `YYYY-MM-DD` parameter of an explanation, in display form. */
export function formatDateParams(params: Record<string, string>, lang: string): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, ISO_DATE.test(v) ? formatCalendarDate(v, lang) : v]))
}
