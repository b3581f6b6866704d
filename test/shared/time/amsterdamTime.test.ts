import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { instantToLocal, localToInstant, startOfAmsterdamDay } from '../../../src/shared/time'

const instant = (local: string) => {
  const r = localToInstant(local)
  if (!r.ok) throw new Error(r.problem)
  return r.instant.toISOString()
}

describe('Europe/Amsterdam wall-clock time', () => {
  it('reads winter time as UTC+1 and summer time as UTC+2', () => {
    expect(instant('2026-01-15T10:00')).toBe('2026-01-15T09:00:00.000Z')
    expect(instant('2026-07-15T10:00')).toBe('2026-07-15T08:00:00.000Z')
  })

  it('refuses a time in the hour skipped when the clocks go forward (last Sunday of March)', () => {
    expect(localToInstant('2026-03-29T02:30')).toEqual({ ok: false, problem: 'nonexistent' })
    expect(instant('2026-03-29T01:59')).toBe('2026-03-29T00:59:00.000Z')
    expect(instant('2026-03-29T03:00')).toBe('2026-03-29T01:00:00.000Z')
  })

  it('takes the earlier instant in the hour that happens twice when the clocks go back (last Sunday of October)', () => {
    expect(instant('2026-10-25T02:30')).toBe('2026-10-25T00:30:00.000Z')
    expect(instantToLocal('2026-10-25T01:30:00.000Z')).toBe('2026-10-25T02:30')
  })

  it('refuses what is not a date and time', () => {
    for (const bad of ['2026-02-29T10:00', '2026-13-01T10:00', '2026-01-01T24:00', '2026-01-01 10:00', '2026-01-01T10:60', '']) {
      expect(localToInstant(bad).ok).toBe(false)
    }
  })

  it('round-trips every instant outside the repeated autumn hour', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2060-01-01T00:00:00Z'), noInvalidDate: true }), (d) => {
        const minute = new Date(Math.floor(d.getTime() / 60_000) * 60_000)
        const local = instantToLocal(minute)
        const back = localToInstant(local)
        expect(back.ok).toBe(true)
        if (!back.ok) return
        // In the repeated hour the earlier instant is returned: at most one hour before.
        const diff = minute.getTime() - back.instant.getTime()
        expect(diff === 0 || diff === 3_600_000).toBe(true)
        expect(instantToLocal(back.instant)).toBe(local)
      })
    )
  })

  it('starts a day at local midnight', () => {
    expect(startOfAmsterdamDay('2026-11-27').toISOString()).toBe('2026-11-26T23:00:00.000Z')
    expect(startOfAmsterdamDay('2026-06-01').toISOString()).toBe('2026-05-31T22:00:00.000Z')
  })
})
