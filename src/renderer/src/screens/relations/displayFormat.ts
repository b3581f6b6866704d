import i18next from 'i18next'
import { parsePhoneNumberFromString } from 'libphonenumber-js/max'

/**
 * Dates and phone numbers as office staff read them: calendar dates (`YYYY-MM-DD`, no time zone)
 * as `27-11-2026` in Dutch and `2026-11-27` in English (as in the printed documents); UTC
 * timestamps as date and time in Europe/Amsterdam.
 */
export function formatCalendarDate(date: string, lang: string = i18next.language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return date
  return lang === 'en' ? date : `${m[3]}-${m[2]}-${m[1]}`
}

export function formatTimestamp(iso: string, lang: string = i18next.language): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(d)
      .map((p) => [p.type, p.value])
  )
  return `${formatCalendarDate(`${parts['year']}-${parts['month']}-${parts['day']}`, lang)} ${parts['hour']}:${parts['minute']}`
}

/** A stored E.164 number (`+31534801234`) grouped for reading: `+31 53 480 1234`. */
export function formatPhone(e164: string | null): string {
  if (!e164) return ''
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164
}
