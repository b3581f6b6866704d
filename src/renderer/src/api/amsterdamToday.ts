import type { CalendarDate } from '../../../shared/domain'

const AMSTERDAM = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' })

/**
 * Today's calendar date in Europe/Amsterdam by the workstation clock: the default for
 * registration and statement dates and the `today` of the form's date rules. The main process owns
 * time and checks every date again with its own clock; in Electron both read the same system clock.
 */
export function amsterdamToday(now: number = Date.now()): CalendarDate {
  const parts = Object.fromEntries(AMSTERDAM.formatToParts(now).map((p) => [p.type, p.value]))
  return `${parts['year']}-${parts['month']}-${parts['day']}`
}
