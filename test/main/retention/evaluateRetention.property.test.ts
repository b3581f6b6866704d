import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addCalendarMonths, addCalendarYears, compareDates, minDate } from '../../../src/shared/time'
import { evaluateRetention, type RetentionFacts } from '../../../src/main/retention/evaluateRetention'
import { DEFAULT_POLICY } from '../../../src/main/retention/policy'
import { PERSON_ROLES } from '../../../src/shared/domain'
import { applyDue, retentionFacts } from './retentionFacts'

const DAY_MS = 86_400_000
const EPOCH = Date.UTC(1990, 0, 1)
const LAST_DAY = (Date.UTC(2100, 11, 31) - EPOCH) / DAY_MS

/** Day numbers 1990-01-01..2100-12-31, turned into dates with a UTC oracle (not the code under test). */
const dayNumber = fc.integer({ min: 0, max: LAST_DAY })
const dateOf = (n: number): string => new Date(EPOCH + n * DAY_MS).toISOString().slice(0, 10)
const calendarDate = dayNumber.map(dateOf)

/** A period that starts on a date and may have ended (end >= start). */
const period = fc
  .tuple(dayNumber, fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }))
  .map(([start, length]) => ({ start: dateOf(start), end: length === null ? null : dateOf(Math.min(start + length, LAST_DAY)) }))

/** A fresh record (state active, nothing applied yet) with arbitrary history. */
const facts: fc.Arbitrary<RetentionFacts> = fc
  .record({
    roles: fc.subarray([...PERSON_ROLES]),
    registeredOn: calendarDate,
    unsubscribedOn: fc.option(calendarDate, { nil: null }),
    employments: fc.array(period, { maxLength: 3 }),
    recruitment: fc.array(period, { maxLength: 2 }),
    idCopies: fc.array(calendarDate, { maxLength: 2 }),
    consents: fc.array(fc.tuple(fc.option(calendarDate, { nil: null }), fc.option(calendarDate, { nil: null })), { maxLength: 2 })
  })
  .map((r) =>
    retentionFacts({
      ...r,
      idCopies: r.idCopies.map((addedOn, i) => ({ attachmentId: `att-${i}`, addedOn })),
      consents: r.consents.map(([endsOn, withdrawnOn], i) => ({ consentId: `c-${i}`, endsOn, withdrawnOn }))
    })
  )

const evaluate = (f: RetentionFacts, today: string) => evaluateRetention(f, DEFAULT_POLICY, today)
const lastEnd = (periods: { end: string | null }[]): string | null =>
  periods.reduce<string | null>((max, p) => (p.end !== null && (max === null || p.end > max) ? p.end : max), null)
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

describe('retention properties (R-11..R-17)', () => {
  it('has nothing left to do after applying the due actions and evaluating again the same day', () => {
    fc.assert(
      fc.property(facts, calendarDate, (f, today) => {
        const first = evaluate(f, today)
        const after = applyDue(f, first, today)
        if (after === null) return // deleted: only a tombstone remains
        const again = evaluate(after, today)
        expect(again.due).toEqual([])
        expect(again.state).toBe(first.state)
        expect(again.deletionDate).toBe(first.deletionDate)
      })
    )
  })

  it('reaches the same end whether the sweep runs on an earlier day too or only once later (catch-up)', () => {
    fc.assert(
      fc.property(facts, calendarDate, calendarDate, (f, a, b) => {
        const [early, late] = compareDates(a, b) <= 0 ? [a, b] : [b, a]
        const once = evaluate(f, late)
        const midway = applyDue(f, evaluate(f, early), early)
        if (midway === null) {
          expect(once.due.at(-1)?.kind).toBe('delete')
          return
        }
        const twice = evaluate(midway, late)
        expect(twice.state).toBe(once.state)
        expect(twice.deletionDate).toBe(once.deletionDate)
        expect(twice.due.every((x) => once.due.some((y) => y.kind === x.kind && y.dueDate === x.dueDate && y.targetId === x.targetId))).toBe(true)
      })
    )
  })

  it('lists due actions in date order: shield before delete, reduce before purge-id before delete, delete last', () => {
    fc.assert(
      fc.property(facts, calendarDate, (f, today) => {
        const { due, next } = evaluate(f, today)
        const dates = due.map((a) => a.dueDate)
        expect(dates).toEqual([...dates].sort())
        expect(dates.every((d) => d <= today)).toBe(true)
        if (next !== null) expect(compareDates(next.dueDate, today)).toBeGreaterThan(0)
        const at = (kind: string): number => due.findIndex((a) => a.kind === kind)
        const del = at('delete')
        if (del !== -1) {
          expect(del).toBe(due.length - 1)
          expect(next).toBeNull()
        }
        if (at('reduce-to-legal-hold') !== -1 && at('purge-id-record') !== -1) expect(at('reduce-to-legal-hold')).toBeLessThan(at('purge-id-record'))
        if (at('shield') !== -1 && del !== -1) expect(at('shield')).toBeLessThan(del)
      })
    )
  })

  it('has nothing due before the earliest date that can start a clock', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const starts = [
          ...(f.unsubscribedOn === null ? [] : [f.unsubscribedOn]),
          ...f.recruitment.flatMap((r) => (r.end === null ? [] : [r.end])),
          ...f.idCopies.map((c) => c.addedOn),
          ...f.consents.flatMap((c) => (c.endsOn === null ? [] : [c.endsOn]))
        ]
        const [first, ...rest] = starts
        if (first === undefined) return
        const dayBefore = new Date(Date.parse(`${minDate(first, ...rest)}T12:00:00Z`) - DAY_MS).toISOString().slice(0, 10)
        const e = evaluate(f, dayBefore)
        expect(e.due).toEqual([])
        expect(e.state).toBe('active')
      })
    )
  })

  it('never deletes before the rule’s term has passed', () => {
    fc.assert(
      fc.property(facts, calendarDate, (f, today) => {
        const e = evaluate(f, today)
        if (e.deletionDate === null) return
        const worked = lastEnd(f.employments)
        expect(f.employments.some((x) => x.end === null)).toBe(false) // an open employment stops every clock
        if (f.employments.length > 0 && worked !== null) {
          // two years after the last employment, and not before unsubscribing.
          expect(f.unsubscribedOn).not.toBeNull()
          expect(compareDates(e.deletionDate, addCalendarYears(worked, 2))).toBeGreaterThanOrEqual(0)
          expect(compareDates(e.deletionDate, f.unsubscribedOn ?? '')).toBeGreaterThanOrEqual(0)
        } else {
          // whichever applies, at least its own term.
          if (f.unsubscribedOn !== null) expect(compareDates(e.deletionDate, addCalendarMonths(f.unsubscribedOn, 3))).toBeGreaterThanOrEqual(0)
          const procedureEnd = lastEnd(f.recruitment)
          if (e.rule === 'ws-procedure-ended' && procedureEnd !== null) {
            expect(e.deletionDate).toBe(addCalendarMonths(procedureEnd, 24))
          }
        }
        if (e.due.some((a) => a.kind === 'delete')) expect(compareDates(e.deletionDate, today)).toBeLessThanOrEqual(0)
      })
    )
  })

  it('changes the rule when an employment starts after unsubscribing', () => {
    fc.assert(
      fc.property(dayNumber, fc.integer({ min: 1, max: 2000 }), fc.option(fc.integer({ min: 0, max: 2000 }), { nil: null }), calendarDate, (u, gap, length, today) => {
        const unsubscribedOn = dateOf(u)
        const start = dateOf(u + gap)
        const end = length === null ? null : dateOf(u + gap + length)
        const neverWorked = retentionFacts({ unsubscribedOn })
        expect(evaluate(neverWorked, today).rule).toBe('unsubscribed-never-worked')
        const e = evaluate({ ...neverWorked, employments: [{ start, end }] }, today)
        if (end === null) {
          expect(e).toMatchObject({ state: 'active', rule: null, due: [], deletionDate: null })
        } else {
          expect(['worked-stopped', 'legal-hold-payroll']).toContain(e.rule)
          expect(compareDates(e.deletionDate ?? '', addCalendarYears(end, 2))).toBeGreaterThanOrEqual(0)
        }
      })
    )
  })

  it('counts terms across leap days: 30 Nov + 3 months is 29 Feb in leap years, 29 Feb + 2 years is 28 Feb', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1991, max: 2096 }), (year) => {
        const r12 = evaluate(retentionFacts({ unsubscribedOn: `${year - 1}-11-30` }), '2100-12-31')
        expect(r12.deletionDate).toBe(`${year}-02-${isLeap(year) ? 29 : 28}`)
        if (isLeap(year)) {
          const worker = retentionFacts({ unsubscribedOn: `${year}-02-29`, employments: [{ start: `${year - 1}-01-01`, end: `${year}-02-29` }] })
          expect(evaluate(worker, '2100-12-31').due[0]).toMatchObject({ kind: 'reduce-to-legal-hold', dueDate: `${year + 2}-02-28` })
        }
      })
    )
  })

  it('keeps the Wet LB ID record five full calendar years after the year the employment ended', () => {
    fc.assert(
      fc.property(period, (p) => {
        const end = p.end ?? p.start
        const worker = retentionFacts({ unsubscribedOn: end, employments: [{ start: p.start, end }] })
        const year = Number(end.slice(0, 4))
        const e = evaluate(worker, '2200-01-01')
        const purge = e.due.find((a) => a.kind === 'purge-id-record')
        // It is its own step unless the whole record is deleted the same day or earlier.
        const expected = `${year + 6}-01-01`
        if (purge !== undefined) expect(purge.dueDate).toBe(expected > addCalendarYears(end, 2) ? expected : addCalendarYears(end, 2))
        else expect(compareDates(e.deletionDate ?? '', expected)).toBeLessThanOrEqual(0)
      })
    )
  })
})
