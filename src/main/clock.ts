import type { CalendarDate } from '../shared/domain'
import { amsterdamToday } from '../shared/time'

/**
 * Every clock comes from here, injected, so tests can travel in time. `today()` is the calendar
 * date in Europe/Amsterdam; `now()` is a UTC instant.
 */
export interface Clock {
  now(): Date
  today(): CalendarDate
}

/** The calendar date in Europe/Amsterdam of a UTC instant (one implementation: src/shared/time). */
export const calendarDateOf: (instant: Date) => CalendarDate = amsterdamToday

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => calendarDateOf(new Date())
}

/** A clock for tests and the CLI's `--as-of`: starts at `start` and can be moved. */
export class FixedClock implements Clock {
  private instant: Date
  constructor(start: Date | string) {
    this.instant = typeof start === 'string' ? new Date(start) : start
  }
  now(): Date {
    return new Date(this.instant.getTime())
  }
  today(): CalendarDate {
    return calendarDateOf(this.instant)
  }
  set(instant: Date | string): void {
    this.instant = typeof instant === 'string' ? new Date(instant) : instant
  }
  advanceMs(ms: number): void {
    this.instant = new Date(this.instant.getTime() + ms)
  }
}
