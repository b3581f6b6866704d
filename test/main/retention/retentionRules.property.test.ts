import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { compareDates } from '../../../src/shared/time'
import { evaluateRetention, termEnd } from '../../../src/main/retention/evaluateRetention'
import { explainRetention } from '../../../src/main/retention/explainRetention'
import { DEFAULT_POLICY, TERM_UNITS, type RetentionPolicy, type RetentionRuleId } from '../../../src/main/retention/policy'
import { policyBoundIssues } from '../../../src/main/retention/policyBounds'
import { calendarDate, factsArbitrary } from './retentionArbitraries'

type Tree = { [k: string]: string | Tree }
function text(tree: Tree, key: string): string | undefined {
  const found = key.split('.').reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree)
  return typeof found === 'string' ? found : undefined
}

describe('the plain-words explanation', () => {
  // The renderer's texts, loaded at run time: the node and web type-check projects stay separate.
  let languages: Tree[] = []
  beforeAll(async () => {
    const path = '../../../src/renderer/src/i18n/retention'
    const texts = (await import(/* @vite-ignore */ path)) as { retentionNl: Tree; retentionEn: Tree }
    languages = [texts.retentionNl, texts.retentionEn]
  })

  it('always names a key that has a Dutch and an English text, with every parameter the text uses', () => {
    fc.assert(
      fc.property(factsArbitrary, calendarDate, (facts, today) => {
        const e = evaluateRetention(facts, DEFAULT_POLICY, today)
        const { key, params } = explainRetention(facts, e)
        expect(languages).toHaveLength(2)
        for (const lang of languages) {
          const line = text(lang, key)
          expect(line, key).toBeDefined()
          for (const [, name] of line!.matchAll(/\{\{(\w+)\}\}/g)) expect(params, `${key} needs ${name}`).toHaveProperty(name!)
        }
        // The date it states is the date of something that will really happen.
        if (params['date']) {
          const dates = [...e.due, ...(e.next ? [e.next] : [])].map((a) => a.dueDate)
          expect([...dates, e.deletionDate]).toContain(params['date'])
        }
      }),
      { numRuns: 2000 }
    )
  })
})

describe('R-16a: the payroll hold runs from the end of the fiscal year (AWR art. 52)', () => {
  it('ends on 1 January, 7 full years after the year the last employment ended, and never before 7 years after the end date', () => {
    fc.assert(
      fc.property(calendarDate, (end) => {
        const deletedOn = termEnd(end, DEFAULT_POLICY.rules['legal-hold-payroll'].term)
        expect(deletedOn).toBe(`${Number(end.slice(0, 4)) + 8}-01-01`)
        expect(compareDates(deletedOn, termEnd(end, { amount: 7, unit: 'years' }))).toBeGreaterThan(0)
        // The Wet LB hold keeps its own term and ends first (ID/BSN purged while payroll runs).
        expect(termEnd(end, DEFAULT_POLICY.rules['legal-hold-id-bsn'].term)).toBe(`${Number(end.slice(0, 4)) + 6}-01-01`)
      }),
      { numRuns: 1000 }
    )
  })
})

describe('legal bounds on policy edits (R-16 law first)', () => {
  const withTerm = (id: RetentionRuleId, amount: number, unit: (typeof TERM_UNITS)[number]): RetentionPolicy => ({
    ...DEFAULT_POLICY,
    rules: { ...DEFAULT_POLICY.rules, [id]: { ...DEFAULT_POLICY.rules[id], term: { amount, unit } } }
  })
  // Mostly terms close to the legal ones (where a month-end or leap-day slip would show), some anywhere.
  const near = fc.oneof(
    fc.record({ amount: fc.integer({ min: 2550, max: 2560 }), unit: fc.constant('days' as const) }),
    fc.record({ amount: fc.integer({ min: 20, max: 35 }), unit: fc.constant('days' as const) }),
    fc.record({ amount: fc.integer({ min: 0, max: 2 }), unit: fc.constant('months' as const) }),
    fc.record({ amount: fc.integer({ min: 70, max: 90 }), unit: fc.constant('months' as const) }),
    fc.record({ amount: fc.integer({ min: 0, max: 8 }), unit: fc.constantFrom('years' as const, 'fullCalendarYearsAfterYearEnd' as const) })
  )
  const term = fc.oneof(near, near, fc.record({ amount: fc.integer({ min: 0, max: 3000 }), unit: fc.constantFrom(...TERM_UNITS) }))

  it('accepts the shipped policy', () => {
    expect(policyBoundIssues(DEFAULT_POLICY)).toEqual([])
  })

  it('accepts a statutory-hold term only if it never ends before the statutory one, from any start date', () => {
    fc.assert(
      fc.property(fc.constantFrom<RetentionRuleId>('legal-hold-payroll', 'legal-hold-id-bsn'), term, calendarDate, (id, t, start) => {
        if (policyBoundIssues(withTerm(id, t.amount, t.unit)).length > 0) return
        expect(compareDates(termEnd(start, t), termEnd(start, DEFAULT_POLICY.rules[id].term))).toBeGreaterThanOrEqual(0)
      }),
      { numRuns: 600 }
    )
  })

  it('accepts an ID-copy term only if it never ends after 4 weeks (Waadi art. 7c), from any start date', () => {
    fc.assert(
      fc.property(term, calendarDate, (t, start) => {
        if (policyBoundIssues(withTerm('id-copy-registration', t.amount, t.unit)).length > 0) return
        expect(compareDates(termEnd(start, t), termEnd(start, DEFAULT_POLICY.rules['id-copy-registration'].term))).toBeLessThanOrEqual(0)
      }),
      { numRuns: 600 }
    )
  })
})
