import { differenceInYears } from 'date-fns'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ageOn, birthDateSchema, calendarDateSchema, isCalendarDate, pastDateSchema } from '../../../src/shared/validation/calendarDate'

const TODAY = '2026-06-15'
const messages = (result: { error?: { issues: { message: string }[] } | undefined }) => result.error?.issues.map((i) => i.message)

describe('calendar dates (YYYY-MM-DD, never a Date)', () => {
  it('accepts real dates, including 29 February in leap years', () => {
    for (const date of ['2024-02-29', '2000-02-29', '2025-12-31', '1925-01-01']) expect(isCalendarDate(date)).toBe(true)
  })

  it('rejects dates that do not exist and other shapes', () => {
    for (const bad of ['2025-02-29', '1900-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '2025-4-1', '20250401', '2025-04-01T00:00:00Z', ''])
      expect(isCalendarDate(bad)).toBe(false)
    expect(messages(calendarDateSchema.safeParse('2025-02-29'))).toEqual(['validation.date.invalid'])
    expect(messages(calendarDateSchema.safeParse(undefined))).toEqual(['validation.required'])
  })

  it('accepts a year-month-day exactly when the calendar has that day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
        const utc = new Date(Date.UTC(y, m - 1, d))
        const exists = utc.getUTCFullYear() === y && utc.getUTCMonth() === m - 1 && utc.getUTCDate() === d
        return isCalendarDate(text) === exists
      })
    )
  })

  it('refuses a real date outside 1900–2999 as out of range (the calendar arithmetic is not defined there: year 1 reads as 1901)', () => {
    for (const date of ['0001-01-01', '0099-12-31', '1899-12-31', '3000-01-01', '9999-12-31']) {
      expect(messages(calendarDateSchema.safeParse(date)), date).toEqual(['validation.date.outOfRange'])
    }
    for (const date of ['1900-01-01', '2999-12-31']) expect(isCalendarDate(date)).toBe(true)
  })

  it('pastDateSchema refuses a date after today', () => {
    expect(pastDateSchema(TODAY).safeParse(TODAY).success).toBe(true)
    expect(messages(pastDateSchema(TODAY).safeParse('2026-06-16'))).toEqual(['validation.date.future'])
  })

  it('refuses to build a date rule from a malformed today', () => {
    expect(() => pastDateSchema('15-06-2026')).toThrow()
    expect(() => birthDateSchema('2026-02-30')).toThrow()
  })
})

describe('age (R-2: derived from the birth date)', () => {
  it('counts whole years, a birthday counting from that day', () => {
    expect(ageOn('2000-06-15', TODAY)).toBe(26)
    expect(ageOn('2000-06-16', TODAY)).toBe(25)
  })

  it('makes someone born on 29 February a year older on 1 March in a non-leap year', () => {
    expect(ageOn('2008-02-29', '2023-02-28')).toBe(14)
    expect(ageOn('2008-02-29', '2023-03-01')).toBe(15)
    expect(ageOn('2008-02-29', '2024-02-29')).toBe(16)
  })

  it('agrees with date-fns for birthdays other than 29 February', () => {
    const day = fc.date({ min: new Date(1900, 0, 1), max: new Date(2100, 11, 31), noInvalidDate: true })
    const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [birth, today] = a <= b ? [a, b] : [b, a]
        fc.pre(!(birth.getMonth() === 1 && birth.getDate() === 29))
        const start = new Date(birth.getFullYear(), birth.getMonth(), birth.getDate())
        const end = new Date(today.getFullYear(), today.getMonth(), today.getDate())
        return ageOn(iso(start), iso(end)) === differenceInYears(end, start)
      })
    )
  })
})

describe('birth date plausibility (R-2)', () => {
  const schema = birthDateSchema(TODAY)

  it('accepts someone who turns 15 today and refuses someone who turns 15 tomorrow', () => {
    expect(schema.safeParse('2011-06-15').success).toBe(true)
    expect(messages(schema.safeParse('2011-06-16'))).toEqual(['validation.birthDate.age'])
  })

  it('accepts someone aged 100 and refuses someone who turned 101 today', () => {
    expect(schema.safeParse('1925-06-16').success).toBe(true)
    expect(messages(schema.safeParse('1925-06-15'))).toEqual(['validation.birthDate.age'])
  })

  it('refuses a birth date in the future, and today', () => {
    expect(messages(schema.safeParse('2026-06-16'))).toEqual(['validation.birthDate.future'])
    expect(messages(schema.safeParse(TODAY))).toEqual(['validation.birthDate.age'])
  })

  it('refuses a date that does not exist', () => {
    expect(messages(schema.safeParse('1990-02-29'))).toEqual(['validation.date.invalid'])
  })
})
