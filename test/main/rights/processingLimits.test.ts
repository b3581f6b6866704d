import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newTestApp } from '../../support/testApp'
import { specialConsent } from '../consent/consentFixtures'
import { type TestApp, count, failure, rows, signInAdmin, signInAs } from '../people/peopleFixtures'
import { insertPerson } from '../relations/relationsFixtures'
import { insertPerson as insertRetentionPerson } from '../retention/personFixture'

/**
 * restriction of processing (art. 18) and objection to a purpose (art. 21) are recorded
 * states with reason and date that every path honours — search, disclosure, edits — and a person
 * who stopped mediation is never presented or disclosed again. The default test account is admin,
 * privacy officer and staff; `medewerker` is staff only.
 */
let t: TestApp
beforeEach(async () => {
  t = await newTestApp()
})
afterEach(async () => t.dispose())

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64')

/** A person placed with a client from 1 December, and that client. */
async function placed(overrides: Parameters<typeof insertPerson>[1] = {}) {
  const { clientId } = await t.call('createClient', { name: 'Zorggroep Oost', city: 'Enschede' })
  const person = await insertPerson(t.app, { employments: [{ clientId, start: '2026-12-01' }], ...overrides })
  return { clientId, personId: person.id }
}

const present = (personId: string, clientId: string) =>
  t.call('createDisclosure', { personId, clientId, purpose: 'presentation', fields: ['givenName', 'familyName', 'city'] })

async function staffSearch(query: string) {
  await signInAs(t, 'medewerker', ['staff'])
  const r = await t.call('searchPersons', { query })
  await signInAdmin(t)
  return r.items
}

describe('restriction of processing (R-26, art. 18)', () => {
  it('keeps the data but leaves it unused on every path until a privacy officer lifts it, with a reason', async () => {
    const { clientId, personId } = await placed()
    await t.call('recordRestriction', { personId, reason: 'Betwist juistheid van het cv (brief 2 december)' })

    // Search: staff find nobody; the privacy officer finds the person, marked.
    expect(await staffSearch('Sanne')).toEqual([])
    expect((await t.call('searchPersons', { query: 'Sanne' })).items).toEqual([expect.objectContaining({ id: personId, restricted: true })])
    // Disclosure: neither a preview nor a disclosure; nothing written.
    for (const refused of [() => present(personId, clientId), () => t.call('previewDisclosure', { personId, clientId, purpose: 'presentation' })]) {
      expect((await failure(refused())).code).toBe('PROCESSING_RESTRICTED')
    }
    expect(await count(t, 'disclosure')).toBe(0)
    // Edits: rectification, unsubscribing, employment, procedures, attachments, consents.
    const edits = [
      () => t.call('updatePerson', { personId, changes: { education: 'HBO Logistiek' }, reason: 'Diploma behaald' }),
      () => t.call('setUnsubscribed', { personId, unsubscribedOn: '2026-11-27' }),
      () => t.call('addEmployment', { personId, start: '2026-11-02', end: '2026-11-20', kind: 'uitzenden' }),
      () => t.call('addRecruitmentProcedure', { personId, clientName: 'Bakkerij Jansen', start: '2026-11-27', end: null }),
      () => t.call('addAttachment', { personId, kind: 'cv', fileName: 'cv.pdf', contentBase64: PDF }),
      () => t.call('recordConsent', specialConsent(personId, { purpose: 'mediation', givenOn: '2026-11-27' }))
    ]
    for (const [i, edit] of edits.entries()) expect((await failure(edit())), String(i)).toMatchObject({ code: 'PROCESSING_RESTRICTED' })
    expect((await rows(t, 'person'))[0]).toMatchObject({ education: 'MBO Logistiek niveau 4', unsubscribedOn: null })
    expect((await count(t, 'attachment')) + (await count(t, 'consent')) + (await count(t, 'recruitment_procedure'))).toBe(0)
    // Reading stays possible, and says so.
    expect((await t.call('getPerson', { personId })).address.city).toBe('Breda')
    const listed = await t.call('listProcessingLimits', { personId })
    expect(listed).toMatchObject({ restricted: true, limits: [{ kind: 'restriction', purpose: null, recordedOn: '2026-11-27', recordedBy: 'Beheerder', liftedOn: null }] })

    // Lifting: a privacy officer, with a reason; audited; everything works again.
    const limitId = listed.limits[0]!.id
    await t.call('liftProcessingLimit', { limitId, reason: 'Cv gecorrigeerd, betrokkene akkoord' })
    await signInAs(t, 'medewerker', ['staff'])
    expect((await t.call('searchPersons', { query: 'Sanne' })).items).toHaveLength(1)
    expect((await failure(t.call('liftProcessingLimit', { limitId, reason: 'x' }))).code).toBe('FORBIDDEN') // privacy officers only
    await signInAdmin(t)
    expect((await present(personId, clientId)).reference).toMatch(/^DISC-/)
    await t.call('updatePerson', { personId, changes: { education: 'HBO Logistiek' }, reason: 'Diploma behaald' })
    expect(await t.call('listProcessingLimits', { personId })).toMatchObject({ restricted: false, limits: [{ liftedOn: '2026-11-27', liftedBy: 'Beheerder', liftReason: 'Cv gecorrigeerd, betrokkene akkoord' }] })
    const audit = await t.sql('SELECT "action", "reason" FROM "audit_entry" WHERE "action" LIKE :action ORDER BY "seq"', { action: 'person.restrict%' })
    expect(audit).toEqual([
      { action: 'person.restrict', reason: 'Betwist juistheid van het cv (brief 2 december)' },
      { action: 'person.restrict-lift', reason: 'Cv gecorrigeerd, betrokkene akkoord' }
    ])
  })

  it('erasure still applies to a restricted person', async () => {
    const { personId } = await placed({ employments: [] })
    await t.call('recordRestriction', { personId, reason: 'Wil eerst inzage' })
    const { result } = await t.call('requestAndApplyErasure', { personId, reason: 'Verzoek van betrokkene' })
    expect(result?.outcome).toBe('deleted')
    expect(await count(t, 'processing_limit')).toBe(0)
  })

  it('the access report names a restriction and an objection in force', async () => {
    const { personId } = await placed()
    await t.call('recordRestriction', { personId, reason: 'Reden A' })
    await t.call('recordObjection', { personId, purpose: 'offers', reason: 'Reden B' })
    const nl = await t.call('getAccessReportHtml', { personId, lang: 'nl' })
    expect(nl.html).toContain('Beperking van de verwerking (art. 18 AVG)')
    expect(nl.html).toContain('Bezwaar (art. 21 AVG) tegen: Aanbiedingen en informatie over onze diensten')
    expect(nl.html).not.toContain('Reden A')
    const en = await t.call('getAccessReportHtml', { personId, lang: 'en' })
    expect(en.html).toContain('Restriction of processing (Art. 18 GDPR)')
  })

  it('keeps the data through the retention sweep while the restriction holds; the run after the lift does what is due', async () => {
    // Unsubscribed in January, never worked: deleted three calendar months later, long due by now.
    const { id: personId } = await t.app.write(({ manager }) => insertRetentionPerson(manager, { person: { registeredOn: '2025-06-01', unsubscribedOn: '2026-01-05' } }))
    await t.call('recordRestriction', { personId, reason: 'Heeft de gegevens nodig voor een rechtszaak (art. 18 lid 1 c)' })
    // The dry run says so, and plans nothing for the person.
    const plan = await t.call('planRetention', {})
    expect(plan).toMatchObject({ heldByRestriction: 1, persons: [] })
    // The dashboard's list marks the record as held, not as about to go.
    const { items } = await t.call('previewRetention', {})
    expect(items.find((i) => i.id === personId)).toMatchObject({ held: true })
    expect(items.filter((i) => i.held)).toHaveLength(1)
    const held = await t.call('runRetention', { digest: plan.digest })
    expect(held).toMatchObject({ heldByRestriction: 1 })
    expect(await t.sqlCount('SELECT count(*) AS "n" FROM "person" WHERE "id" = :personId', { personId })).toBe(1)
    expect(await t.sqlCount('SELECT count(*) AS "n" FROM "tombstone" WHERE "personId" = :personId', { personId })).toBe(0)
    // Kept, not used: staff do not find a restricted person (above), whatever retention says.
    await signInAs(t, 'medewerker', ['staff'])
    expect((await t.call('searchPersons', { query: 'Testa' })).items).toEqual([])
    await signInAdmin(t)
    const audit = await t.sql<{ reason: string }>('SELECT "reason" FROM "audit_entry" WHERE "action" = :action ORDER BY "seq" DESC', { action: 'retention.run' })
    expect(audit[0]!.reason).toContain('heldByRestriction=1')

    const limitId = (await t.call('listProcessingLimits', { personId })).limits[0]!.id
    await t.call('liftProcessingLimit', { limitId, reason: 'Rechtszaak afgerond' })
    expect(await t.call('runRetention', {})).toMatchObject({ heldByRestriction: 0, personsChanged: 1 })
    expect(await t.sqlCount('SELECT count(*) AS "n" FROM "person" WHERE "id" = :personId', { personId })).toBe(0)
    expect(await t.sqlCount('SELECT count(*) AS "n" FROM "tombstone" WHERE "personId" = :personId', { personId })).toBe(1)
  })
})

describe('objection to a purpose (R-26, art. 21)', () => {
  it('removes the purpose from the person, keeps rectification from adding it back, and lifting does not re-add it', async () => {
    const { personId } = await placed({ purposes: ['mediation', 'payroll', 'offers'] })
    const r = await t.call('recordObjection', { personId, purpose: 'offers', reason: 'Wil geen nieuwsbrief meer' })
    expect(r.purposeRemoved).toBe(true)
    expect((await t.call('getPerson', { personId })).purposes.map((p) => p.purpose)).toEqual(['mediation', 'payroll'])
    const e = await failure(t.call('updatePerson', { personId, changes: { purposes: ['mediation', 'payroll', 'offers'] }, reason: 'Per ongeluk' }))
    expect(e).toMatchObject({ code: 'OBJECTION_IN_FORCE', issues: [{ path: 'changes.purposes.2', key: 'restrictions.issue.objectionInForce' }] })
    // The same objection twice is one objection.
    expect((await failure(t.call('recordObjection', { personId, purpose: 'offers', reason: 'Nogmaals' }))).code).toBe('CONFLICT')
    await t.call('liftProcessingLimit', { limitId: r.limitId, reason: 'Wil toch weer aanbiedingen' })
    expect((await t.call('getPerson', { personId })).purposes.map((p) => p.purpose)).toEqual(['mediation', 'payroll'])
    await t.call('updatePerson', { personId, changes: { purposes: ['mediation', 'payroll', 'offers'] }, reason: 'Op verzoek' })
    expect(await t.sql('SELECT "action" FROM "audit_entry" WHERE "action" LIKE :action ORDER BY "seq"', { action: 'person.object%' })).toEqual([{ action: 'person.object' }, { action: 'person.object-lift' }])
  })

  it('an objection to being presented refuses a presentation, not the client-identification duty of a placement', async () => {
    const { clientId, personId } = await placed()
    await t.call('recordObjection', { personId, purpose: 'presentation', reason: 'Wil niet aan opdrachtgevers worden voorgesteld' })
    expect((await failure(present(personId, clientId))).code).toBe('OBJECTION_IN_FORCE')
    expect((await failure(t.call('previewDisclosure', { personId, clientId, purpose: 'presentation' }))).code).toBe('OBJECTION_IN_FORCE')
    expect(await count(t, 'disclosure')).toBe(0)
    t.clock.set('2026-12-02T09:00:00Z')
    expect((await t.call('createDisclosure', { personId, clientId, purpose: 'client-identification', fields: ['bsn'] })).reference).toMatch(/^DISC-/)
  })
})

describe('a person who stopped mediation is never presented or disclosed again (R-26)', () => {
  it('createDisclosure refuses an unsubscribed worker with MEDIATION_ENDED, for every purpose, and writes nothing', async () => {
    const { clientId, personId } = await placed({ unsubscribedOn: '2026-11-20' })
    expect((await failure(present(personId, clientId))).code).toBe('MEDIATION_ENDED')
    expect((await failure(t.call('createDisclosure', { personId, clientId, purpose: 'assignment', fields: ['givenName'] }))).code).toBe('MEDIATION_ENDED')
    expect((await failure(t.call('previewDisclosure', { personId, clientId, purpose: 'presentation' }))).code).toBe('MEDIATION_ENDED')
    expect(await count(t, 'disclosure')).toBe(0)
    expect(await t.sqlCount('SELECT count(*) AS "n" FROM "audit_entry" WHERE "action" LIKE :action', { action: 'disclosure.%' })).toBe(0)
  })
})

describe('bad input (R-26): one clear error, nothing written', () => {
  it('refuses a missing reason, an unknown person or limit, staff, and a second restriction', async () => {
    const { personId } = await placed()
    const before = (await count(t, 'audit_entry'))
    const missing = await failure(t.callUnchecked('recordRestriction', { personId }))
    expect(missing).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'reason', key: 'validation.required' }] })
    expect((await failure(t.call('recordRestriction', { personId, reason: '   ' }))).issues).toEqual([{ path: 'reason', key: 'validation.required' }])
    expect((await failure(t.call('recordObjection', { personId, purpose: 'offers', reason: '' }))).code).toBe('VALIDATION_FAILED')
    expect((await failure(t.callUnchecked('recordObjection', { personId, purpose: 'payroll', reason: 'x' }))).issues).toEqual([{ path: 'purpose', key: 'validation.option' }])
    expect((await failure(t.call('recordRestriction', { personId: '00000000-0000-4000-8000-000000000000', reason: 'x' }))).code).toBe('NOT_FOUND')
    expect((await failure(t.call('liftProcessingLimit', { limitId: '00000000-0000-4000-8000-000000000000', reason: 'x' }))).code).toBe('NOT_FOUND')
    expect((await failure(t.callUnchecked('liftProcessingLimit', { limitId: 'abc', reason: 'x' }))).issues).toEqual([{ path: 'limitId', key: 'validation.uuid.invalid' }])
    await signInAs(t, 'medewerker', ['staff'])
    expect((await failure(t.call('recordRestriction', { personId, reason: 'x' }))).code).toBe('FORBIDDEN')
    await signInAdmin(t)
    expect(await count(t, 'processing_limit')).toBe(0)
    expect(await t.sqlCount('SELECT count(*) AS "n" FROM "audit_entry" WHERE "seq" > :before AND "action" LIKE :action', { before, action: 'person.%' })).toBe(0)

    const { limitId } = await t.call('recordRestriction', { personId, reason: 'Eerste' })
    expect((await failure(t.call('recordRestriction', { personId, reason: 'Tweede' }))).code).toBe('CONFLICT')
    await t.call('liftProcessingLimit', { limitId, reason: 'Klaar' })
    expect((await failure(t.call('liftProcessingLimit', { limitId, reason: 'Nog eens' }))).code).toBe('CONFLICT')
    expect(await count(t, 'processing_limit')).toBe(1)
  })
})
