import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OperationInput } from '../../../src/shared/contract/client'
import { TEST_ENGINE } from '../../support/serverTestApp'
import { ADMIN, newTestApp } from '../../support/testApp'
import { termsOf } from '../retention/retentionTestKit'

type T = Awaited<ReturnType<typeof newTestApp>>
interface Seen {
  action: string
  actorId: string | null
  subjectId: string | null
  fields: string[]
  reason: string | null
}

/**
 * R-22, "every action listed produces exactly the expected entries": for the actions of the
 * foundation and governance capabilities, the exact entries (and nothing more) each one appends.
 * Other capabilities' actions (person views, disclosures, erasure…) are covered in their own tests.
 */
describe('every account, session, settings, policy, breach, statement and audit action is audited exactly once', () => {
  let t: T
  let adminId: string
  let mark: number

  beforeEach(async () => {
    t = await newTestApp()
    adminId = t.app.session.accountId
    mark = await headSeq()
  })
  afterEach(async () => t.dispose())

  async function headSeq(): Promise<number> {
    return (await t.app.audit.head(t.app.vault.dataSource.manager))?.seq ?? 0
  }
  /** The entries appended since the last call, oldest first, without times and hashes. */
  async function appended(): Promise<Seen[]> {
    // The trail as the app shows it: with this session's sign-in entries, written once the unlock's integrity check allows (issue 18).
    await t.app.vaultCheck()
    const all = await t.app.audit.list(t.app.vault.dataSource.manager, { limit: 10_000 })
    const fresh = all.filter((e) => e.seq > mark).reverse()
    mark = await headSeq()
    return fresh.map(({ action, actorId, subjectId, fields, reason }) => ({ action, actorId, subjectId, fields, reason }))
  }
  const entry = (action: string, more: Partial<Seen> = {}): Seen => ({ action, actorId: adminId, subjectId: null, fields: [], reason: null, ...more })

  it('sign-out and sign-in: one entry each, about the account', async () => {
    await t.call('signOut')
    await t.call('signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase })
    expect(await appended()).toEqual([entry('session.sign-out', { subjectId: adminId }), entry('session.sign-in', { subjectId: adminId })])
  })

  // The local sign-in journal (signInJournal.ts); on the office server the server checks the passphrase.
  it.skipIf(TEST_ENGINE === 'postgres')('a failed sign-in, journaled while locked, enters the trail at the next unlock — without the name typed', async () => {
    const anna = await t.call('addAccount', { username: 'anna', displayName: 'Anna', roles: ['staff'], passphrase: 'anna koffie fiets regen' })
    await appended()
    await t.call('signOut')
    t.clock.advanceMs(1000)
    await expect(t.call('signIn', { username: ADMIN.username, passphrase: 'wrong passphrase' })).rejects.toMatchObject({ code: 'VAULT_WRONG_PASSPHRASE' })
    t.clock.advanceMs(1000)
    await expect(t.call('signIn', { username: 'Anna', passphrase: 'wrong passphrase' })).rejects.toMatchObject({ code: 'VAULT_WRONG_PASSPHRASE' })
    t.clock.advanceMs(1000)
    // An unknown name gets the same answer as a wrong passphrase (issue 15 point 5).
    await expect(t.call('signIn', { username: 'nobody-here', passphrase: 'wrong passphrase' })).rejects.toMatchObject({ code: 'VAULT_WRONG_PASSPHRASE' })
    t.clock.advanceMs(1000)
    await t.call('signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase })
    const seen = await appended()
    expect(seen).toEqual([
      entry('session.sign-out', { subjectId: adminId }),
      entry('session.sign-in-failed', { subjectId: adminId, reason: 'at 2026-11-27T10:00:01.000Z' }),
      entry('session.sign-in-failed', { subjectId: anna.id, reason: 'at 2026-11-27T10:00:02.000Z' }),
      entry('session.sign-in-failed', { subjectId: null, reason: 'at 2026-11-27T10:00:03.000Z' }),
      entry('session.sign-in', { subjectId: adminId })
    ])
    expect(JSON.stringify(seen)).not.toContain('nobody-here')
    // Moved once: the next unlock does not repeat them.
    await t.call('signOut')
    await t.call('signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase })
    expect((await appended()).map((e) => e.action)).toEqual(['session.sign-out', 'session.sign-in'])
  })

  it('lock: one entry with the reason', async () => {
    await t.call('lock', { reason: 'manual' })
    await t.app.signIn(ADMIN.username, ADMIN.passphrase)
    expect(await appended()).toEqual([entry('session.lock', { subjectId: adminId, reason: 'manual' }), entry('session.sign-in', { subjectId: adminId })])
  })

  it('idle lock: one entry with reason idle', async () => {
    t.clock.advanceMs(11 * 60_000)
    expect(await t.app.tick()).toBe(true)
    await t.app.signIn(ADMIN.username, ADMIN.passphrase)
    expect((await appended())[0]).toEqual(entry('session.lock', { subjectId: adminId, reason: 'idle' }))
  })

  it('account add, disable, enable and passphrase change: one entry each, field names only', async () => {
    const anna = await t.call('addAccount', { username: 'anna', displayName: 'Anna', roles: ['staff'], passphrase: 'anna koffie fiets regen' })
    expect(await appended()).toEqual([entry('account.add', { subjectId: anna.id, fields: ['displayName', 'roles', 'username'] })])
    await t.call('setAccountDisabled', { accountId: anna.id, disabled: true })
    expect(await appended()).toEqual([entry('account.disable', { subjectId: anna.id, fields: ['disabled'] })])
    await t.call('setAccountDisabled', { accountId: anna.id, disabled: false, passphrase: 'anna again anna again' })
    expect(await appended()).toEqual([entry('account.enable', { subjectId: anna.id, fields: ['disabled'] })])
    await t.call('changePassphrase', { current: ADMIN.passphrase, next: 'a brand new passphrase' })
    const seen = await appended()
    expect(seen).toEqual([entry('account.passphrase-change', { subjectId: adminId, fields: ['passphrase'] })])
    expect(JSON.stringify(seen)).not.toContain('brand new')
  })

  it('settings change: one entry naming the changed fields; saving unchanged settings: none', async () => {
    const s = await t.call('getSettings')
    await t.call('updateSettings', { ...s, agency: { ...s.agency, email: 'privacy@jobandtraining.nl' }, idleLockMinutes: 5 })
    const seen = await appended()
    expect(seen).toEqual([entry('settings.change', { fields: ['agency.email', 'idleLockMinutes'] })])
    expect(JSON.stringify(seen)).not.toContain('privacy@')
    await t.call('updateSettings', { ...s, agency: { ...s.agency, email: 'privacy@jobandtraining.nl' }, idleLockMinutes: 5 })
    expect(await appended()).toEqual([])
  })

  it('retention policy change: one entry naming the changed rules, with the note as reason', async () => {
    const { current } = await t.call('getRetentionPolicy')
    expect(await appended()).toEqual([])
    const terms = termsOf(current)
    terms['unsubscribed-never-worked'] = { amount: 2, unit: 'months' } // shorter: a longer term than the statement's is refused
    await t.call('updateRetentionPolicy', { terms, note: 'Besluit directie 2026-11' })
    expect(await appended()).toEqual([entry('policy.change', { fields: ['unsubscribed-never-worked'], reason: 'Besluit directie 2026-11' })])
  })

  it('breach create and update: one entry each, naming fields, never the description', async () => {
    const input = { discoveredAtLocal: '2026-11-27T09:00', description: 'Mail met cv naar verkeerde opdrachtgever', dataCategories: ['cv'], personsAffected: 1, risk: 'low', status: 'confirmed' } satisfies OperationInput<'createBreach'>
    const b = await t.call('createBreach', input)
    expect(await appended()).toEqual([entry('breach.create', { subjectId: b.id, fields: ['dataCategories', 'description', 'discoveredAt', 'personsAffected', 'risk', 'status'] })])
    await t.call('updateBreach', { ...input, id: b.id, risk: 'none' })
    expect(await appended()).toEqual([entry('breach.update', { subjectId: b.id, fields: ['risk'] })])
  })

  it('statement version added: one entry; listing versions (which seeds 2018-05) adds none', async () => {
    await t.call('listStatementVersions')
    expect(await appended()).toEqual([])
    await t.call('addStatementVersion', { version: '2026-12', validFrom: '2026-12-01', text: 'Nieuwe privacyverklaring.' })
    expect(await appended()).toEqual([entry('statement.add', { subjectId: '2026-12', fields: ['text', 'validFrom', 'version'] })])
  })

  it('audit anchor, verification and export: one entry each', async () => {
    const anchor = await t.call('createAuditAnchor')
    expect(await appended()).toEqual([entry('audit.anchor', { subjectId: anchor.id })])
    await t.call('verifyAudit')
    expect(await appended()).toEqual([entry('audit.verify', { reason: 'ok' })])
    // The sign-ins so far: none after a local setup, the administrator's first on the office server.
    const signIns = await t.sqlCount(`SELECT count(*) AS "n" FROM "audit_entry" WHERE "action" = 'session.sign-in'`)
    await t.call('exportAudit', { action: 'session.sign-in', from: '2026-11-01', format: 'csv' })
    expect(await appended()).toEqual([entry('audit.export', { fields: ['action', 'from'], reason: `csv, ${signIns} entries` })])
    await t.call('exportBreaches', { format: 'html' })
    expect(await appended()).toEqual([entry('breach.export', { reason: 'html, 0 breaches' })])
  })

  it('reading the audit trail, settings, breaches, statements and the processing register adds nothing', async () => {
    for (const [op, input] of [
      ['listAudit', {}],
      ['auditFilterOptions', {}],
      ['listAuditAnchors', {}],
      ['getSettings', {}],
      ['listBreaches', {}],
      ['listStatementVersions', {}],
      ['getStatementVersion', { version: '2018-05' }],
      ['personsNotShownVersion', { version: '2018-05' }],
      ['getProcessingRegisterHtml', { lang: 'nl' }]
    ] as const) {
      await t.call(op, input)
    }
    expect(await appended()).toEqual([])
  })
})
