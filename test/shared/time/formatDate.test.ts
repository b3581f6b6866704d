import { describe, expect, it } from 'vitest'
import { formatDate, formatDateParams, formatDayOf, formatPrintedDate, formatTimestamp } from '../../../src/shared/time'

/** One date format on every screen: the people, retention, relations, consent, rights and governance screens all use these. */
describe('dates as office staff read them', () => {
  it('shows a calendar date as written, Dutch with dashes and English with slashes', () => {
    expect(formatDate('2027-04-30', 'nl')).toBe('30-04-2027')
    expect(formatDate('2027-04-30', 'en')).toBe('30/04/2027')
    expect(formatDate(null, 'nl')).toBe('')
    expect(formatDate('not a date', 'nl')).toBe('not a date')
  })

  it('shows a UTC timestamp in Amsterdam time, across the change to summer time', () => {
    expect(formatTimestamp('2026-01-31T23:30:00Z', 'nl')).toBe('01-02-2026 00:30')
    expect(formatTimestamp('2026-07-31T22:30:00Z', 'nl')).toBe('01-08-2026 00:30')
    expect(formatTimestamp('2026-07-31T22:30:00Z', 'en')).toBe('01/08/2026 00:30')
  })

  it('gives the Amsterdam day of a timestamp, not its UTC date (recorded just after midnight)', () => {
    expect(formatDayOf('2026-11-27T23:30:00Z', 'nl')).toBe('28-11-2026')
    expect(formatDayOf('2026-06-30T22:15:00Z', 'en')).toBe('01/07/2026')
    expect(formatDayOf('2026-11-27T10:00:00Z', 'nl')).toBe('27-11-2026')
    expect(formatDayOf(null, 'nl')).toBe('')
  })

  it('formats the dates inside a retention explanation and nothing else', () => {
    expect(formatDateParams({ date: '2027-04-30', ref: 'K-0042' }, 'nl')).toEqual({ date: '30-04-2027', ref: 'K-0042' })
  })
})

describe('dates in printed documents', () => {
  it('prints dates as DD-MM-YYYY in Dutch and as "30 Apr 2027" in English (issue 14: never ISO in an English document)', () => {
    expect(formatPrintedDate('2027-04-30', 'nl')).toBe('30-04-2027')
    expect(formatPrintedDate('2027-04-30', 'en')).toBe('30 Apr 2027')
    expect(formatPrintedDate('2026-01-05', 'en')).toBe('5 Jan 2026')
  })

  it('leaves a value that is not a real calendar date unchanged instead of guessing', () => {
    expect(formatPrintedDate('2026-02-30', 'nl')).toBe('2026-02-30')
    expect(formatPrintedDate('30/04/2027', 'nl')).toBe('30/04/2027')
  })
})
