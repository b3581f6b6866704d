import { afterEach, beforeEach, expect, it } from 'vitest'
import { seedDemo } from '../../../src/main/demo/seedDemo'
import { newTestApp } from '../../support/testApp'
import type { TestApp } from '../people/peopleFixtures'

let t: TestApp
beforeEach(async () => {
  t = await newTestApp()
})
afterEach(async () => {
  await t.dispose()
})

it('seeds 100,000 persons well under two minutes, and search stays fast', { timeout: 300_000 }, async () => {
  const summary = await seedDemo(t.app, { persons: 100_000, seed: 1 })
  expect(summary.persons + summary.doNotContact).toBe(100_000)
  expect(summary.ms).toBeLessThan(60_000)
  const times: number[] = []
  for (const query of ['jansen', 'van den berg', 'sanne', '06-12', '4811', 'DEMO-1-0500', 'daan de vries', 'example.nl']) {
    const start = performance.now()
    await t.call('searchPersons', { query, limit: 50 })
    times.push(performance.now() - start)
  }
  expect(Math.max(...times)).toBeLessThan(200)
})
