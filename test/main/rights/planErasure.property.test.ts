import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addCalendarDays, compareDates } from '../../../src/shared/time'
import { ID_RECORD_FIELDS, PAYROLL_HOLD_FIELDS } from '../../../src/main/retention/legalHoldData'
import { DEFAULT_POLICY } from '../../../src/main/retention/policy'
import { ERASABLE_FIELDS, planErasure, RECORD_KINDS, type ErasureSubject } from '../../../src/main/rights/planErasure'

const day = fc.integer({ min: 0, max: 365 * 30 }).map((n) => addCalendarDays('2005-01-01', n))
const subjectArb: fc.Arbitrary<ErasureSubject> = fc.record({
  filledFields: fc.subarray([...ERASABLE_FIELDS]),
  records: fc.record(Object.fromEntries(RECORD_KINDS.map((k) => [k, fc.integer({ min: 0, max: 3 })])) as Record<(typeof RECORD_KINDS)[number], fc.Arbitrary<number>>),
  employments: fc.array(
    fc.tuple(day, fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null })).map(([start, length]) => ({ start, end: length === null ? null : addCalendarDays(start, length) })),
    { maxLength: 3 }
  )
})

describe('planErasure: what an erasure deletes and what the law keeps (R-19, R-16)', () => {
  it('accounts for every held field exactly once: deleted now or kept by a legal duty', () => {
    fc.assert(
      fc.property(subjectArb, day, (subject, today) => {
        const plan = planErasure(subject, DEFAULT_POLICY, today)
        if (plan.outcome === 'blocked') return
        const kept = plan.kept.flatMap((h) => h.fields)
        expect([...plan.deleted.fields, ...kept].sort()).toEqual([...subject.filledFields].sort())
        expect(new Set(kept).size).toBe(kept.length)
      })
    )
  })

  it('keeps only what a legal duty covers, only while its term runs, and says until when', () => {
    fc.assert(
      fc.property(subjectArb, day, (subject, today) => {
        const plan = planErasure(subject, DEFAULT_POLICY, today)
        for (const hold of plan.kept) {
          expect(compareDates(hold.deletedOn, today)).toBeGreaterThan(0)
          expect(hold.keptUntil).toBe(addCalendarDays(hold.deletedOn, -1))
          for (const f of hold.fields) expect([...PAYROLL_HOLD_FIELDS, ...ID_RECORD_FIELDS]).toContain(f)
        }
        expect(plan.outcome === 'legal-hold').toBe(plan.kept.length > 0)
      })
    )
  })

  it('deletes someone never employed completely, whatever else the record holds', () => {
    fc.assert(
      fc.property(subjectArb, day, (subject, today) => {
        const plan = planErasure({ ...subject, employments: [] }, DEFAULT_POLICY, today)
        expect(plan.outcome).toBe('delete')
        expect(plan.kept).toEqual([])
      })
    )
  })

  it('keeps the ID/BSN record to 31 December five full years after the year employment ended (Wet LB art. 28)', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 2000 }), (end, daysAfter) => {
        const today = addCalendarDays(end, daysAfter)
        const plan = planErasure({ filledFields: ['bsn', 'familyName'], records: {}, employments: [{ start: '2004-01-01', end }] }, DEFAULT_POLICY, today)
        const idHold = plan.kept.find((h) => h.rule === 'legal-hold-id-bsn')
        const until = `${Number(end.slice(0, 4)) + 5}-12-31`
        if (compareDates(today, until) <= 0) expect(idHold?.keptUntil).toBe(until)
        else expect(idHold).toBeUndefined()
      })
    )
  })

  it('waits while any employment is still open', () => {
    const plan = planErasure({ filledFields: ['bsn'], records: {}, employments: [{ start: '2020-01-01', end: '2021-01-01' }, { start: '2022-01-01', end: null }] }, DEFAULT_POLICY, '2026-11-27')
    expect(plan).toMatchObject({ outcome: 'blocked', blockedBy: 'employment-ongoing', kept: [] })
  })

  it('keeps the payroll data seven years after the end of the calendar year the last employment ended in (AWR art. 52, R-16a), counted from the latest end', () => {
    const plan = planErasure(
      { filledFields: ['familyName', 'iban', 'email'], records: { employments: 2 }, employments: [{ start: '2020-01-01', end: '2024-02-29' }, { start: '2018-01-01', end: '2019-01-01' }] },
      DEFAULT_POLICY,
      '2026-11-27'
    )
    expect(plan.kept.find((h) => h.rule === 'legal-hold-payroll')).toMatchObject({ fields: ['familyName', 'iban'], keptUntil: '2031-12-31', deletedOn: '2032-01-01' })
    expect(plan.deleted.fields).toEqual(['email'])
  })
})
