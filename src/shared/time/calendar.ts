import { TZDate } from '@date-fns/tz'
import { UTCDate } from '@date-fns/utc'
import { addDays, addMonths, addYears, endOfYear, format, isExists, lightFormat } from 'date-fns'
import type { CalendarDate } from '../domain'
import { DossierError } from '../errors'

/**
 * Calendar-date arithmetic on `YYYY-MM-DD` strings, for main and renderer alike (browser-safe:
 * date-fns and its time-zone packages only). Terms are calendar terms in
 * Europe/Amsterdam: a date string already *is* an Amsterdam calendar date, so the arithmetic runs
 * on a UTC-noon `UTCDate`, which has no DST gaps or system-time-zone surprises (and, unlike a
 * `TZDate` in 'UTC', asks `Intl` nothing: the sweep evaluates 100,000 persons). Month math is
 * date-fns's, which clamps to the month's last day: 31 Jan + 3 months = 30 Apr,
 * 29 Feb 2024 + 2 years = 28 Feb 2026. No `Date` ever leaves this file.
 */

export const AMSTERDAM_TZ = 'Europe/Amsterdam'

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/

/** True for a real calendar date in `YYYY-MM-DD` form (2025-02-29 is not one). */
export function isCalendarDate(s: unknown): s is CalendarDate {
  if (typeof s !== 'string') return false
  const m = DATE_PATTERN.exec(s)
  if (m === null) return false
  return isExists(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
}

function toDate(d: CalendarDate): UTCDate {
  if (!isCalendarDate(d)) {
    // The value is not echoed: it may be a birth date or another personal fact.
    throw new DossierError('VALIDATION_FAILED', 'Not a calendar date (YYYY-MM-DD)', {
      issues: [{ path: 'date', key: 'validation.date.invalid' }]
    })
  }
  const [y, m, day] = d.split('-').map(Number) as [number, number, number]
  return new UTCDate(y, m - 1, day, 12, 0, 0)
}

function toCalendarDate(date: UTCDate): CalendarDate {
  return lightFormat(date, 'yyyy-MM-dd')
}

export function addCalendarDays(d: CalendarDate, n: number): CalendarDate {
  return toCalendarDate(addDays(toDate(d), n))
}

/** Month-end clamping: the result never rolls into the next month. */
export function addCalendarMonths(d: CalendarDate, n: number): CalendarDate {
  return toCalendarDate(addMonths(toDate(d), n))
}

/** 29 Feb + 1 year = 28 Feb. */
export function addCalendarYears(d: CalendarDate, n: number): CalendarDate {
  return toCalendarDate(addYears(toDate(d), n))
}

/** The last day (31 December) of the calendar year `d` falls in. */
export function endOfCalendarYear(d: CalendarDate): CalendarDate {
  return toCalendarDate(endOfYear(toDate(d)))
}

/** Negative, zero or positive like a sort comparator. `YYYY-MM-DD` strings sort lexically. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function maxDate(first: CalendarDate, ...rest: CalendarDate[]): CalendarDate {
  return rest.reduce((max, d) => (compareDates(d, max) > 0 ? d : max), first)
}

export function minDate(first: CalendarDate, ...rest: CalendarDate[]): CalendarDate {
  return rest.reduce((min, d) => (compareDates(d, min) < 0 ? d : min), first)
}

/**
 * The calendar date in Europe/Amsterdam at a UTC instant (e.g. 2026-03-28T23:30Z is 29 March).
 * Callers pass the instant: main's injected `Clock`, or the renderer's workstation clock.
 */
export function amsterdamToday(instant: Date | number): CalendarDate {
  return format(new TZDate(typeof instant === 'number' ? instant : instant.getTime(), AMSTERDAM_TZ), 'yyyy-MM-dd')
}

/** The Amsterdam calendar day of a stored UTC timestamp (at night its UTC date is a day behind). */
export function calendarDayOf(iso: string): CalendarDate {
  return amsterdamToday(new Date(iso))
}
