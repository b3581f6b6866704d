import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { decryptVaultPages, findInPages, vaultDataKey } from '../../support/rawPages'
import { TEST_ENGINE } from '../../support/serverTestApp'
import { ADMIN, newTestApp } from '../../support/testApp'
import { prospect } from '../people/peopleFixtures'
import type { OperationInput } from '../../../src/shared/contract/client'

/**
 * R-19a: after an erasure nothing written about the person remains — not in the audit reasons
 * staff typed, not in a request's identity check or extension reason, not in a breach note — on any page of the database file, free pages
 * and WAL included; and the audit trail still verifies (the keyed chain links reason digests).
 */
type T = Awaited<ReturnType<typeof newTestApp>>
let t: T
beforeEach(async () => {
  t = await newTestApp()
})
afterEach(async () => t.dispose())

/**
 * The local vault's file read page by page with the admin's data key (free pages and WAL
 * included). Local-only: its subject is the vault file's bytes; the office server's storage is
 * PostgreSQL's, which this check does not read (what is stored is checked through `t.sql` above it).
 */
async function vaultPages(): Promise<ReturnType<typeof decryptVaultPages> | null> {
  if (TEST_ENGINE === 'postgres') return null
  await t.app.signOut()
  const key = await vaultDataKey(t.vaultDir, ADMIN.username, ADMIN.passphrase)
  try {
    return decryptVaultPages(t.vaultDir, key)
  } finally {
    key.fill(0)
  }
}

describe('an erased person leaves no free text behind (R-19a)', () => {
  it('audit reasons and the identity check naming the person are gone from every page; the trail verifies', async () => {
    const { personId } = await t.call('createPerson', prospect({ givenName: 'Karel', familyName: 'Uniekenaam', phone: '06 1111 2222' }))
    await t.call('updatePerson', { personId, changes: { phone: '0633334444' }, reason: 'Karel Uniekenaam belde: nieuw nummer 0633334444' })
    await t.call('createRequest', { personId, kind: 'erasure', receivedOn: '2026-11-26', identityCheck: 'ID-kaart Karel Uniekenaam gezien aan de balie' })
    const access = await t.call('createRequest', { personId, kind: 'access', identityCheck: 'Rijbewijs Karel gezien' })
    await t.call('extendRequest', { id: access.id, reason: 'Archief van Karel Uniekenaam moet uit de kelder' })
    const breach = await t.call('createBreach', {
      discoveredAtLocal: '2026-11-20T10:00',
      description: 'Map met cv’s op een gestolen laptop',
      dataCategories: ['cv'],
      personsAffected: 3,
      risk: 'high',
      status: 'confirmed',
      affected: [{ personId, note: 'Karel Uniekenaam belde ongerust over zijn cv' }]
    })
    // Someone else's reason stays.
    const other = (await t.call('createPerson', prospect({ givenName: 'Noor', familyName: 'Anders', email: 'noor.anders@example.com', phone: '06 5555 6666' }))).personId
    await t.call('updatePerson', { personId: other, changes: { phone: '0612121212' }, reason: 'Noor Anders belde zelf' })

    await t.call('requestAndApplyErasure', { personId, reason: 'Verzoek van betrokkene' })

    const audit = await t.sql<{ reason: string }>('SELECT "reason" FROM "audit_entry" WHERE "reason" IS NOT NULL')
    expect(audit.map((a) => a.reason).join('\n')).not.toMatch(/Uniekenaam|0633334444/)
    expect(audit.map((a) => a.reason)).toContain('Noor Anders belde zelf')
    const [request] = (await t.call('listRequests', {})).requests
    expect(request).toMatchObject({ kind: 'erasure', identityCheck: '' })
    expect((await t.call('listRequests', {})).requests.map((r) => [r.identityCheck, r.extensionReason])).toEqual([
      ['', null],
      ['', null]
    ])
    // The breach stays in the register (art. 33(5)) with its count; the link and the note about the person go.
    expect((await t.call('listBreaches')).breaches).toEqual([expect.objectContaining({ id: breach.id, personsAffected: 3, affected: [] })])
    expect(await t.call('verifyAudit', {})).toMatchObject({ ok: true, broken: null })

    const pages = await vaultPages()
    if (!pages) return
    expect(pages.every((p) => p.authentic)).toBe(true)
    for (const needle of ['Uniekenaam', '0633334444', 'ID-kaart Karel', 'Rijbewijs Karel', 'belde ongerust']) expect(findInPages(pages, needle), needle).toEqual([])
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

    expect(await t.sql('SELECT "personId", "kind", "purpose", "reason", "liftReason", "liftedOn" FROM "processing_limit"')).toEqual([
      { personId: workerId, kind: 'objection', purpose: 'offers', reason: '', liftReason: null, liftedOn: '2026-11-27' }
    ])
    expect(await t.call('verifyAudit', {})).toMatchObject({ ok: true, broken: null })
    const pages = await vaultPages()
    if (!pages) return
    for (const needle of ['Uniekenaam', 'betwist zijn cv', 'belde over reclame', 'wil toch aanbiedingen']) expect(findInPages(pages, needle), needle).toEqual([])
  })

  it('a reason edited back in after its removal is caught: the digest no longer matches', async () => {
    const { personId } = await t.call('createPerson', prospect({ givenName: 'Karel', familyName: 'Uniekenaam', phone: '06 1111 2222' }))
    await t.call('updatePerson', { personId, changes: { phone: '0633334444' }, reason: 'Oorspronkelijke reden' })
    const [{ seq }] = (await t.sql<{ seq: number }>('SELECT "seq" FROM "audit_entry" WHERE "reason" = :reason', { reason: 'Oorspronkelijke reden' })) as [{ seq: number }]
    const tamper = () => t.sql('UPDATE "audit_entry" SET "reason" = :reason WHERE "seq" = :seq', { reason: 'Vervalste reden', seq })
    if (TEST_ENGINE === 'postgres') {
      // The server's trigger refuses the edit, the owner's too (serverRoles.ts); an owner who
      // switches the trigger off is still caught by the chain.
      await expect(tamper()).rejects.toThrow(/append-only/)
      await t.sql('ALTER TABLE "audit_entry" DISABLE TRIGGER "dossier_audit_guard"')
      await tamper()
      await t.sql('ALTER TABLE "audit_entry" ENABLE TRIGGER "dossier_audit_guard"')
    } else {
      await tamper()
    }
    expect(await t.call('verifyAudit', {})).toMatchObject({ ok: false, broken: { seq, problem: 'hash' } })
  })
})

/**
 * R-19a, issue 14 point 1: every table with free text a member of staff can write about a person
 * — disclosure reasons, field-change reasons (and their audit reasons), the wording of a recorded
 * consent, a pending erasure request's reason — holds nothing of the person after erasure and
 * after retention deletion, on any page (free pages and WAL included).
 */
describe('free text about a person goes with the person, in every table (R-19a)', () => {
  const MARK = 'Zwaluwstaart'
  /** A prospect with free text about them in every table that can hold it; the texts carry MARK. */
  async function personWithNotes(): Promise<string> {
    const { personId } = await t.call('createPerson', prospect({ givenName: 'Karel', familyName: `${MARK}a`, email: 'karel@example.test' }))
    await t.call('updatePerson', { personId, changes: { email: 'karel.nieuw@example.test' }, reason: `${MARK}b mailde een nieuw adres` })
    const { clientId } = await t.call('createClient', { name: 'Bakkerij Vermeulen BV', city: 'Breda' })
    const share: OperationInput<'createDisclosure'> = { personId, clientId, purpose: 'presentation', fields: ['givenName', 'email'], reason: `${MARK}c wil bij deze bakkerij beginnen` }
    await t.call('createDisclosure', share)
    await t.call('recordProcessingConsent', { personId, subject: 'offers', givenOn: '2026-11-27', how: 'email', wording: `${MARK}d wil vacatures per e-mail` })
    return personId
  }

  async function expectNoMarkOnAnyPage(): Promise<void> {
    const pages = await vaultPages()
    if (!pages) return
    expect(pages.every((p) => p.authentic)).toBe(true)
    expect(findInPages(pages, 'Bakkerij Vermeulen BV').length).toBeGreaterThan(0) // the check can find text
    for (const needle of [MARK, 'karel.nieuw']) expect(findInPages(pages, needle), needle).toEqual([])
  }

  it('after erasure: disclosure reason, field-change and audit reasons, consent wording and the erasure request itself', async () => {
    const personId = await personWithNotes()
    await t.call('requestAndApplyErasure', { personId, reason: `${MARK}e belde om verwijdering` })
    const tables = ['disclosure', 'field_change', 'processing_consent', 'erasure_approval']
    for (const table of tables) expect(await t.sqlCount(`SELECT count(*) AS "n" FROM "${table}"`), table).toBe(0)
    expect(await t.call('verifyAudit', {})).toMatchObject({ ok: true, broken: null })
    await expectNoMarkOnAnyPage()
  })

  it('after retention deletion: the same, and a pending erasure request the sweep overtook', async () => {
    const personId = await personWithNotes()
    await t.call('setUnsubscribed', { personId, unsubscribedOn: '2026-11-27', reason: `${MARK}f wil niet meer bemiddeld worden` })
    await t.call('requestErasure', { personId, reason: `${MARK}g vroeg om verwijdering` })
    t.clock.set('2027-03-01T10:00:00Z')
    await t.call('runRetention', {})
    expect(await t.sqlCount('SELECT count(*) AS "n" FROM "tombstone" WHERE "personId" = :personId', { personId })).toBe(1)
    expect(await t.sqlCount('SELECT count(*) AS "n" FROM "erasure_approval"')).toBe(0)
    expect(await t.call('verifyAudit', {})).toMatchObject({ ok: true, broken: null })
    await expectNoMarkOnAnyPage()
  })
})
