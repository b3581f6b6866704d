import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { instantToLocal, localToInstant } from '../../../src/shared/time'
import { breachClock, regulatorDeadline } from '../../../src/main/governance/breachDeadline'

function at(local: string): string {
  const r = localToInstant(local)
  if (!r.ok) throw new Error(r.problem)
  return r.instant.toISOString()
}
const localDeadline = (discoveredLocal: string) => instantToLocal(regulatorDeadline(at(discoveredLocal)))

describe('the 72-hour deadline for reporting a breach to the regulator (GDPR art. 33)', () => {
  it('is 72 real hours: one local hour earlier when the clocks go back in between', () => {
    expect(localDeadline('2026-10-24T10:00')).toBe('2026-10-27T09:00')
  })

  it('is one local hour later when the clocks go forward in between', () => {
    expect(localDeadline('2026-03-27T10:00')).toBe('2026-03-30T11:00')
  })

  it('is the same wall-clock time three days later when no DST change falls in between', () => {
    expect(localDeadline('2026-06-10T14:45')).toBe('2026-06-13T14:45')
    expect(localDeadline('2026-12-30T23:30')).toBe('2027-01-02T23:30')
  })

  it('is always exactly 72 hours after discovery, whatever the date', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2060-01-01T00:00:00Z'), noInvalidDate: true }), (d) => {
        expect(new Date(regulatorDeadline(d.toISOString())).getTime() - d.getTime()).toBe(72 * 3_600_000)
      })
    )
  })

  const base = { discoveredAt: '2026-10-24T08:00:00.000Z', reportedToRegulatorAt: null, reportedToPersonsAt: null }

  it('runs while a report is required and not made, and counts down to the deadline', () => {
    const c = breachClock({ ...base, risk: 'low' }, new Date('2026-10-25T08:00:00.000Z'))
    expect(c.regulator).toBe('due')
    expect(c.remainingMs).toBe(48 * 3_600_000)
    expect(c.persons).toBe('not-required')
  })

  it('is overdue once the deadline passed without a report', () => {
    const c = breachClock({ ...base, risk: 'high' }, new Date('2026-10-27T08:00:01.000Z'))
    expect(c.regulator).toBe('overdue')
    expect(c.remainingMs).toBe(-1000)
    expect(c.persons).toBe('required')
  })

  it('needs no report when the risk is assessed as none, but the breach stays registered', () => {
    expect(breachClock({ ...base, risk: 'none' }, new Date('2026-11-01T00:00:00Z'))).toMatchObject({ regulator: 'not-required', remainingMs: null })
  })

  it('tells a report on time from a late one', () => {
    expect(breachClock({ ...base, risk: 'low', reportedToRegulatorAt: '2026-10-27T08:00:00.000Z' }, new Date('2026-11-01T00:00:00Z')).regulator).toBe('reported')
    expect(breachClock({ ...base, risk: 'low', reportedToRegulatorAt: '2026-10-27T08:00:00.001Z' }, new Date('2026-11-01T00:00:00Z')).regulator).toBe('reported-late')
    expect(breachClock({ ...base, risk: 'high', reportedToPersonsAt: '2026-10-25T08:00:00.000Z' }, new Date('2026-11-01T00:00:00Z')).persons).toBe('done')
  })
})
