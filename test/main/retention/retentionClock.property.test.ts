import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evaluateRetentionOutlook, type RetentionFacts } from '../../../src/main/retention/evaluateRetention'
import { DEFAULT_POLICY, RETENTION_RULE_IDS } from '../../../src/main/retention/policy'
import { addCalendarMonths, compareDates } from '../../../src/shared/time'
import { calendarDate, factsArbitrary } from './retentionArbitraries'

/** R-11a as properties: every record has a clock, and no clock runs from a date after its own. */
const outlook = (f: RetentionFacts, today: string) => evaluateRetentionOutlook(f, DEFAULT_POLICY, today)

/** Any record, with any (or no) recorded last activity — not the "always in touch" default of the fixtures. */
const anyFacts: fc.Arbitrary<RetentionFacts> = fc
  .tuple(factsArbitrary, fc.option(calendarDate, { nil: null }))
  .map(([f, lastActivityOn]) => ({ ...f, lastActivityOn }))

describe('every record has a clock (R-11a)', () => {
  it('gives any person on any date a next step with a due date, a known rule, and a date it counts from that is never after it', () => {
    fc.assert(
      fc.property(anyFacts, calendarDate, (f, today) => {
        const { clock } = outlook(f, today)
        expect(clock).not.toBeNull()
        expect(clock.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
        expect(RETENTION_RULE_IDS).toContain(clock.rule)
        // the rule's own action, the shield before a deletion, or R-11's deletion when no legal hold runs
        expect([DEFAULT_POLICY.rules[clock.rule].action, 'shield', 'delete']).toContain(clock.action)
        expect(compareDates(clock.dueDate, clock.since)).toBeGreaterThanOrEqual(0)
      }),
      { numRuns: 2000 }
    )
  })

  it('asks for re-confirmation no earlier than 12 months after the last activity, and treats no reply as unsubscribed only after the deadline', () => {
    fc.assert(
      fc.property(anyFacts, calendarDate, (f, today) => {
        const { clock, reconfirmation, evaluation } = outlook(f, today)
        expect(reconfirmation.dueOn).toBe(addCalendarMonths(reconfirmation.lastActivity, 12))
        expect(reconfirmation.deadline).toBe(addCalendarMonths(reconfirmation.dueOn, 1))
        if (f.lastActivityOn !== null) expect(compareDates(reconfirmation.lastActivity, f.lastActivityOn)).toBeGreaterThanOrEqual(0)
        if (clock.rule === 'inactivity-reconfirm') expect(compareDates(clock.dueDate, today)).toBeGreaterThan(0)
        // Before the deadline, a person who never unsubscribed is not shielded or deleted by the inactivity rule.
        if (f.unsubscribedOn === null && compareDates(reconfirmation.deadline, today) > 0 && f.recruitment.length === 0) {
          expect(evaluation.due.filter((a) => a.kind === 'shield' || a.kind === 'delete' || a.kind === 'reduce-to-legal-hold')).toEqual([])
        }
      })
    )
  })
})
