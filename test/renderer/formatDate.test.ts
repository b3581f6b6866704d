import { describe, expect, it } from 'vitest'
import { formatDate, formatDateParams, formatDayOf, formatTimestamp } from '../../src/renderer/src/format/formatDate'
import { formatDay, formatLocal } from '../../src/renderer/src/screens/governance/localTime'

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

  it('shows the main process’s Amsterdam wall-clock times and days the same way, with a dash for none', () => {
    expect(formatLocal('2026-10-27T09:00', 'nl')).toBe('27-10-2026 09:00')
    expect(formatLocal('2026-10-27T09:00', 'en')).toBe('27/10/2026 09:00')
    expect(formatLocal(null, 'nl')).toBe('—')
    expect(formatDay('2026-10-27', 'nl')).toBe('27-10-2026')
    expect(formatDay(undefined, 'en')).toBe('—')
  })
})
