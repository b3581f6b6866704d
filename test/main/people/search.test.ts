import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest'
import type { OperationInput } from '../../../src/shared/contract/client'
import { newTestApp } from '../../support/testApp'
import { type TestApp, create, failure, fullIntake, prospect, signInAdmin, signInAs } from './peopleFixtures'

let t: TestApp
const ids: Record<string, string> = {}

beforeAll(async () => {
  t = await newTestApp()
  ids['zoe'] = await create(t, fullIntake())
  ids['jan'] = await create(
    t,
    fullIntake({ ref: 'K-2002', givenName: 'Jan', familyName: 'de Vries', birthDate: '1980-05-05', email: 'jan.devries@example.com', phone: '0201234567', address: { postcode: '5611 AB', city: 'Eindhoven' } })
  )
  ids['noor'] = await create(t, prospect())
  ids['worker'] = await create(
    t,
    fullIntake({ ref: 'K-3003', givenName: 'Daniël', familyName: 'Bakker', birthDate: '1975-01-01', email: 'd.bakker@example.nl', phone: '0633333333', address: { postcode: '4811 AA', city: 'Breda' }, purposes: ['mediation', 'payroll'] })
  )
  await t.call('addEmployment', { personId: ids['worker'], start: '2026-01-01', end: null, kind: 'payroll' })
  await t.call('recordEmploymentData', {
    personId: ids['worker'],
    nationality: 'NL',
    bsn: '123456782',
    idDocument: { type: 'id-card', number: 'AB1234567', expiry: '2030-01-01' },
    idVerifiedOn: '2026-01-01'
  })
  ids['shielded'] = await create(t, fullIntake({ ref: 'K-4004', givenName: 'Sanne', familyName: 'Visser', birthDate: '1999-09-09', email: 'sanne.visser@example.nl', phone: '0622222222' }))
  await t.sql('UPDATE "person" SET "state" = \'shielded\', "shieldedOn" = \'2026-11-27\' WHERE "id" = :id', { id: ids['shielded'] })
})
afterAll(async () => {
  await t.dispose()
})
afterEach(async () => {
  if (!t.app.currentSession?.roles.includes('admin')) await signInAdmin(t)
})

async function find(input: OperationInput<'searchPersons'>): Promise<string[]> {
  return (await t.call('searchPersons', input)).items.map((i) => i.id)
}
const q = (query: string) => find({ query })

describe('record search', () => {
  it('finds by given or family name prefix, ignoring case, accents and tussenvoegsel', async () => {
    expect(await q('zoe')).toEqual([ids['zoe']])
    expect(await q('ZOË')).toEqual([ids['zoe']])
    expect(await q('berg')).toEqual([ids['zoe']])
    expect(await q('van den berg')).toEqual([ids['zoe']])
    expect(await q('zoe van den b')).toEqual([ids['zoe']])
    expect(await q('jan de')).toEqual([ids['jan']])
    expect(await q('daniel bak')).toEqual([ids['worker']])
  })

  it('finds by e-mail, phone as typed, postcode and ref prefix', async () => {
    expect(await q('jan.devries@')).toEqual([ids['jan']])
    expect(await q('06-1234 5678')).toEqual([ids['zoe']])
    expect(await q('020 123')).toEqual([ids['jan']])
    expect(await q('5611ab')).toEqual([ids['jan']])
    expect(await q('1234')).toEqual([ids['zoe']])
    expect(await q('K-20')).toEqual([ids['jan']])
  })

  it('never finds anyone by BSN (UAVG art. 46)', async () => {
    expect(await q('123456782')).toEqual([])
    expect(await q('1234.56.782')).toEqual([])
    expect(await q('782')).toEqual([])
  })

  it('returns list columns only: no BSN, no contact details, no special data', async () => {
    const r = await t.call('searchPersons', { query: 'daniel' })
    expect(Object.keys(r.items[0]!).sort()).toEqual(['birthDate', 'city', 'familyName', 'givenName', 'id', 'ref', 'roles', 'state'])
    expect(JSON.stringify(r)).not.toContain('123456782')
  })

  it('filters by role and by state', async () => {
    expect(await find({ roles: ['prospect'] })).toEqual([ids['noor']])
    expect(await find({ roles: ['flexworker'] })).toEqual([ids['worker']])
    expect((await find({ states: ['active'] })).sort()).toEqual([ids['zoe'], ids['jan'], ids['noor'], ids['worker']].sort())
  })

  it('R-14: leaves shielded records out, unless a privacy officer asks for them', async () => {
    expect(await q('visser')).toEqual([])
    expect(await find({ query: 'visser', includeShielded: true })).toEqual([ids['shielded']])
    expect(await find({ includeShielded: true, states: ['shielded'] })).toEqual([ids['shielded']])
    await signInAs(t, 'medewerker', ['staff'])
    expect(await q('visser')).toEqual([])
    expect((await failure(t.call('searchPersons', { query: 'visser', includeShielded: true }))).code).toBe('FORBIDDEN')
  })

  it('pages with at most 100 rows', async () => {
    const first = await t.call('searchPersons', { limit: 2 })
    expect(first.items).toHaveLength(2)
    expect(first.hasMore).toBe(true)
    const rest = await t.call('searchPersons', { limit: 2, offset: 2 })
    expect(rest.items).toHaveLength(2)
    expect(rest.hasMore).toBe(false)
    expect((await failure(t.call('searchPersons', { limit: 101 }))).code).toBe('VALIDATION_FAILED')
  })

  it('sorts in the query by the chosen column and direction, and counts every match on request (issue 16)', async () => {
    // Names: Bakker, Berg (van den), El Amrani, Vries (de); birth dates: 1975, 1980, 1994 and none (first).
    expect(await find({})).toEqual([ids['worker'], ids['zoe'], ids['noor'], ids['jan']])
    expect(await find({ sort: 'name', direction: 'desc' })).toEqual([ids['jan'], ids['noor'], ids['zoe'], ids['worker']])
    expect(await find({ sort: 'birthDate' })).toEqual([ids['noor'], ids['worker'], ids['jan'], ids['zoe']])
    expect(await find({ sort: 'birthDate', direction: 'desc' })).toEqual([ids['zoe'], ids['jan'], ids['worker'], ids['noor']])
    expect(await find({ sort: 'ref', direction: 'desc' })).toEqual([ids['worker'], ids['jan'], ids['zoe'], ids['noor']])
    // Pages follow the sort and never overlap.
    const pages = [...(await find({ sort: 'city', limit: 2 })), ...(await find({ sort: 'city', limit: 2, offset: 2 }))]
    expect(pages).toEqual(await find({ sort: 'city' }))
    expect(new Set(pages).size).toBe(4)
    // The count is of every match, not of the page.
    expect(await t.call('searchPersons', { limit: 1, withTotal: true })).toMatchObject({ total: 4, hasMore: true })
    expect(await t.call('searchPersons', { query: 'jan', withTotal: true })).toMatchObject({ total: 1, hasMore: false })
    expect((await t.call('searchPersons', {})).total).toBeUndefined()
    expect((await failure(t.call('searchPersons', { sort: 'bsn' } as never))).code).toBe('VALIDATION_FAILED')
  })

  it('audits a search with the kinds of criteria, never the query text', async () => {
    await q('visser')
    const [entry] = await t.sql<{ fields: string; reason: string | null }>('SELECT "fields", "reason" FROM "audit_entry" WHERE "action" = :action ORDER BY "seq" DESC LIMIT 1', { action: 'person.search' })
    expect(JSON.parse(entry!.fields)).toEqual(['query'])
    expect(entry!.reason).toBeNull()
  })
})

describe('record search in name order reads each way of matching on its own (issue 18)', () => {
  let u: TestApp
  const family = ['Jansen', 'Janssen', 'van Jaarsveld', 'de Jager', 'Jaspers', 'Bakker', 'Jansma', 'de Jong']
  const given = ['Jan', 'Janneke', 'Jasper', 'Anna', 'Jacob', 'Pieter']

  beforeAll(async () => {
    u = await newTestApp()
    // Hits of one query through several arms at once (given name, family name, e-mail, postcode),
    // more of them than a page, with equal names so the id decides the order.
    for (let i = 0; i < 36; i++) {
      await create(
        u,
        fullIntake({
          ref: `JA-${String(i).padStart(3, '0')}`,
          givenName: given[i % given.length]!,
          familyName: family[i % family.length]!,
          birthDate: `19${60 + i}-01-0${1 + (i % 9)}`,
          email: `ja${i}@example.nl`,
          phone: `0612${String(i).padStart(6, '0')}`,
          address: { postcode: `${i % 2 === 0 ? '1234' : '1235'} ${String.fromCharCode(65 + (i % 26))}B`, city: 'Utrecht' },
          roles: i % 3 === 0 ? ['prospect'] : ['candidate']
        })
      )
    }
    const [person] = await u.sql<{ id: string }>('SELECT "id" FROM "person" WHERE "ref" = :ref', { ref: 'JA-008' })
    await u.sql('UPDATE "person" SET "state" = \'shielded\', "shieldedOn" = \'2026-11-27\' WHERE "ref" IN (\'JA-004\', \'JA-017\')')
    await u.sql(
      'INSERT INTO "processing_limit" ("id", "personId", "kind", "purpose", "recordedOn", "recordedBy", "reason", "liftedOn") VALUES (\'r-1\', :personId, \'restriction\', NULL, \'2026-11-27\', NULL, \'test\', NULL)',
      { personId: person!.id }
    )
  })
  afterAll(async () => {
    await u.dispose()
  })

  /** Every match as the one-query shape finds it (the ref sort), in name order: what the name-ordered pages must add up to. */
  async function expected(input: OperationInput<'searchPersons'>, direction: 'asc' | 'desc'): Promise<string[]> {
    const all = (await u.call('searchPersons', { ...input, sort: 'ref', limit: 100 })).items.map((i) => i.id)
    const keys = new Map((await u.sql<{ id: string; f: string; g: string }>('SELECT "id", "searchFamily" AS "f", "searchGiven" AS "g" FROM "person"')).map((r) => [r.id, r]))
    const byName = (a: string, b: string) => {
      const ka = keys.get(a)!
      const kb = keys.get(b)!
      return Buffer.compare(Buffer.from(ka.f), Buffer.from(kb.f)) || Buffer.compare(Buffer.from(ka.g), Buffer.from(kb.g)) || Buffer.compare(Buffer.from(a), Buffer.from(b))
    }
    const sorted = all.sort(byName)
    return direction === 'desc' ? sorted.reverse() : sorted
  }

  async function pages(input: OperationInput<'searchPersons'>, limit: number): Promise<string[]> {
    const found: string[] = []
    for (let offset = 0; ; offset += limit) {
      const page = await u.call('searchPersons', { ...input, limit, offset })
      expect(page.items.length).toBeLessThanOrEqual(limit)
      found.push(...page.items.map((i) => i.id))
      if (!page.hasMore) return found
    }
  }

  it('finds page by page exactly what the query matches, in name order, whichever way it matches', async () => {
    const inputs: OperationInput<'searchPersons'>[] = [
      { query: 'ja' },
      { query: 'jans' },
      { query: 'jan ja' },
      { query: 'jasper' },
      { query: 'van jaarsveld' },
      { query: '1234' },
      { query: '1235 b' },
      { query: 'ja1@' },
      { query: '0612 0000' },
      { query: 'JA-01' },
      { query: 'ja', roles: ['prospect'] },
      { query: 'ja', includeShielded: true },
      { query: 'ja', includeShielded: true, states: ['shielded'] },
      {},
      { roles: ['candidate'] }
    ]
    for (const input of inputs) {
      for (const direction of ['asc', 'desc'] as const) {
        const want = await expected({ ...input, direction }, direction)
        expect(want.length, JSON.stringify(input)).toBeGreaterThan(0)
        for (const limit of [3, 100]) expect(await pages({ ...input, direction }, limit), `${JSON.stringify(input)} ${direction} by ${limit}`).toEqual(want)
      }
    }
  })

  it('keeps a restricted person out for staff and marks it for a privacy officer (R-26)', async () => {
    const restricted = (await u.sql<{ id: string }>('SELECT "id" FROM "person" WHERE "ref" = :ref', { ref: 'JA-008' }))[0]!.id
    const forOfficer = await u.call('searchPersons', { query: 'ja', limit: 100 })
    expect(forOfficer.items.find((i) => i.id === restricted)).toMatchObject({ restricted: true })
    await signInAs(u, 'medewerker', ['staff'])
    const forStaff = await pages({ query: 'ja' }, 5)
    expect(forStaff).not.toContain(restricted)
    expect(forStaff).toEqual(await expected({ query: 'ja' }, 'asc'))
    await signInAdmin(u)
  })
})
