/**
 * Calendar dates (`YYYY-MM-DD`, Europe/Amsterdam; domain.ts `CalendarDate`). Rules that depend on
 * the date take `today` as an argument (STYLE: no clock inside rules). ISO dates compare correctly
 * as strings, so no `Date` object and no time zone is ever involved.
 */
import { z } from 'zod'
import type { CalendarDate } from '../domain'
import { keyed } from './messages'

/**
 * Every date Dossier takes in lies between 1900 and 2999. Terms of up to decades are added to dates
 * and subtracted from them, and the calendar arithmetic (like JavaScript's own dates, which read
 * year 1 as 1901) is only defined well inside four-digit years: one employment dated `0001-01-01`
 * once made every retention preview fail for every person. Nothing a staffing agency records lies
 * outside these years: birth dates start in 1900, the statement's terms end before 2999.
 */
export const CALENDAR_DATE_MIN = '1900-01-01'
export const CALENDAR_DATE_MAX = '2999-12-31'

/** A real calendar date in `YYYY-MM-DD` form (`2024-02-29` passes, `2025-02-29` does not), in 1900–2999. */
export const calendarDateSchema = z
  .iso.date(keyed('validation.date.invalid'))
  .refine((d) => d >= CALENDAR_DATE_MIN && d <= CALENDAR_DATE_MAX, { error: 'validation.date.outOfRange' })

export function isCalendarDate(value: string): boolean {
  return calendarDateSchema.safeParse(value).success
}

function assertToday(today: CalendarDate): void {
  if (!isCalendarDate(today)) throw new Error('today must be a YYYY-MM-DD calendar date')
}

/** A date on or before `today` (registration, verification, consent dates). */
export function pastDateSchema(today: CalendarDate) {
  assertToday(today)
  return calendarDateSchema.refine((date) => date <= today, { error: 'validation.date.future' })
}

/**
 * Age in whole years on `today` (R-2: age is derived, never stored). Someone born on 29 February
 * becomes a year older on 1 March in a non-leap year.
 */
export function ageOn(birthDate: CalendarDate, today: CalendarDate): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4))
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years
}

/** plausible working age on `today`, inclusive. */
export const MIN_AGE = 15
export const MAX_AGE = 100

/** A birth date in the past, of someone aged 15 to 100 (inclusive) on `today`. */
export function birthDateSchema(today: CalendarDate) {
  assertToday(today)
  return calendarDateSchema.superRefine((date, ctx) => {
    if (date > today) {
      ctx.addIssue({ code: 'custom', message: 'validation.birthDate.future' })
      return
    }
    const age = ageOn(date, today)
    if (age < MIN_AGE || age > MAX_AGE) ctx.addIssue({ code: 'custom', message: 'validation.birthDate.age' })
  })
}
