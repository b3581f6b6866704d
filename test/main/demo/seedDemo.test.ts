import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { seedDemo } from '../../../src/main/demo/seedDemo'
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

  it('refuses the same seed twice, and anyone but an admin', async () => {
    await seedDemo(t.app, { persons: 10, seed: 1 })
    expect((await failure(seedDemo(t.app, { persons: 10, seed: 1 }))).code).toBe('CONFLICT')
    await seedDemo(t.app, { persons: 10, seed: 2 })
    expect(n('SELECT count(*) AS n FROM client')).toBe(12)
    await signInAs(t, 'medewerker', ['staff', 'privacy_officer'])
    expect((await failure(seedDemo(t.app, { persons: 10, seed: 3 }))).code).toBe('FORBIDDEN')
  })
})
