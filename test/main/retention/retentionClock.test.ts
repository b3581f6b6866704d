import { afterEach, describe, expect, it } from 'vitest'
import { newTestApp } from '../../support/testApp'
import { auditOf, personRow, seed, sweepOn, type TestApp } from './retentionTestKit'

/** R-11a through the service layer: every record has a clock; re-confirmation as a workflow. */
let t: TestApp
afterEach(async () => {
  await t.dispose()
})
const failure = (p: Promise<unknown>) => p.then(() => null, (e: { code: string }) => e)
const tombstones = (personId: string) => t.sql('SELECT "rule", "deletedOn", "cause" FROM "tombstone" WHERE "personId" = :personId', { personId })

describe('no record without a clock (R-11a)', () => {
  it('gives an ex-worker whose employment ended in 2018 and who never unsubscribed a rule, an action and a date — and acts on it', async () => {
    t = await newTestApp({ start: '2026-12-05T10:00:00Z' })
    const worker = await seed(t, {
      roles: ['flexworker'],
      person: { registeredOn: '2017-01-09', lastActivityOn: '2018-03-15' },
      employments: [{ start: '2017-02-01', end: '2018-03-15' }]
    })
    const r = await t.call('getPersonRetention', { personId: worker.id })
    expect(r.rule).toBe('legal-hold-payroll') // the longest legal hold, counted from the employment end
    expect(r.nextAction).toMatchObject({ action: 'reduce-to-legal-hold', rule: 'worked-stopped' })
    expect(r.deletionDate).not.toBeNull()
    expect(r.deletionDate! <= '2026-12-05').toBe(true) // every term has passed: deletion is overdue

    const preview = await t.call('previewRetention', { asOf: '2026-12-05', clocks: true })
    const clock = preview.clocks!.find((c) => c.id === worker.id)!
    expect(clock).toMatchObject({ rule: 'worked-stopped', action: 'reduce-to-legal-hold', dueDate: '2020-03-15', since: '2018-03-15' })

    const run = await sweepOn(t, '2026-12-05')
    expect(run.counts['delete:legal-hold-payroll']).toBe(1)
    expect(await personRow(t, worker.id)).toBeUndefined()
    expect(await tombstones(worker.id)).toEqual([{ rule: 'legal-hold-payroll', deletedOn: '2026-12-05', cause: 'retention' }])
  })

  it('previews and runs only within the years the calendar holds (1900–2999), refusing others before anything is read or written', async () => {
    t = await newTestApp({ start: '2026-12-05T10:00:00Z' })
    const tables = async () => ({ policies: await t.sqlCount('SELECT count(*) AS "n" FROM "retention_policy"'), runs: await t.sqlCount('SELECT count(*) AS "n" FROM "retention_run"') })
    const before = await tables()
    for (const asOf of ['0001-01-01', '1899-12-31', '3000-01-01']) {
      expect(await failure(t.call('previewRetention', { asOf }))).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'asOf', key: 'validation.date.outOfRange' }] })
      expect(await failure(t.call('runRetention', { asOf }))).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'asOf', key: 'validation.date.outOfRange' }] })
    }
    expect(await tables()).toEqual(before)
    await expect(t.call('previewRetention', { asOf: '2999-12-31' })).resolves.toMatchObject({ asOf: '2999-12-31' })
  })

  it('keeps a recently active ex-worker available and gives them the re-confirmation date', async () => {
    t = await newTestApp({ start: '2026-12-05T10:00:00Z' })
    const worker = await seed(t, { roles: ['flexworker'], person: { lastActivityOn: '2026-09-30' }, employments: [{ start: '2026-01-12', end: '2026-09-30' }] })
    const r = await t.call('getPersonRetention', { personId: worker.id })
    expect(r).toMatchObject({ state: 'active', rule: 'inactivity-reconfirm', nextAction: { action: 'reconfirm', rule: 'inactivity-reconfirm', dueDate: '2027-09-30' } })
  })
})

describe('imported records keep the clock the legacy system knew (R-11a)', () => {
  const row = (ref: string, extra: Record<string, unknown>) => ({
    ref,
    givenName: 'Testa',
    familyName: 'Persoon',
    birthDate: '1990-05-17',
    email: `${ref.toLowerCase()}@example.org`,
    source: { kind: 'walk-in' },
    registeredOn: '2024-03-04',
    roles: ['candidate'],
    purposes: ['mediation'],
    ...extra
  })

  it('runs the re-confirmation from the last contact in the file, and from registration without one', async () => {
    t = await newTestApp({ start: '2026-12-05T10:00:00Z' })
    const file = { format: 'dossier-import/1', persons: [row('IMP-CONTACT', { lastContactOn: '2026-10-01' }), row('IMP-STALE', {})] }
    expect(await t.call('importPersons', { text: JSON.stringify(file) })).toMatchObject({ persons: 2 })
    const idOf = async (ref: string) => (await t.sql<{ id: string }>('SELECT "id" FROM "person" WHERE "ref" = :ref', { ref }))[0]!.id
    expect(await personRow(t, await idOf('IMP-CONTACT'))).toMatchObject({ lastActivityOn: '2026-10-01' })
    expect(await t.call('getPersonRetention', { personId: await idOf('IMP-CONTACT') })).toMatchObject({
      state: 'active',
      nextAction: { action: 'reconfirm', rule: 'inactivity-reconfirm', dueDate: '2027-10-01' }
    })
    // Registered in March 2024, never heard from since: its deadline passed long ago, so it counts
    // as unsubscribed on that date (2025-04-04) and R-12 has run out too.
    const stale = await t.call('getPersonRetention', { personId: await idOf('IMP-STALE') })
    expect(stale).toMatchObject({ rule: 'unsubscribed-never-worked', deletionDate: '2025-07-04' })
  })
})

describe('undoing an unsubscribe gives a live clock back', () => {
  it('returns a record shielded by the unsubscribe to active, with a rule and due date, audited', async () => {
    t = await newTestApp({ start: '2027-02-10T10:00:00Z' })
    const p = await seed(t, { person: { unsubscribedOn: '2027-01-31', lastActivityOn: '2026-11-01' } })
    await sweepOn(t, '2027-02-10')
    expect(await personRow(t, p.id)).toMatchObject({ state: 'shielded', retentionRule: 'unsubscribed-never-worked' })

    await t.call('setUnsubscribed', { personId: p.id, unsubscribedOn: null, reason: 'Meldt zich opnieuw aan' })
    expect(await personRow(t, p.id)).toMatchObject({ state: 'active', shieldedOn: null, retentionRule: null, unsubscribedOn: null, lastActivityOn: '2027-02-10' })
    const r = await t.call('getPersonRetention', { personId: p.id })
    expect(r).toMatchObject({ state: 'active', rule: 'inactivity-reconfirm', nextAction: { action: 'reconfirm', dueDate: '2028-02-10' } })
    expect((await auditOf(t, p.id)).map((a) => a.action)).toContain('retention.unshield')
    // the next sweep leaves it alone
    expect((await sweepOn(t, '2027-02-10')).personsChanged).toBe(0)
  })

  it('refuses to bring back a record already reduced to its legal-hold data', async () => {
    t = await newTestApp({ start: '2029-01-10T10:00:00Z' })
    const p = await seed(t, {
      roles: ['flexworker'],
      person: { unsubscribedOn: '2026-04-01', state: 'legal-hold', reducedToLegalHoldOn: '2028-03-15' },
      employments: [{ start: '2025-01-06', end: '2026-03-15' }]
    })
    expect(await failure(t.call('setUnsubscribed', { personId: p.id, unsubscribedOn: null, reason: 'Verzoek' }))).toMatchObject({ code: 'RETENTION_REDUCED' })
    expect(await personRow(t, p.id)).toMatchObject({ state: 'legal-hold', unsubscribedOn: '2026-04-01' })
  })
})

describe('re-confirmation as a workflow', () => {
  it('asks after 12 months without activity, treats no reply as unsubscribed at the deadline, and deletes 3 calendar months later (R-12)', async () => {
    t = await newTestApp({ start: '2026-12-01T10:00:00Z' })
    const idle = await seed(t, { person: { ref: 'K-IDLE', registeredOn: '2026-01-05', lastActivityOn: '2026-01-05' } })
    await seed(t, { person: { ref: 'K-BUSY', lastActivityOn: '2026-11-20' } })
    expect((await t.call('listReconfirmationsDue', {})).items).toEqual([])

    t.clock.set('2027-01-05T10:00:00Z')
    const due = await t.call('listReconfirmationsDue', {})
    expect(due).toMatchObject({ asOf: '2027-01-05', total: 1 })
    expect(due.items).toEqual([
      { personId: idle.id, ref: 'K-IDLE', givenName: 'Testa', familyName: 'Persoon', lastActivityOn: '2026-01-05', dueOn: '2027-01-05', deadline: '2027-02-05' }
    ])
    expect((await t.sql(`SELECT "fields", "reason" FROM "audit_entry" WHERE "action" = 'retention.reconfirm-list' ORDER BY "seq" DESC`))[0]).toEqual({
      fields: '["familyName","givenName","lastActivityOn","ref"]',
      reason: 'records=1'
    })

    expect((await sweepOn(t, '2027-02-04')).personsChanged).toBe(0)
    expect((await sweepOn(t, '2027-02-05')).counts).toEqual({ 'shield:unsubscribed-never-worked': 1 })
    expect(await personRow(t, idle.id)).toMatchObject({ state: 'shielded', unsubscribedOn: null })
    expect((await t.call('listReconfirmationsDue', {})).items).toEqual([]) // shielded: not listed
    expect((await sweepOn(t, '2027-05-04')).personsChanged).toBe(0)
    expect((await sweepOn(t, '2027-05-05')).counts).toEqual({ 'delete:unsubscribed-never-worked': 1 })
    expect(await tombstones(idle.id)).toEqual([{ rule: 'unsubscribed-never-worked', deletedOn: '2027-05-05', cause: 'retention' }])
  })

  it('restarts the clock of a person who confirms, audited without values', async () => {
    t = await newTestApp({ start: '2027-01-20T10:00:00Z' })
    const p = await seed(t, { person: { lastActivityOn: '2026-01-05' } })
    expect((await t.call('listReconfirmationsDue', {})).items.map((i) => i.personId)).toEqual([p.id])
    const r = await t.call('recordReconfirmation', { personId: p.id, outcome: 'confirmed', how: 'phone' })
    expect(r).toEqual({ personId: p.id, outcome: 'confirmed', clock: { rule: 'inactivity-reconfirm', action: 'reconfirm', dueDate: '2028-01-20', since: '2027-01-20' } })
    expect(await personRow(t, p.id)).toMatchObject({ lastActivityOn: '2027-01-20', state: 'active', unsubscribedOn: null })
    expect((await t.call('listReconfirmationsDue', {})).items).toEqual([])
    expect((await auditOf(t, p.id)).find((a) => a.action === 'retention.reconfirm')).toMatchObject({ fields: '["lastActivityOn"]', reason: 'outcome=confirmed; how=phone' })
    // past the old deadline nothing happens: the clock restarted
    expect((await sweepOn(t, '2027-03-01')).personsChanged).toBe(0)
  })

  it('unsubscribes a person who wants to leave, today, so R-12 runs from today', async () => {
    t = await newTestApp({ start: '2027-01-20T10:00:00Z' })
    const p = await seed(t, { person: { lastActivityOn: '2026-01-05' } })
    const r = await t.call('recordReconfirmation', { personId: p.id, outcome: 'wants-to-leave', how: 'desk' })
    expect(r).toMatchObject({ outcome: 'wants-to-leave', clock: { rule: 'unsubscribed-never-worked', action: 'shield', dueDate: '2027-01-20' } })
    expect(await personRow(t, p.id)).toMatchObject({ unsubscribedOn: '2027-01-20' })
    expect((await sweepOn(t, '2027-01-20')).counts).toEqual({ 'shield:unsubscribed-never-worked': 1 })
    expect(await failure(t.call('recordReconfirmation', { personId: p.id, outcome: 'confirmed', how: 'email' }))).toMatchObject({ code: 'RETENTION_SHIELDED' })
    expect(await failure(t.call('recordReconfirmation', { personId: p.id, outcome: 'maybe' as never, how: 'email' }))).toMatchObject({ code: 'VALIDATION_FAILED' })
  })
})
