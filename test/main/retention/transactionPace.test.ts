import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { TransactionPace } from '../../../src/main/retention/transactionPace'

/** How many persons the sweep would put in the next transaction. */
const persons = (pace: TransactionPace, max = 10_000): number => {
  let n = 0
  while (n < max && !pace.full(n)) n++
  return n
}

describe('TransactionPace (how many persons share one sweep transaction)', () => {
  it('fills a transaction until the commit it predicts would pass the budget, once it has seen a few commits', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.02, max: 8, noNaN: true }), fc.integer({ min: 4, max: 16 }), (perPerson, budget) => {
        const pace = new TransactionPace(budget)
        for (let i = 0; i < 60; i++) {
          const n = persons(pace)
          pace.observe(perPerson * n, n)
        }
        const n = persons(pace)
        expect(n).toBeGreaterThanOrEqual(1)
        // The commit of the persons taken fits (a single person is always taken), one more would not.
        if (n > 1) expect(perPerson * n).toBeLessThanOrEqual(budget * 1.01)
        expect(perPerson * (n + 1)).toBeGreaterThanOrEqual(budget * 0.99)
      })
    )
  })

  it('shrinks the next transaction at once when a commit was dearer than predicted (a busy disk)', () => {
    const pace = new TransactionPace(6)
    for (let i = 0; i < 30; i++) pace.observe(0.2 * persons(pace), persons(pace))
    const before = persons(pace)
    pace.observe(0.8 * before, before) // four times dearer
    expect(persons(pace)).toBeLessThanOrEqual(Math.ceil(before / 2))
  })

  it('reads ahead about one transaction of facts, within the cap', () => {
    const pace = new TransactionPace(6)
    for (let i = 0; i < 30; i++) pace.observe(0.25 * 24, 24)
    expect(pace.readAhead(64)).toBe(24)
    expect(pace.readAhead(10)).toBe(10)
  })
})
