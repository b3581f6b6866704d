import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newTestApp } from '../../support/testApp'
import { dataSnapshot, seed, sweepOn, termsOf, type TestApp } from './retentionTestKit'

/** The retention operations through the real dispatcher: roles, validation, audit, results. */
let t: TestApp
beforeEach(async () => {
  t = await newTestApp({ start: '2027-02-10T10:00:00Z' })
})
afterEach(async () => {
  await t.dispose()
})

const STAFF = { username: 'medewerker', displayName: 'Medewerker', passphrase: 'medewerker wachtwoordzin' }
async function signInAsStaff(): Promise<void> {
  await t.call('addAccount', { ...STAFF, roles: ['staff'] })
  await t.app.signIn(STAFF.username, STAFF.passphrase)
}
const failure = (p: Promise<unknown>) => p.then(() => null, (e: { code: string; issues?: unknown }) => e)

describe('previewRetention (privacy officer)', () => {
  it('lists each person\'s first pending action as of any date and counts what falls due per rule, changing nothing', async () => {
    const a = await seed(t, { person: { ref: 'K-1', unsubscribedOn: '2027-01-31' } }) // shield overdue (sweep not run), delete 2027-04-30
    const b = await seed(t, { person: { ref: 'K-2' }, attachments: [{ kind: 'id-copy', addedOn: '2027-02-05' }] }) // purge 2027-03-05
    await seed(t, { person: { ref: 'K-3' } }) // nothing
    await t.call('getRetentionPolicy', {}) // the policy's first use writes version 1
    const before = await dataSnapshot(t)

    const preview = await t.call('previewRetention', { asOf: '2027-02-10' })
    expect(preview.items).toEqual([
      { id: a.id, ref: 'K-1', state: 'active', rule: 'unsubscribed-never-worked', action: 'shield', dueDate: '2027-01-31', held: false },
      { id: b.id, ref: 'K-2', state: 'active', rule: 'id-copy-registration', action: 'purge-attachment', dueDate: '2027-03-05', held: false }
    ])
    expect(preview.counts).toEqual([
      { rule: 'id-copy-registration', action: 'purge-attachment', dueNow: 0, within7: 0, within30: 1, within90: 1 },
      { rule: 'unsubscribed-never-worked', action: 'delete', dueNow: 0, within7: 0, within30: 0, within90: 1 },
      { rule: 'unsubscribed-never-worked', action: 'shield', dueNow: 1, within7: 1, within30: 1, within90: 1 }
    ])
    expect(await dataSnapshot(t)).toEqual(before)
    expect(await t.sqlCount(`SELECT count(*) AS "n" FROM "audit_entry" WHERE "action" = 'retention.preview'`)).toBe(1)

    // A future date is fine for a preview; the horizon limits the list.
    const later = await t.call('previewRetention', { asOf: '2027-04-30', horizonDays: 0 })
    expect(later.items.map((i) => [i.id, i.action])).toEqual([
      [a.id, 'shield'], // the overdue shield still comes first
      [b.id, 'purge-attachment']
    ])
    expect((await t.call('previewRetention', { asOf: '2027-02-10', horizonDays: 7 })).items.map((i) => i.id)).toEqual([a.id])
    expect(later.counts.find((c) => c.action === 'delete')).toMatchObject({ dueNow: 1 })
  })

  it('is refused to staff without the privacy officer role', async () => {
    await signInAsStaff()
    expect(await failure(t.call('previewRetention', {}))).toMatchObject({ code: 'FORBIDDEN' })
    expect(await failure(t.call('runRetention', {}))).toMatchObject({ code: 'FORBIDDEN' })
    expect(await failure(t.call('listShielded', {}))).toMatchObject({ code: 'FORBIDDEN' })
    expect(await failure(t.call('listRetentionRuns', {}))).toMatchObject({ code: 'FORBIDDEN' })
  })
})

describe('runRetention', () => {
  it('refuses a date in the future and accepts a backdated catch-up', async () => {
    await seed(t, { person: { unsubscribedOn: '2027-01-31' } })
    expect(await failure(t.call('runRetention', { asOf: '2027-02-11' }))).toMatchObject({ code: 'FUTURE_DATE_NOT_ALLOWED' })
    expect(await failure(t.call('runRetention', { asOf: '2027-02-30' }))).toMatchObject({ code: 'VALIDATION_FAILED' })
    expect(await failure(t.callUnchecked('runRetention', { asOf: '2027-02-10', extra: 1 }))).toMatchObject({ code: 'VALIDATION_FAILED' })
    const run = await t.call('runRetention', { asOf: '2027-02-01' })
    expect(run).toMatchObject({ asOf: '2027-02-01', counts: { 'shield:unsubscribed-never-worked': 1 } })
  })
})

describe('the retention policy as versioned data', () => {
  it('seeds version 1 from the shipped file and shows it to every signed-in account', async () => {
    await signInAsStaff()
    const policy = await t.call('getRetentionPolicy', {})
    expect(policy.current).toMatchObject({ version: 1, createdBy: null, changedRules: [] })
    expect(policy.current.rules.find((r) => r.id === 'unsubscribed-never-worked')).toMatchObject({ requirement: 'R-12', term: { amount: 3, unit: 'months' }, action: 'delete' })
    expect(policy.versions).toHaveLength(1)
    expect(await failure(t.call('updateRetentionPolicy', { terms: termsOf(policy.current), note: 'x' }))).toMatchObject({ code: 'FORBIDDEN' })
  })

  it('saves a privacy officer\'s new terms as a new audited version, which the next run uses and records', async () => {
    const { current } = await t.call('getRetentionPolicy', {})
    // Shorter than the statement's 3 calendar months (a longer term is refused: issue 13 point 6).
    const terms = { ...termsOf(current), 'unsubscribed-never-worked': { amount: 2, unit: 'months' as const } }
    const saved = await t.call('updateRetentionPolicy', { terms, note: 'Agency policy: two months' })
    expect(saved).toMatchObject({ version: 2, createdBy: t.app.session.accountId, note: 'Agency policy: two months', changedRules: ['unsubscribed-never-worked'] })
    const audit = await t.sql(`SELECT "fields", "reason", "actorId" FROM "audit_entry" WHERE "action" = 'policy.change'`)
    expect(audit).toEqual([{ fields: '["unsubscribed-never-worked"]', reason: 'Agency policy: two months', actorId: t.app.session.accountId }])

    const { id } = await seed(t, { person: { unsubscribedOn: '2027-01-31' } })
    const dayBefore = await sweepOn(t, '2027-03-30')
    expect(dayBefore).toMatchObject({ policyVersion: 2 })
    expect(await t.sql('SELECT "state" FROM "person" WHERE "id" = :id', { id })).toEqual([{ state: 'shielded' }])
    await sweepOn(t, '2027-03-31') // 31 Jan + 2 months, a month before the old term's 30 Apr
    expect(await t.sql('SELECT "rule", "policyVersion" FROM "tombstone" WHERE "personId" = :id', { id })).toEqual([{ rule: 'unsubscribed-never-worked', policyVersion: 2 }])

    const history = await t.call('getRetentionPolicy', {})
    expect(history.versions.map((v) => v.version)).toEqual([2, 1])
  })

  it('refuses to shorten a statutory hold or lengthen the 4-week ID-copy term (R-16 law first), and an unchanged table', async () => {
    const { current } = await t.call('getRetentionPolicy', {})
    const base = termsOf(current)
    const shorter = await failure(t.call('updateRetentionPolicy', { terms: { ...base, 'legal-hold-payroll': { amount: 6, unit: 'years' } }, note: 'x' }))
    expect(shorter).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'terms.legal-hold-payroll', key: 'retention.policy.belowLegalMinimum' }] })
    const longer = await failure(t.call('updateRetentionPolicy', { terms: { ...base, 'id-copy-registration': { amount: 2, unit: 'months' } }, note: 'x' }))
    expect(longer).toMatchObject({ issues: [{ path: 'terms.id-copy-registration', key: 'retention.policy.aboveLegalMaximum' }] })
    const same = await failure(t.call('updateRetentionPolicy', { terms: base, note: 'x' }))
    expect(same).toMatchObject({ issues: [{ path: 'terms', key: 'retention.policy.unchanged' }] })
    // a longer legal hold is allowed
    await expect(t.call('updateRetentionPolicy', { terms: { ...base, 'legal-hold-payroll': { amount: 10, unit: 'years' } }, note: 'x' })).resolves.toMatchObject({ version: 2 })
  })
})

describe('a person\'s retention in plain words', () => {
  it('explains when and why a shielded never-worked candidate will be deleted', async () => {
    const { id } = await seed(t, { person: { unsubscribedOn: '2027-01-31' } })
    await sweepOn(t, '2027-02-10')
    const r = await t.call('getPersonRetention', { personId: id })
    expect(r).toEqual({
      personId: id,
      state: 'shielded',
      rule: 'unsubscribed-never-worked',
      nextAction: { action: 'delete', rule: 'unsubscribed-never-worked', dueDate: '2027-04-30' },
      deletionDate: '2027-04-30',
      explanation: { key: 'retention.explain.unsubscribed-never-worked.delete', params: { date: '2027-04-30', unsubscribedOn: '2027-01-31' } },
      policyVersion: 1
    })
    expect(await t.sql(`SELECT "fields" FROM "audit_entry" WHERE "action" = 'person.view' AND "subjectId" = :id`, { id })).toEqual([{ fields: '["retention"]' }])
  })

  it('explains an active record and a worker\'s reduction, and keeps a shielded record from staff (R-14)', async () => {
    const active = await seed(t, {})
    const worker = await seed(t, { roles: ['flexworker'], person: { unsubscribedOn: '2026-04-01' }, employments: [{ start: '2025-01-06', end: '2026-03-15' }] })
    const shielded = await seed(t, { person: { unsubscribedOn: '2027-01-31', state: 'shielded', shieldedOn: '2027-01-31' } })
    await signInAsStaff()
    expect((await t.call('getPersonRetention', { personId: active.id })).explanation).toEqual({ key: 'retention.explain.active', params: {} })
    expect((await t.call('getPersonRetention', { personId: worker.id })).explanation).toEqual({
      key: 'retention.explain.worked-stopped.reduce-to-legal-hold',
      params: { date: '2028-03-15', employmentEnd: '2026-03-15', unsubscribedOn: '2026-04-01' }
    })
    // On the office server a staff login does not see a restricted record at all (row-level
    // security, server/serverRoles.ts): to staff it is as absent as an unknown id.
    expect(await failure(t.call('getPersonRetention', { personId: shielded.id }))).toMatchObject({ code: 'RETENTION_SHIELDED' })
    expect(await failure(t.call('getPersonRetention', { personId: '00000000-0000-4000-8000-000000000000' }))).toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('listShielded (R-14)', () => {
  it('gives the privacy officer id, reference, rule, shielded-on and deletion date — nothing else — and audits the listing', async () => {
    const a = await seed(t, { person: { ref: 'K-7', unsubscribedOn: '2027-01-31' } })
    await seed(t, { person: { ref: 'K-8' } })
    await sweepOn(t, '2027-02-10')
    const list = await t.call('listShielded', {})
    expect(list).toEqual([{ id: a.id, ref: 'K-7', rule: 'unsubscribed-never-worked', shieldedOn: '2027-02-10', deletionDate: '2027-04-30' }])
    expect(await t.sqlCount(`SELECT count(*) AS "n" FROM "audit_entry" WHERE "action" = 'retention.shielded-list'`)).toBe(1)
  })
})

