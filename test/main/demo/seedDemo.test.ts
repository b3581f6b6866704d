import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dateOfDay, dayNumber } from '../../../src/main/demo/demoDates'
import { demoPersons } from '../../../src/main/demo/generateDemo'
import { seedDemo } from '../../../src/main/demo/seedDemo'
import { demoFacts, settleDemoPerson } from '../../../src/main/demo/settleDemoPerson'
import { rowsFromImportPerson } from '../../../src/main/people/importRows'
import { evaluateRetention } from '../../../src/main/retention/evaluateRetention'
import { DEFAULT_POLICY } from '../../../src/main/retention/policy'
import { newTestApp } from '../../support/testApp'
import { type TestApp, failure, signInAs } from '../people/peopleFixtures'

let t: TestApp
beforeEach(async () => {
  t = await newTestApp()
})
afterEach(async () => {
  await t.dispose()
})

const n = (sql: string) => (t.app.vault.db.prepare(sql).get() as { n: number }).n

describe('seed-demo bulk insert', () => {
  it('writes the same data the import would, audited as one person.import entry', async () => {
    const before = n("SELECT count(*) AS n FROM audit_entry WHERE action = 'person.import'")
    const summary = await seedDemo(t.app, { persons: 2000, seed: 5 })
    expect(summary.persons + summary.doNotContact).toBe(2000)
    expect(n('SELECT count(*) AS n FROM person')).toBe(summary.persons)
    expect(n('SELECT count(*) AS n FROM do_not_contact')).toBe(summary.doNotContact)
    expect(n("SELECT count(*) AS n FROM audit_entry WHERE action = 'person.import'")).toBe(before + 1)
    expect(n("SELECT count(*) AS n FROM audit_entry WHERE action = 'person.create'")).toBe(0)
    expect(n('SELECT count(*) AS n FROM person p WHERE NOT EXISTS (SELECT 1 FROM person_role r WHERE r.personId = p.id)')).toBe(0)
    expect(n('SELECT count(*) AS n FROM person p WHERE NOT EXISTS (SELECT 1 FROM person_purpose r WHERE r.personId = p.id)')).toBe(0)
    expect(n('SELECT count(*) AS n FROM employment')).toBeGreaterThan(500)
    // The seeded persons work like any other: searchable, openable.
    const page = await t.call('searchPersons', { query: 'van den berg', limit: 5 })
    expect(page.items.length).toBeGreaterThan(0)
    await t.call('getPerson', { personId: page.items[0]!.id })
  })

  it('keeps every index and trigger: the load drops the secondary indexes and the retention-check triggers and makes them again, and a failed load changes nothing', async () => {
    const indexes = () => t.app.vault.db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name").all()
    const before = indexes()
    expect(before.length).toBeGreaterThan(20)
    await seedDemo(t.app, { persons: 500, seed: 8 })
    expect(indexes()).toEqual(before)
    expect(t.app.vault.db.pragma('integrity_check', { simple: true })).toBe('ok')

    const persons = n('SELECT count(*) AS n FROM person')
    const bulk = t.app.vault.bulkRows()
    expect(() =>
      bulk.withBulkPragmas(() => {
        bulk.writeBatch([], [{ email: 'a'.repeat(64), phone: null, url: null }], '2026-01-01')
        throw new Error('generator failed')
      }, () => t.app.vault.checkpoint())
    ).toThrow('generator failed')
    expect(indexes()).toEqual(before)
    expect(n('SELECT count(*) AS n FROM person')).toBe(persons)
    expect(n(`SELECT count(*) AS n FROM do_not_contact WHERE emailHash = '${'a'.repeat(64)}'`)).toBe(0)
  })

  it('refuses the same seed twice, and anyone but an admin', async () => {
    await seedDemo(t.app, { persons: 10, seed: 1 })
    expect((await failure(seedDemo(t.app, { persons: 10, seed: 1 }))).code).toBe('CONFLICT')
    await seedDemo(t.app, { persons: 10, seed: 2 })
    expect(n('SELECT count(*) AS n FROM client')).toBe(12)
    await signInAs(t, 'medewerker', ['staff', 'privacy_officer'])
    expect((await failure(seedDemo(t.app, { persons: 10, seed: 3 }))).code).toBe('FORBIDDEN')
  })
})

describe('seed-demo as of today (issue 16 point 8)', () => {
  it('seeds persons already in the state the rules put them in today: the first sweep at the same date changes nothing', async () => {
    const summary = await seedDemo(t.app, { persons: 500, seed: 11 })
    expect(summary.persons + summary.doNotContact).toBe(500)
    const states = Object.fromEntries((t.app.vault.db.prepare('SELECT state, count(*) AS n FROM person GROUP BY state').all() as { state: string; n: number }[]).map((r) => [r.state, r.n]))
    // Mixed on purpose, each in its rule's state: shielded, legal hold.
    expect(states['active']).toBeGreaterThan(350)
    expect(states['shielded']).toBeGreaterThan(2)
    expect(states['legal-hold']).toBeGreaterThan(2)
    expect(n("SELECT count(*) AS n FROM person WHERE state = 'legal-hold' AND (email IS NOT NULL OR phone IS NOT NULL OR reducedToLegalHoldOn IS NULL)")).toBe(0)
    expect(n("SELECT count(*) AS n FROM person WHERE state = 'shielded' AND (shieldedOn IS NULL OR retentionRule IS NULL)")).toBe(0)
    // Refs numbered without gaps, the last one the count of persons.
    expect(n(`SELECT count(*) AS n FROM person WHERE ref = 'DEMO-11-${String(summary.persons).padStart(6, '0')}'`)).toBe(1)
    // public-website prospects carry their inform task; those past the month were informed.
    expect(n("SELECT count(*) AS n FROM person p WHERE p.sourceKind = 'public-website' AND p.state = 'active' AND NOT EXISTS (SELECT 1 FROM inform_task t WHERE t.personId = p.id)")).toBe(0)
    expect(n("SELECT count(*) AS n FROM inform_task WHERE doneOn IS NULL AND dueOn < '2026-11-27'")).toBe(0)

    const run = await t.call('runRetention', {})
    expect(run).toMatchObject({ personsChanged: 0, evaluated: summary.persons })
    expect(n('SELECT count(*) AS n FROM person')).toBe(summary.persons)
  })

  it('settles every generated person for any seed date: nothing is due after settling (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('2017-01-01'), max: dayNumber('2036-12-31') }), fc.integer({ min: 1, max: 1_000_000 }), (day, seed) => {
        const today = dateOfDay(day)
        let kept = 0
        for (const p of demoPersons({ persons: 60, seed, today })) {
          if (p.doNotContact === true) continue
          const settled = settleDemoPerson(rowsFromImportPerson(p, randomUUID(), `${today}T09:00:00.000Z`, new Map(), randomUUID), DEFAULT_POLICY, today, randomUUID)
          if (settled === null) continue
          kept++
          expect(evaluateRetention(demoFacts(settled), DEFAULT_POLICY, today).due).toEqual([])
        }
        expect(kept).toBeGreaterThan(0)
      }),
      { numRuns: 25 }
    )
  })
})
