import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { actionsToApply } from '../../../src/main/retention/applyDueActions'
import { evaluateRetention, evaluateRetentionOutlook } from '../../../src/main/retention/evaluateRetention'
import { NEVER, nextRetentionCheck } from '../../../src/main/retention/nextRetentionCheck'
import { DEFAULT_POLICY } from '../../../src/main/retention/policy'
import { addCalendarDays, compareDates } from '../../../src/shared/time'
import { calendarDate, factsArbitrary } from './retentionArbitraries'

describe('nextRetentionCheck (the date a record is evaluated again)', () => {
  it('misses nothing: a record with nothing due now has nothing due before its next check (property)', () => {
    fc.assert(
      fc.property(factsArbitrary, calendarDate, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }), (facts, asOf, fractions) => {
        const outlook = evaluateRetentionOutlook(facts, DEFAULT_POLICY, asOf)
        const check = nextRetentionCheck(outlook, asOf)
        expect(compareDates(check, asOf)).toBeGreaterThan(0)
        // The sweep writes the date only for records it applies nothing to (applying changes a
        // fact, which clears the date: the next run evaluates the record again).
        if (actionsToApply(outlook.evaluation).length > 0) return
        // The day before the check, and days in between.
        const last = check === NEVER ? addCalendarDays(asOf, 20_000) : addCalendarDays(check, -1)
        const span = Math.round((Date.parse(last) - Date.parse(asOf)) / 86_400_000)
        const days = [last, ...fractions.map((f) => addCalendarDays(asOf, Math.floor(f * span)))]
        for (const day of days) {
          if (compareDates(day, asOf) <= 0) continue
          expect(actionsToApply(evaluateRetention(facts, DEFAULT_POLICY, day)), `due on ${day}, next check ${check}`).toEqual([])
        }
      }),
      { numRuns: 3000 }
    )
  })

  it('is the date the next action falls due when one is pending', () => {
    fc.assert(
      fc.property(factsArbitrary, calendarDate, (facts, asOf) => {
        const outlook = evaluateRetentionOutlook(facts, DEFAULT_POLICY, asOf)
        const next = outlook.evaluation.next
        if (next) expect(compareDates(nextRetentionCheck(outlook, asOf), next.dueDate)).toBeLessThanOrEqual(0)
      })
    )
  })
})
