import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { decryptVaultPages, findInPages, vaultDataKey } from '../../support/rawPages'
import { ADMIN, newTestApp } from '../../support/testApp'
import { prospect } from '../people/peopleFixtures'

/**
 * R-19a: after an erasure nothing written about the person remains — not in the audit reasons
 * staff typed, not in a request's identity check — on any page of the database file, free pages
 * and WAL included; and the audit trail still verifies (the keyed chain links reason digests).
 */
type T = Awaited<ReturnType<typeof newTestApp>>
let t: T
beforeEach(async () => {
  t = await newTestApp()
})
afterEach(async () => t.dispose())

describe('an erased person leaves no free text behind (R-19a)', () => {
  it('audit reasons and the identity check naming the person are gone from every page; the trail verifies', async () => {
    const { personId } = await t.call('createPerson', prospect({ givenName: 'Karel', familyName: 'Uniekenaam', phone: '06 1111 2222' }))
    await t.call('updatePerson', { personId, changes: { phone: '0633334444' }, reason: 'Karel Uniekenaam belde: nieuw nummer 0633334444' })
    await t.call('createRequest', { personId, kind: 'erasure', receivedOn: '2026-11-26', identityCheck: 'ID-kaart Karel Uniekenaam gezien aan de balie' })
    // Someone else's reason stays.
    const other = (await t.call('createPerson', prospect({ givenName: 'Noor', familyName: 'Anders', email: 'noor.anders@example.com', phone: '06 5555 6666' }))).personId
    await t.call('updatePerson', { personId: other, changes: { phone: '0612121212' }, reason: 'Noor Anders belde zelf' })

    await t.call('requestAndApplyErasure', { personId, reason: 'Verzoek van betrokkene' })

    const audit = t.app.vault.db.prepare('SELECT reason FROM audit_entry WHERE reason IS NOT NULL').all() as { reason: string }[]
    expect(audit.map((a) => a.reason).join('\n')).not.toMatch(/Uniekenaam|0633334444/)
    expect(audit.map((a) => a.reason)).toContain('Noor Anders belde zelf')
    const [request] = (await t.call('listRequests', {})).requests
    expect(request).toMatchObject({ kind: 'erasure', identityCheck: '' })
    expect(await t.call('verifyAudit', {})).toMatchObject({ ok: true, broken: null })

    await t.app.signOut()
    const key = await vaultDataKey(t.vaultDir, ADMIN.username, ADMIN.passphrase)
    const pages = decryptVaultPages(t.vaultDir, key)
    key.fill(0)
    expect(pages.every((p) => p.authentic)).toBe(true)
    for (const needle of ['Uniekenaam', '0633334444', 'ID-kaart Karel']) expect(findInPages(pages, needle), needle).toEqual([])
    expect(findInPages(pages, 'Noor Anders belde zelf').length).toBeGreaterThan(0) // the check can find text
  })

  it('R-26: restriction and objection reasons go with the person — deleted with an erased prospect, blanked when a worker is reduced to the legal hold', async () => {
    const prospectId = (await t.call('createPerson', prospect({ givenName: 'Karel', familyName: 'Uniekenaam', phone: '06 1111 2222' }))).personId
    await t.call('recordRestriction', { personId: prospectId, reason: 'Karel Uniekenaam betwist zijn cv' })
    await t.call('recordObjection', { personId: prospectId, purpose: 'presentation', reason: 'Karel Uniekenaam wil niet voorgesteld worden' })
    const workerId = (await t.call('createPerson', prospect({ givenName: 'Wim', familyName: 'Werkernaam', email: 'wim.werkernaam@example.com', phone: '06 3333 4444', birthDate: '1990-04-01', source: { kind: 'walk-in' }, roles: ['candidate'] }))).personId
    await t.call('addEmployment', { personId: workerId, start: '2026-01-05', end: '2026-06-30', kind: 'uitzenden' })
    const { limitId } = await t.call('recordObjection', { personId: workerId, purpose: 'offers', reason: 'Wim Werkernaam belde over reclame' })
    await t.call('liftProcessingLimit', { limitId, reason: 'Wim Werkernaam wil toch aanbiedingen' })

    await t.call('requestAndApplyErasure', { personId: prospectId, reason: 'Verzoek van betrokkene' })
    expect((await t.call('requestAndApplyErasure', { personId: workerId, reason: 'Verzoek van betrokkene' })).result?.outcome).toBe('legal-hold')

    expect(t.app.vault.db.prepare('SELECT personId, kind, purpose, reason, liftReason, liftedOn FROM processing_limit').all()).toEqual([
      { personId: workerId, kind: 'objection', purpose: 'offers', reason: '', liftReason: null, liftedOn: '2026-11-27' }
    ])
    expect(await t.call('verifyAudit', {})).toMatchObject({ ok: true, broken: null })
    await t.app.signOut()
    const key = await vaultDataKey(t.vaultDir, ADMIN.username, ADMIN.passphrase)
    const pages = decryptVaultPages(t.vaultDir, key)
    key.fill(0)
    for (const needle of ['Uniekenaam', 'betwist zijn cv', 'belde over reclame', 'wil toch aanbiedingen']) expect(findInPages(pages, needle), needle).toEqual([])
  })

  it('a reason edited back in after its removal is caught: the digest no longer matches', async () => {
    const { personId } = await t.call('createPerson', prospect({ givenName: 'Karel', familyName: 'Uniekenaam', phone: '06 1111 2222' }))
    await t.call('updatePerson', { personId, changes: { phone: '0633334444' }, reason: 'Oorspronkelijke reden' })
    const seq = (t.app.vault.db.prepare("SELECT seq FROM audit_entry WHERE reason = 'Oorspronkelijke reden'").get() as { seq: number }).seq
    t.app.vault.db.prepare('UPDATE audit_entry SET reason = ? WHERE seq = ?').run('Vervalste reden', seq)
    expect(await t.call('verifyAudit', {})).toMatchObject({ ok: false, broken: { seq, problem: 'hash' } })
  })
})
