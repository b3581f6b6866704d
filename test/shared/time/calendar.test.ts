import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addCalendarDays,
  addCalendarMonths,
  addCalendarYears,
  amsterdamToday,
  calendarDayOf,
  compareDates,
  endOfCalendarYear,
  isCalendarDate,
  maxDate,
  minDate
} from '../../../src/shared/time'

/** Dates 1990..2100 as `YYYY-MM-DD`, converted with the UTC oracle, not the code under test. */
const calendarDate = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))

function daysInMonth(year: number, month1: number): number {
  return new Date(Date.UTC(year, month1, 0)).getUTCDate()
}

function parts(d: string): [number, number, number] {
  return d.split('-').map(Number) as [number, number, number]
}

describe('calendar arithmetic (R-17)', () => {
  it('adds three calendar months to 31 January and lands on 30 April', () => {
    expect(addCalendarMonths('2027-01-31', 3)).toBe('2027-04-30')
  })

  it('adds two years to 29 February 2024 and lands on 28 February 2026', () => {
    expect(addCalendarYears('2024-02-29', 2)).toBe('2026-02-28')
  })

  it('keeps 29 February when the target year is a leap year', () => {
    expect(addCalendarYears('2024-02-29', 4)).toBe('2028-02-29')
  })

  it('clamps 31 January + 1 month to the last day of February', () => {
    expect(addCalendarMonths('2025-01-31', 1)).toBe('2025-02-28')
    expect(addCalendarMonths('2024-01-31', 1)).toBe('2024-02-29')
  })

  it('adds days across month, year and DST boundaries', () => {
    expect(addCalendarDays('2026-01-05', 28)).toBe('2026-02-02')
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addCalendarDays('2026-03-28', 2)).toBe('2026-03-30')
    expect(addCalendarDays('2026-10-24', 2)).toBe('2026-10-26')
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28')
  })

  it('gives 31 December of the date’s year as the end of the calendar year', () => {
    expect(endOfCalendarYear('2026-03-15')).toBe('2026-12-31')
    expect(endOfCalendarYear('2026-12-31')).toBe('2026-12-31')
    expect(endOfCalendarYear('2024-01-01')).toBe('2024-12-31')
  })

  it('compares, maximises and minimises calendar dates', () => {
    expect(compareDates('2026-01-01', '2026-01-02')).toBeLessThan(0)
    expect(compareDates('2026-01-02', '2026-01-02')).toBe(0)
    expect(compareDates('2027-01-01', '2026-12-31')).toBeGreaterThan(0)
    expect(maxDate('2026-05-01', '2027-01-01', '2026-12-31')).toBe('2027-01-01')
    expect(minDate('2026-05-01', '2027-01-01', '2026-04-30')).toBe('2026-04-30')
    expect(maxDate('2026-05-01')).toBe('2026-05-01')
  })

  it('accepts only real calendar dates in YYYY-MM-DD form', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true)
    expect(isCalendarDate('2025-02-29')).toBe(false)
    expect(isCalendarDate('2025-04-31')).toBe(false)
    expect(isCalendarDate('2025-13-01')).toBe(false)
    expect(isCalendarDate('2025-00-10')).toBe(false)
    expect(isCalendarDate('2025-1-10')).toBe(false)
    expect(isCalendarDate('2025-01-10T00:00:00Z')).toBe(false)
    expect(isCalendarDate('')).toBe(false)
    expect(isCalendarDate(20250110)).toBe(false)
  })

  it('refuses to compute with a date that does not exist, without echoing it', () => {
    expect(() => addCalendarMonths('2025-02-29', 1)).toThrowError(
      expect.objectContaining({ code: 'VALIDATION_FAILED', message: expect.not.stringContaining('2025') })
    )
  })
})

describe('amsterdamToday (R-17)', () => {
  it('is already the next day in Amsterdam half an hour before UTC midnight in winter (CET, +1)', () => {
    expect(amsterdamToday(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29')
    expect(amsterdamToday(new Date('2026-01-01T22:59:00Z'))).toBe('2026-01-01')
    expect(amsterdamToday(new Date('2025-12-31T23:00:00Z'))).toBe('2026-01-01')
  })

  it('reads an instant given as epoch milliseconds (the renderer’s workstation clock) the same way', () => {
    expect(amsterdamToday(Date.parse('2026-03-28T23:30:00Z'))).toBe('2026-03-29')
    expect(calendarDayOf('2026-07-01T22:00:00Z')).toBe('2026-07-02')
  })

  it('turns the day at 22:00 UTC in summer (CEST, +2)', () => {
    expect(amsterdamToday(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01')
    expect(amsterdamToday(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02')
  })

  it('is the UTC date one or two hours later, for any instant', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }), (instant) => {
        const plus = (h: number): string => new Date(instant.getTime() + h * 3_600_000).toISOString().slice(0, 10)
        expect([plus(1), plus(2)]).toContain(amsterdamToday(instant))
      })
    )
  })
})

describe('calendar properties', () => {
  it('clamps to the last day of the target month when the source day does not exist, never rolling over', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: -1200, max: 1200 }), (d, n) => {
        const [y, m, day] = parts(d)
        const index = y * 12 + (m - 1) + n
        const targetYear = Math.floor(index / 12)
        const targetMonth = (index % 12) + 1
        const result = addCalendarMonths(d, n)
        expect(isCalendarDate(result)).toBe(true)
        expect(parts(result)).toEqual([targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth))])
      })
    )
  })

  it('adds months monotonically in the date and in the number of months', () => {
    fc.assert(
      fc.property(calendarDate, calendarDate, fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 600 }), (a, b, n, k) => {
        const [lo, hi] = compareDates(a, b) <= 0 ? [a, b] : [b, a]
        expect(compareDates(addCalendarMonths(lo, n), addCalendarMonths(hi, n))).toBeLessThanOrEqual(0)
        expect(compareDates(addCalendarMonths(a, n), addCalendarMonths(a, n + k))).toBeLessThanOrEqual(0)
        expect(compareDates(addCalendarMonths(a, n), a)).toBeGreaterThanOrEqual(0)
      })
    )
  })

  it('treats a year as twelve months, including from 29 February', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: -50, max: 50 }), (d, n) => {
        expect(addCalendarYears(d, n)).toBe(addCalendarMonths(d, 12 * n))
      })
    )
  })

  it('maps 29 February to 29 February in leap years and 28 February otherwise', () => {
    const leapYears = fc.integer({ min: 1990, max: 2096 }).filter((y) => daysInMonth(y, 2) === 29)
    fc.assert(
      fc.property(leapYears, fc.integer({ min: 1, max: 8 }), (y, n) => {
        const target = y + n
        const expected = `${target}-02-${daysInMonth(target, 2)}`
        expect(addCalendarYears(`${y}-02-29`, n)).toBe(expected)
      })
    )
  })

  it('adds days reversibly and in order', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        const moved = addCalendarDays(d, n)
        expect(addCalendarDays(moved, -n)).toBe(d)
        expect(Math.sign(compareDates(moved, d))).toBe(Math.sign(n))
        const oracle = new Date(Date.parse(`${d}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
        expect(moved).toBe(oracle)
      })
    )
  })

  it('ends every calendar year on 31 December of the same year, on or after the date', () => {
    fc.assert(
      fc.property(calendarDate, (d) => {
        const end = endOfCalendarYear(d)
        expect(end).toBe(`${d.slice(0, 4)}-12-31`)
        expect(compareDates(end, d)).toBeGreaterThanOrEqual(0)
      })
    )
  })
})
