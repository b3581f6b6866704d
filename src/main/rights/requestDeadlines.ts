import type { CalendarDate } from '../../shared/domain'
import { addCalendarDays, addCalendarMonths, compareDates } from '../../shared/time'

/**
 * GDPR art. 12(3): a request is answered within one month of receipt; where necessary that
 * period may be extended by two further months. Calendar months in Europe/Amsterdam with
 * month-end clamping: received 31 January → due 28 February (29 in a leap year).
 */
export function requestDeadline(receivedOn: CalendarDate): CalendarDate {
  return addCalendarMonths(receivedOn, 1)
}

/**
 * The extended deadline: two further calendar months counted from the first deadline. Of the two
 * readings of "extended by two further months" (from the first deadline, or three months from
 * receipt) this is never the later one, so the register never promises more time than the law
 * gives: 31 Jan → 28 Feb → 28 Apr.
 */
export function extendedDeadline(deadline: CalendarDate): CalendarDate {
  return addCalendarMonths(deadline, 2)
}

/** The date that counts now: the extended deadline when there is one. */
export function dueOn(r: { deadline: CalendarDate; extendedTo: CalendarDate | null }): CalendarDate {
  return r.extendedTo ?? r.deadline
}

/** An open request whose deadline has passed (due today is not yet overdue). */
export function isOverdue(r: { status: string; deadline: CalendarDate; extendedTo: CalendarDate | null }, today: CalendarDate): boolean {
  return r.status === 'open' && compareDates(today, dueOn(r)) > 0
}

/** How many days ahead the dashboard warns of a request falling due. */
export const DUE_SOON_DAYS = 7

/** An open request not yet overdue whose date that counts is within `DUE_SOON_DAYS` (today included). */
export function isDueSoon(r: { status: string; deadline: CalendarDate; extendedTo: CalendarDate | null }, today: CalendarDate): boolean {
  const due = dueOn(r)
  return r.status === 'open' && compareDates(today, due) <= 0 && compareDates(due, addCalendarDays(today, DUE_SOON_DAYS)) <= 0
}

/** The extension must be decided and told within the first month (art. 12(3)), and only once. */
export function mayExtend(r: { status: string; deadline: CalendarDate; extendedTo: CalendarDate | null }, today: CalendarDate): boolean {
  return r.status === 'open' && r.extendedTo === null && compareDates(today, r.deadline) <= 0
}

/** Open requests first, by the date that counts; closed ones after, newest first. */
export function compareForRegister(
  a: { status: string; deadline: CalendarDate; extendedTo: CalendarDate | null; receivedOn: CalendarDate; id: string },
  b: { status: string; deadline: CalendarDate; extendedTo: CalendarDate | null; receivedOn: CalendarDate; id: string }
): number {
  const openA = a.status === 'open'
  const openB = b.status === 'open'
  if (openA !== openB) return openA ? -1 : 1
  if (openA) return compareDates(dueOn(a), dueOn(b)) || compareDates(a.receivedOn, b.receivedOn) || a.id.localeCompare(b.id)
  return compareDates(b.receivedOn, a.receivedOn) || a.id.localeCompare(b.id)
}
