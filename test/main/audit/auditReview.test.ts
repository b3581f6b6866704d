import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AUDIT_ACTIONS } from '../../../src/main/audit/auditActions'
import { parseAnchorText } from '../../../src/main/audit/auditAnchor'
import { PersonEntity } from '../../../src/main/vault/entities/Person'
import { newTestApp } from '../../support/testApp'

type T = Awaited<ReturnType<typeof newTestApp>>

describe('the audit screen\'s operations (R-22): filter, export, anchor', () => {
  let t: T
  let anna: { id: string }
  /**
   * The trail the office starts with, newest first: the vault's setup (vault.create, account.add);
   * on the office server `server init`'s two and the administrator's first sign-in.
   */
  let opening: string[]
  beforeEach(async () => {
    t = await newTestApp({ start: '2026-11-26T22:30:00Z' }) // 23:30 on 26 Nov in Amsterdam
    opening = (await t.call('listAudit', {})).entries.map((e) => e.action)
    expect(opening.slice(-2)).toEqual(['account.add', 'vault.create'])
    t.clock.set('2026-11-26T23:30:00Z') // 00:30 on 27 Nov in Amsterdam
    anna = await t.call('addAccount', { username: 'anna', displayName: 'Anna', roles: ['staff'], passphrase: 'anna koffie fiets regen' })
    t.clock.set('2026-11-28T09:00:00Z')
    await t.call('setAccountDisabled', { accountId: anna.id, disabled: true })
  })
  afterEach(async () => t.dispose())

  it('lists newest first with the actor\'s user name and the subject\'s label', async () => {
    const { entries } = await t.call('listAudit', {})
    expect(entries.map((e) => e.action)).toEqual(['account.disable', 'account.add', ...opening])
    expect(entries[0]).toMatchObject({ actorName: 'beheerder', subjectId: anna.id, subjectLabel: 'anna', fields: ['disabled'], atLocal: '2026-11-28T10:00' })
  })

  it('filters by subject, actor, action and by Amsterdam calendar day (inclusive)', async () => {
    const bySubject = await t.call('listAudit', { subjectId: anna.id })
    expect(bySubject.entries.map((e) => e.action)).toEqual(['account.disable', 'account.add'])
    const byAction = await t.call('listAudit', { action: 'account.add' })
    expect(byAction.entries).toHaveLength(2)
    const byActor = await t.call('listAudit', { actorId: t.app.session.accountId, action: 'vault.create' })
    expect(byActor.entries).toHaveLength(1)
    // 23:30 UTC on the 26th is the 27th in Amsterdam.
    const day27 = await t.call('listAudit', { from: '2026-11-27', to: '2026-11-27' })
    expect(day27.entries.map((e) => e.action)).toEqual(['account.add'])
    const day26 = await t.call('listAudit', { to: '2026-11-26' })
    expect(day26.entries.map((e) => e.action)).toEqual(opening)
  })

  it('finds a person\'s entries by their reference, and nothing for an unknown reference', async () => {
    const personId = '7d7c0a39-5d43-4a0e-9a51-6f1d2b7e8c90'
    await t.app.vault.dataSource.getRepository(PersonEntity).insert({
      id: personId, ref: 'K-0042', givenName: 'Test', familyName: 'Persoon', sourceKind: 'walk-in', registeredOn: '2026-11-28',
      state: 'active', createdAt: '2026-11-28T09:00:00.000Z', updatedAt: '2026-11-28T09:00:00.000Z', searchGiven: 'test', searchFamily: 'persoon'
    } as never)
    await t.app.write(({ audit }) => audit({ action: 'person.view', subjectId: personId, fields: ['email'] }))
    const { entries } = await t.call('listAudit', { personRef: 'K-0042' })
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ action: 'person.view', subjectLabel: 'K-0042' })
    expect(JSON.stringify(entries)).not.toContain('Persoon')
    expect((await t.call('listAudit', { personRef: 'K-9999' })).entries).toEqual([])
  })

  it('pages with `more` when the limit cuts the list', async () => {
    const all = 2 + opening.length
    expect(await t.call('listAudit', { limit: all - 1 })).toMatchObject({ more: true })
    expect((await t.call('listAudit', { limit: all })).more).toBe(false)
  })

  it('pages in the database: an offset skips the newest, and `total` counts every match (issue 16)', async () => {
    const total = 2 + opening.length
    const first = await t.call('listAudit', { limit: 2 })
    expect(first).toMatchObject({ more: true, total })
    expect(first.entries.map((e) => e.action)).toEqual(['account.disable', 'account.add'])
    const second = await t.call('listAudit', { limit: opening.length, offset: 2 })
    expect(second.entries.map((e) => e.action)).toEqual(opening)
    expect(second).toMatchObject({ more: false, total })
    expect(await t.call('listAudit', { action: 'account.add', limit: 1, offset: 1 })).toMatchObject({ more: false, total: 2 })
  })

  it('offers every audit action and every account as a filter choice', async () => {
    const options = await t.call('auditFilterOptions')
    expect(options.actions).toEqual([...AUDIT_ACTIONS])
    expect(options.actors.map((a) => a.username)).toEqual(['anna', 'beheerder'])
  })

  it('exports the filtered trail as CSV and printable HTML, and audits the export with the filter used', async () => {
    const csv = await t.call('exportAudit', { subjectId: anna.id, format: 'csv', lang: 'en' })
    expect(csv.fileName).toBe('audit-trail-2026-11-28.csv')
    expect(csv.mimeType).toMatch(/^text\/csv/)
    const lines = csv.content.trimEnd().split('\r\n')
    expect(lines[0]).toBe('Sequence,Time (UTC),Time (Netherlands),Account,Action,Subject (id),Subject (reference),Fields,Reason')
    expect(lines.slice(1).map((l) => l.split(',')[4])).toEqual(['account.disable', 'account.add'])
    const html = await t.call('exportAudit', { format: 'html' })
    expect(html.content).toContain('<h1>Audittrail</h1>')
    expect(html.content).toMatch(/Content-Security-Policy" content="default-src &#39;none&#39;/)
    const [last] = await t.app.audit.list(t.app.vault.dataSource.manager, { limit: 2 })
    expect(last).toMatchObject({ action: 'audit.export', fields: [], reason: `html, ${3 + opening.length} entries` })
    const [, previous] = await t.app.audit.list(t.app.vault.dataSource.manager, { limit: 2 })
    expect(previous).toMatchObject({ action: 'audit.export', fields: ['subjectId'], reason: 'csv, 2 entries' })
  })

  it('anchors the head including the anchoring itself, with a printable text for outside the vault', async () => {
    const anchor = await t.call('createAuditAnchor')
    const [head] = await t.app.audit.list(t.app.vault.dataSource.manager, { limit: 1 })
    expect(head).toMatchObject({ action: 'audit.anchor', subjectId: anchor.id, seq: anchor.seq, hash: anchor.hash })
    expect(parseAnchorText(anchor.text)).toEqual({ vaultId: t.app.vault.vaultId, seq: anchor.seq, hash: anchor.hash, createdAt: anchor.createdAt })
    expect((await t.call('listAuditAnchors')).map((a) => a.id)).toEqual([anchor.id])
  })

  it('refuses an anchor of another vault', async () => {
    const other = await newTestApp()
    try {
      const foreign = await other.call('createAuditAnchor')
      await expect(t.call('verifyAudit', { anchorText: foreign.text })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'anchorText', key: 'validation.anchor.otherVault' }] })
    } finally {
      await other.dispose()
    }
  })

  it('is closed to accounts without the privacy-officer role', async () => {
    await t.call('addAccount', { username: 'admin2', displayName: 'Admin', roles: ['admin', 'staff'], passphrase: 'admin vijver kaars 2' })
    await t.app.signIn('admin2', 'admin vijver kaars 2')
    for (const op of ['listAudit', 'auditFilterOptions', 'verifyAudit', 'createAuditAnchor', 'listAuditAnchors'] as const) {
      await expect(t.call(op, {})).rejects.toMatchObject({ code: 'FORBIDDEN' })
    }
    await expect(t.call('exportAudit', { format: 'csv' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})
