import { afterEach, describe, expect, it } from 'vitest'
import type { DisclosureRulesView } from '../../../src/shared/contract/relations'
import { AuditEntryEntity } from '../../../src/main/vault/entities/AuditEntry'
import { DisclosureEntity } from '../../../src/main/vault/entities/Disclosure'
import type { OperationInput } from '../../../src/shared/contract/client'
import { newTestApp } from '../../support/testApp'
import { SYNTHETIC, insertPerson, type PersonFixture } from './relationsFixtures'

const disposers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const d of disposers.splice(0)) await d()
})
async function app() {
  const t = await newTestApp()
  disposers.push(() => t.dispose())
  return t
}
type T = Awaited<ReturnType<typeof app>>

type DisclosureInput = OperationInput<'createDisclosure'>
type DisclosurePurposes = OperationInput<'updateDisclosureRules'>['purposes']

/** The rules' per-purpose lists keyed by purpose, as the rules editor sends them back. */
function purposesOf(rules: DisclosureRulesView): DisclosurePurposes {
  // The view lists each purpose once, so the map holds every purpose the contract asks for.
  return Object.fromEntries(rules.purposes.map(({ purpose, ...rule }) => [purpose, rule])) as DisclosurePurposes
}

/** A client, a contact person there, and a person placed with it from 1 December (assignment). */
async function scene(t: T, person: PersonFixture = {}) {
  const { clientId } = await t.call('createClient', { name: 'Zorggroep Oost', city: 'Enschede' })
  const { contactId } = await t.call('addClientContact', { clientId, givenName: 'Ilse', familyName: 'Mulder', function: 'HR-adviseur' })
  const p = await insertPerson(t.app, { employments: [{ clientId, start: '2026-12-01' }], ...person })
  return { clientId, contactId, person: p }
}

/** R-9a: the person's recorded consent to their IBAN going to the client they are placed with. */
async function recordIbanConsent(t: T, personId: string) {
  return t.call('recordProcessingConsent', {
    personId,
    subject: 'disclosure',
    disclosurePurpose: 'assignment',
    field: 'iban',
    givenOn: '2026-11-20',
    how: 'signed-form',
    wording: 'Ik geef toestemming mijn IBAN aan de inlener te geven voor de betaling van onkosten.'
  })
}

async function disclosures(t: T) {
  return t.app.vault.dataSource.getRepository(DisclosureEntity).find()
}
async function audit(t: T, action?: string) {
  return t.app.vault.dataSource.getRepository(AuditEntryEntity).find({ where: action ? { action } : {}, order: { seq: 'ASC' } })
}

describe('previewing a disclosure (R-9a)', () => {
  it('pre-selects the allowed fields for a presentation, with formatted values, and shows forbidden ones without a value', async () => {
    const t = await app()
    const { clientId, person } = await scene(t)
    const preview = await t.call('previewDisclosure', { personId: person.id, clientId, purpose: 'presentation' })
    expect(preview.fields.filter((f) => f.preselected).map((f) => f.field)).toEqual(['givenName', 'familyName', 'birthDate', 'city', 'education', 'workExperience'])
    const byField = new Map(preview.fields.map((f) => [f.field, f]))
    expect(byField.get('birthDate')).toMatchObject({ verdict: 'allowed', value: '12-03-1994' })
    expect(byField.get('phone')).toMatchObject({ verdict: 'needs-reason', why: 'outside-list', value: '+31 6 12345678', preselected: false })
    expect(byField.get('iban')).toMatchObject({ verdict: 'needs-consent', why: 'consent-required' })
    expect(byField.get('bsn')).toEqual({ field: 'bsn', verdict: 'forbidden', why: 'bsn-identification-only', value: null, hasValue: true, preselected: false })
    expect(byField.get('idCopy')).toMatchObject({ verdict: 'forbidden', why: 'id-copy-never', value: null })
    expect(byField.get('specialData')).toMatchObject({ verdict: 'forbidden', why: 'special-never', value: null })
    expect(preview.blockers).toEqual([])
    const [entry] = await audit(t, 'disclosure.preview')
    expect(entry).toMatchObject({ subjectId: person.id })
    expect(entry!.fields).toContain('birthDate')
    expect(entry!.fields).not.toContain('bsn')
  })

  it('shows the BSN masked for the identification duty, and says what still blocks it', async () => {
    const t = await app()
    const { clientId, person } = await scene(t, { purposes: ['mediation', 'temping'], employments: [] })
    const preview = await t.call('previewDisclosure', { personId: person.id, clientId, purpose: 'client-identification' })
    expect(preview.fields.find((f) => f.field === 'bsn')).toMatchObject({ verdict: 'allowed', value: '******333', preselected: true })
    expect(preview.fields.filter((f) => f.verdict !== 'forbidden').map((f) => f.field)).toEqual(['bsn'])
    expect(preview.blockers).toEqual(['assignment-required', 'purpose-not-recorded'])
    expect(JSON.stringify(preview)).not.toContain(SYNTHETIC.bsn)
  })
})

describe('sharing with a client (R-8, R-9, R-9a)', () => {
  it('shares the allowed fields, logs who, when, to whom, which fields and why, and returns the printable profile', async () => {
    const t = await app()
    const { clientId, contactId, person } = await scene(t)
    const fields: DisclosureInput['fields'] = ['givenName', 'familyName', 'city', 'birthDate', 'education', 'workExperience']
    const created = await t.call('createDisclosure', { personId: person.id, clientId, contactId, purpose: 'presentation', fields, reason: 'Vacature verzorgende IG' })
    expect(created.reference).toMatch(/^DISC-[0-9A-F]{8}$/)
    expect(created.disclosedOn).toBe('2026-11-27')
    expect(created.html).toContain('Kandidaatprofiel')
    expect(created.html).toContain(created.reference)
    expect(created.html).toContain('Zorggroep Oost — Ilse Mulder')
    expect(created.html).toContain('12-03-1994')
    expect(created.html).toContain('Vijf jaar orderpicker')
    expect(created.html).not.toContain('sanne.deboer@example.nl')
    expect(created.html).not.toContain(SYNTHETIC.bsn)

    const [row] = await disclosures(t)
    expect(row).toEqual({
      id: created.disclosureId,
      personId: person.id,
      clientId,
      recipientName: 'Zorggroep Oost — Ilse Mulder',
      purpose: 'presentation',
      fields,
      reason: 'Vacature verzorgende IG',
      disclosedAt: '2026-11-27T10:00:00.000Z',
      actorId: t.app.session.accountId
    })
    const [entry] = await audit(t, 'disclosure.create')
    expect(entry).toMatchObject({ subjectId: person.id, actorId: t.app.session.accountId, fields: [...fields].sort() })
    expect(entry!.reason).toBe(`${created.reference}; client ${clientId}; purpose presentation`)
  })

  it('refuses a field outside the list without a reason, and shares it with one', async () => {
    const t = await app()
    const { clientId, person } = await scene(t)
    const err = await t.call('createDisclosure', { personId: person.id, clientId, purpose: 'presentation', fields: ['givenName', 'familyName', 'email'] }).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'REASON_REQUIRED', issues: [{ path: 'fields.2', key: 'relations.problem.REASON_REQUIRED' }] })
    expect(await disclosures(t)).toEqual([])
    expect(await audit(t, 'disclosure.create')).toEqual([])

    const created = await t.call('createDisclosure', {
      personId: person.id,
      clientId,
      purpose: 'presentation',
      fields: ['givenName', 'familyName', 'email'],
      fieldReasons: { email: 'Opdrachtgever plant zelf het gesprek' }
    })
    expect(created.html).toContain('sanne.deboer@example.nl')
    expect((await disclosures(t))[0]!.reason).toBe('email: Opdrachtgever plant zelf het gesprek')
  })

  it('never shares the BSN for a presentation or an assignment, whatever the reason', async () => {
    const t = await app()
    const { clientId, person } = await scene(t)
    for (const purpose of ['presentation', 'assignment'] as const) {
      await expect(
        t.call('createDisclosure', { personId: person.id, clientId, purpose, fields: ['givenName', 'bsn'], reason: 'Opdrachtgever vraagt erom', consentedFields: ['bsn'] })
      ).rejects.toMatchObject({ code: 'FIELD_NOT_ALLOWED', issues: [{ path: 'fields.1', key: 'relations.problem.FIELD_NOT_ALLOWED' }] })
    }
    expect(await disclosures(t)).toEqual([])
  })

  it("shares the BSN — and only the BSN — for the client's identification duty, once the person is placed there with that purpose", async () => {
    const t = await app()
    const { clientId, person } = await scene(t)
    await expect(t.call('createDisclosure', { personId: person.id, clientId, purpose: 'client-identification', fields: ['bsn', 'givenName'], reason: 'ID-plicht' })).rejects.toMatchObject({
      code: 'FIELD_NOT_ALLOWED',
      issues: [{ path: 'fields.1', key: 'relations.problem.FIELD_NOT_ALLOWED' }]
    })
    const created = await t.call('createDisclosure', { personId: person.id, clientId, purpose: 'client-identification', fields: ['bsn'] })
    expect(created.html).toContain(SYNTHETIC.bsn)
    expect(created.html).toContain('Identificatieplicht van de opdrachtgever')
    const audited = JSON.stringify(await audit(t))
    expect(audited).not.toContain(SYNTHETIC.bsn)
  })

  it('refuses the identification duty without an assignment at that client or without the recorded purpose', async () => {
    const t = await app()
    const { clientId: other } = await t.call('createClient', { name: 'Elders B.V.' })
    const { clientId, person } = await scene(t, { employments: [] })
    await t.call('addAssignment', { personId: person.id, clientId: other, start: '2026-01-01', kind: 'uitzenden' })
    await expect(t.call('createDisclosure', { personId: person.id, clientId, purpose: 'client-identification', fields: ['bsn'] })).rejects.toMatchObject({ code: 'ASSIGNMENT_REQUIRED' })
    const ended = await insertPerson(t.app, { givenName: 'Kees', employments: [{ clientId, start: '2025-01-01', end: '2026-11-26' }] })
    await expect(t.call('createDisclosure', { personId: ended.id, clientId, purpose: 'assignment', fields: ['givenName'] })).rejects.toMatchObject({ code: 'ASSIGNMENT_REQUIRED' })
    const noPurpose = await insertPerson(t.app, { givenName: 'Joost', purposes: ['payroll', 'temping'], employments: [{ clientId, start: '2026-11-01' }] })
    await expect(t.call('createDisclosure', { personId: noPurpose.id, clientId, purpose: 'client-identification', fields: ['bsn'] })).rejects.toMatchObject({ code: 'PURPOSE_NOT_RECORDED' })
    expect(await disclosures(t)).toEqual([])
  })

  it('never shares an ID copy or special-category data, for any purpose, with any reason or consent (R-9, R-4)', async () => {
    const t = await app()
    const { clientId, person } = await scene(t, { idCopy: true })
    for (const purpose of ['presentation', 'assignment', 'client-identification'] as const) {
      for (const field of ['idCopy', 'specialData'] as const) {
        await expect(
          t.call('createDisclosure', { personId: person.id, clientId, purpose, fields: [field], reason: 'Opdrachtgever eist het', fieldReasons: { [field]: 'Toestemming gegeven' }, consentedFields: [field] })
        ).rejects.toMatchObject({ code: 'FIELD_NOT_ALLOWED' })
      }
    }
    expect(await disclosures(t)).toEqual([])
  })

  it('shares IBAN, nationality or marital status only with a reason and the person’s consent', async () => {
    const t = await app()
    const { clientId, person } = await scene(t)
    const base = { personId: person.id, clientId, purpose: 'assignment', fields: ['givenName', 'iban'] } satisfies DisclosureInput
    await expect(t.call('createDisclosure', { ...base, reason: 'Betaling via inlener' })).rejects.toMatchObject({ code: 'CONSENT_REQUIRED', issues: [{ path: 'fields.1' }] })
    await recordIbanConsent(t, person.id)
    await expect(t.call('createDisclosure', { ...base, consentedFields: ['iban'] })).rejects.toMatchObject({ code: 'REASON_REQUIRED' })
    const created = await t.call('createDisclosure', { ...base, consentedFields: ['iban'], fieldReasons: { iban: 'Schriftelijke toestemming van 20-11' } })
    expect(created.html).toContain('NL91 ABNA 0417 1643 00')
    expect((await disclosures(t))[0]!.reason).toBe('iban [consent]: Schriftelijke toestemming van 20-11')
  })

  it('refuses a field that holds no value, naming its position', async () => {
    const t = await app()
    const { clientId, person } = await scene(t, { education: null })
    await expect(t.call('createDisclosure', { personId: person.id, clientId, purpose: 'presentation', fields: ['givenName', 'education'] })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'fields.1', key: 'validation.required' }]
    })
  })

  it('refuses a contact person of another client, and a field name it does not know', async () => {
    const t = await app()
    const { clientId, person } = await scene(t)
    const { clientId: other } = await t.call('createClient', { name: 'Elders B.V.' })
    const { contactId } = await t.call('addClientContact', { clientId: other, givenName: 'Piet', familyName: 'Jansen' })
    await expect(t.call('createDisclosure', { personId: person.id, clientId, contactId, purpose: 'presentation', fields: ['givenName'] })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(t.callUnchecked('createDisclosure', { personId: person.id, clientId, purpose: 'presentation', fields: ['shoeSize'] })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
  })

  it('cannot share a shielded or legal-hold record, not even as privacy officer (R-14)', async () => {
    const t = await app()
    const { clientId } = await scene(t)
    for (const state of ['shielded', 'legal-hold'] as const) {
      const p = await insertPerson(t.app, { givenName: state, state, shieldedOn: '2026-10-01' })
      await expect(t.call('previewDisclosure', { personId: p.id, clientId, purpose: 'presentation' })).rejects.toMatchObject({ code: 'RETENTION_SHIELDED' })
      await expect(t.call('createDisclosure', { personId: p.id, clientId, purpose: 'presentation', fields: ['givenName'] })).rejects.toMatchObject({ code: 'RETENTION_SHIELDED' })
    }
    expect(await disclosures(t)).toEqual([])
  })

  it('keeps personal values out of the audit trail: field names only', async () => {
    const t = await app()
    const { clientId, person } = await scene(t)
    await t.call('previewDisclosure', { personId: person.id, clientId, purpose: 'assignment' })
    await recordIbanConsent(t, person.id)
    await t.call('createDisclosure', {
      personId: person.id,
      clientId,
      purpose: 'assignment',
      fields: ['givenName', 'familyName', 'email', 'phone', 'idDocumentNumber', 'iban'],
      consentedFields: ['iban'],
      fieldReasons: { iban: 'Toestemming per brief' }
    })
    await t.call('createDisclosure', { personId: person.id, clientId, purpose: 'client-identification', fields: ['bsn'] })
    const trail = JSON.stringify(await audit(t))
    for (const value of ['Sanne', 'Boer', 'sanne.deboer', '612345678', SYNTHETIC.idDocumentNumber, SYNTHETIC.iban, 'NL91 ABNA', SYNTHETIC.bsn, 'Toestemming per brief', 'Mulder']) {
      expect(trail, value).not.toContain(value)
    }
    const [entry] = await audit(t, 'disclosure.create')
    expect(entry!.fields).toEqual(['email', 'familyName', 'givenName', 'iban', 'idDocumentNumber', 'phone'])
  })
})

describe('a consent-based disclosure needs a recorded consent (R-9a)', () => {
  it('refuses a ticked consent field without a recorded consent, for that field and purpose; the recorded consent unlocks it until withdrawn', async () => {
    const t = await app()
    const { clientId, person } = await scene(t)
    const iban = { personId: person.id, clientId, purpose: 'assignment', fields: ['iban'], consentedFields: ['iban'], fieldReasons: { iban: 'Onkostenvergoeding' } } satisfies DisclosureInput
    // The tick box alone is not a consent.
    await expect(t.call('createDisclosure', iban)).rejects.toMatchObject({ code: 'CONSENT_REQUIRED', issues: [{ path: 'fields.0', key: 'relations.problem.CONSENT_REQUIRED' }] })
    // A consent for another field or another purpose does not count.
    await t.call('recordProcessingConsent', { personId: person.id, subject: 'disclosure', disclosurePurpose: 'presentation', field: 'iban', givenOn: '2026-11-20', how: 'email', wording: 'IBAN bij voorstellen' })
    await t.call('recordProcessingConsent', { personId: person.id, subject: 'disclosure', disclosurePurpose: 'assignment', field: 'nationality', givenOn: '2026-11-20', how: 'email', wording: 'Nationaliteit aan de inlener' })
    await expect(t.call('createDisclosure', iban)).rejects.toMatchObject({ code: 'CONSENT_REQUIRED' })
    const preview = await t.call('previewDisclosure', { personId: person.id, clientId, purpose: 'assignment' })
    expect(preview.fields.find((f) => f.field === 'iban')).toMatchObject({ verdict: 'needs-consent', consentRecorded: false })
    expect(preview.fields.find((f) => f.field === 'nationality')).toMatchObject({ verdict: 'needs-consent', consentRecorded: true })
    expect(await disclosures(t)).toEqual([])

    const consent = await recordIbanConsent(t, person.id)
    expect((await t.call('previewDisclosure', { personId: person.id, clientId, purpose: 'assignment' })).fields.find((f) => f.field === 'iban')).toMatchObject({ consentRecorded: true })
    // The recorded consent unlocks the field, ticked or not.
    const { consentedFields: _tick, ...untickedIban } = iban
    await expect(t.call('createDisclosure', untickedIban)).resolves.toMatchObject({ fields: ['iban'] })
    expect((await t.call('listProcessingConsents', { personId: person.id })).map((c) => [c.disclosurePurpose, c.field, c.how])).toEqual([
      ['presentation', 'iban', 'email'],
      ['assignment', 'nationality', 'email'],
      ['assignment', 'iban', 'signed-form']
    ])

    // Withdrawn today: no longer shared from today on.
    await expect(t.call('withdrawProcessingConsent', { consentId: consent.id })).resolves.toMatchObject({ withdrawnOn: '2026-11-27' })
    await expect(t.call('createDisclosure', iban)).rejects.toMatchObject({ code: 'CONSENT_REQUIRED' })
    expect(await disclosures(t)).toHaveLength(1)
    const recorded = await audit(t, 'consent.record')
    expect(recorded.map((e) => [e.fields, e.reason])).toContainEqual([['iban'], 'disclosure assignment'])
    expect(JSON.stringify(await audit(t))).not.toContain('inlener te geven')
  })

  it('refuses a consent for an unknown person, an unknown field, or given in the future; nothing written', async () => {
    const t = await app()
    const { person } = await scene(t)
    const base = { personId: person.id, subject: 'disclosure', disclosurePurpose: 'assignment', field: 'iban', givenOn: '2026-11-20', how: 'email', wording: 'x' } as const
    await expect(t.call('recordProcessingConsent', { ...base, personId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(t.callUnchecked('recordProcessingConsent', { ...base, field: 'shoeSize' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    await expect(t.call('recordProcessingConsent', { ...base, givenOn: '2026-12-01' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'givenOn', key: 'validation.date.future' }] })
    expect(await t.call('listProcessingConsents', { personId: person.id })).toEqual([])
  })
})

describe("listing a person's disclosures (R-8)", () => {
  it('lists them newest first with reference, recipient, fields, reason and who did it', async () => {
    const t = await app()
    const { clientId, person } = await scene(t)
    const first = await t.call('createDisclosure', { personId: person.id, clientId, purpose: 'presentation', fields: ['givenName', 'familyName'] })
    t.clock.set('2026-12-02T09:30:00Z')
    const second = await t.call('createDisclosure', { personId: person.id, clientId, purpose: 'client-identification', fields: ['bsn'], reason: 'Start plaatsing' })
    const list = await t.call('listDisclosures', { personId: person.id })
    expect(list.map((d) => [d.reference, d.purpose, d.fields, d.reason, d.disclosedAt, d.actorName])).toEqual([
      [second.reference, 'client-identification', ['bsn'], 'Start plaatsing', '2026-12-02T09:30:00.000Z', 'Beheerder'],
      [first.reference, 'presentation', ['givenName', 'familyName'], null, '2026-11-27T10:00:00.000Z', 'Beheerder']
    ])
    expect((await audit(t, 'disclosure.view')).map((a) => a.subjectId)).toEqual([person.id])
  })

  it('shows a shielded record’s disclosures only to a privacy officer who states a reason', async () => {
    const t = await app()
    const { clientId, person } = await scene(t)
    await t.call('createDisclosure', { personId: person.id, clientId, purpose: 'presentation', fields: ['givenName'] })
    await t.sql(`UPDATE "person" SET "state" = 'shielded' WHERE "id" = :id`, { id: person.id })
    await expect(t.call('listDisclosures', { personId: person.id })).rejects.toMatchObject({ code: 'RETENTION_SHIELDED' })
    expect(await t.call('listDisclosures', { personId: person.id, reason: 'Inzageverzoek van betrokkene' })).toHaveLength(1)
    await t.call('addAccount', { username: 'piet', displayName: 'Piet', roles: ['staff'], passphrase: 'piet passphrase 1' })
    await t.app.signOut()
    await t.app.signIn('piet', 'piet passphrase 1')
    // On the office server a staff login does not see a shielded record at all (row-level security, serverRoles.ts).
    await expect(t.call('listDisclosures', { personId: person.id, reason: 'Nieuwsgierig' })).rejects.toMatchObject({ code: 'RETENTION_SHIELDED' })
  })
})

describe('configuring the allowed-fields list (R-9a)', () => {
  it('lets a privacy officer widen a list with a reason; the new list is pre-selected and the change audited', async () => {
    const t = await app()
    const { clientId, person } = await scene(t)
    const rules = await t.call('getDisclosureRules', {})
    expect(rules.version).toBe(1)
    const purposes = purposesOf(rules)
    purposes['presentation']!.allowed = [...purposes['presentation']!.allowed, 'email']
    const saved = await t.call('updateDisclosureRules', { purposes, neverWithoutConsent: rules.neverWithoutConsent, never: rules.never, reason: 'Besluit privacyoverleg 27-11' })
    expect(saved.version).toBe(2)
    const preview = await t.call('previewDisclosure', { personId: person.id, clientId, purpose: 'presentation' })
    expect(preview.fields.find((f) => f.field === 'email')).toMatchObject({ verdict: 'allowed', preselected: true })
    expect(await audit(t, 'settings.change')).toMatchObject([{ fields: ['disclosureRules'], reason: 'Besluit privacyoverleg 27-11' }])
  })

  it('refuses rules that would put the BSN on the presentation list, and refuses staff without the privacy officer role', async () => {
    const t = await app()
    const rules = await t.call('getDisclosureRules', {})
    const purposes = purposesOf(rules)
    purposes['presentation']!.allowed = [...purposes['presentation']!.allowed, 'bsn']
    const input = { purposes, neverWithoutConsent: rules.neverWithoutConsent, never: rules.never, reason: 'Proef' }
    await expect(t.call('updateDisclosureRules', input)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'purposes.presentation.allowed.6', key: 'validation.option' }] })
    expect((await t.call('getDisclosureRules', {})).version).toBe(1)
    await t.call('addAccount', { username: 'piet', displayName: 'Piet', roles: ['staff'], passphrase: 'piet passphrase 1' })
    await t.app.signOut()
    await t.app.signIn('piet', 'piet passphrase 1')
    purposes['presentation']!.allowed = purposes['presentation']!.allowed.filter((f) => f !== 'bsn')
    await expect(t.call('updateDisclosureRules', input)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect((await t.call('getDisclosureRules', {})).version).toBe(1)
  })
})
