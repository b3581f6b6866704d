import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { normaliseProfileUrl } from '../../../src/main/people/profileUrl'
import { newTestApp } from '../../support/testApp'
import { type PersonInput, type TestApp, count, create, failure, fullIntake, prospect, rows, signInAdmin, signInAs } from './peopleFixtures'

let t: TestApp
beforeEach(async () => {
  t = await newTestApp()
})
afterEach(async () => {
  await t.dispose()
})

const NOOR = prospect({ phone: '06 1122 3344' })

describe('do-not-contact register (R-10)', () => {
  it('turns a prospect into a register entry and deletes the record definitively, leaving a tombstone', async () => {
    const id = await create(t, NOOR)
    await t.call('addAttachment', { personId: id, kind: 'cv', fileName: 'cv.pdf', contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') })
    const r = await t.call('markDoNotContact', { personId: id, reasonCategory: 'no-approach' })
    expect(r.identifiers).toEqual(['email', 'phone', 'url'])
    for (const table of ['person', 'person_role', 'person_purpose', 'attachment', 'attachment_content', 'field_change']) expect(await count(t, table)).toBe(0)
    expect(await rows(t, 'tombstone')).toEqual([expect.objectContaining({ personId: id, rule: 'do-not-contact', cause: 'erasure', deletedOn: '2026-11-27' })])
    expect(await rows(t, 'do_not_contact')).toEqual([
      expect.objectContaining({ id: r.entryId, recordedOn: '2026-11-27', reasonCategory: 'no-approach' })
    ])
    expect((await failure(t.call('getPerson', { personId: id }))).code).toBe('NOT_FOUND')
  })

  it('holds no clear e-mail, phone, URL or name', async () => {
    const id = await create(t, NOOR)
    await t.call('markDoNotContact', { personId: id, reasonCategory: 'no-services' })
    const stored = JSON.stringify((await rows(t, 'do_not_contact'))).toLowerCase()
    for (const clear of ['noor', 'amrani', 'example', '@', '+31611223344', '0611223344', '11223344', 'profielen', 'kandidaat']) expect(stored).not.toContain(clear)
    const entry = (await rows(t, 'do_not_contact'))[0]!
    for (const hash of ['emailHash', 'phoneHash', 'urlHash']) expect(entry[hash]).toMatch(/^[0-9a-f]{64}$/)
  })

  it.each<[string, Partial<PersonInput>, string]>([
    ['the same e-mail in another case and with spaces', { email: '  Noor.ElAmrani@EXAMPLE.com ', phone: null, source: { kind: 'walk-in' } }, 'email'],
    ['the same phone written differently', { email: 'noor.nieuw@example.com', phone: '+31 6 11 22 33 44', source: { kind: 'walk-in' } }, 'phone'],
    ['the same profile URL written differently', { email: 'noor.nieuw@example.com', source: { kind: 'public-website', detail: 'HTTP://profielen.EXAMPLE.nl/kandidaat/noor-el-amrani/?utm=x' } }, 'url']
  ])('stops a new record with %s before saving, naming only the identifier', async (_label, overrides, identifier) => {
    const id = await create(t, NOOR)
    await t.call('markDoNotContact', { personId: id, reasonCategory: 'no-approach' })
    const e = await failure(t.call('createPerson', prospect({ givenName: 'N.', familyName: 'Amrani', ...overrides })))
    expect(e.code).toBe('DO_NOT_CONTACT_MATCH')
    expect(e.detail).toEqual({ identifier })
    expect(await count(t, 'person')).toBe(0)
    expect(JSON.stringify(e)).not.toMatch(/[0-9a-f]{64}/)
  })

  it('checkDoNotContact says whether and which identifier matches', async () => {
    const id = await create(t, NOOR)
    await t.call('markDoNotContact', { personId: id, reasonCategory: 'objection' })
    expect(await t.call('checkDoNotContact', { phone: '0611223344' })).toEqual({ matched: true, identifier: 'phone' })
    expect(await t.call('checkDoNotContact', { email: 'iemand@example.com' })).toEqual({ matched: false, identifier: null })
    expect(await t.call('checkDoNotContact', { profileUrl: 'www.profielen.example.nl/kandidaat/noor-el-amrani' })).toEqual({ matched: true, identifier: 'url' })
  })

  it('also stops a rectification that gives an existing record a registered e-mail', async () => {
    const id = await create(t, NOOR)
    await t.call('markDoNotContact', { personId: id, reasonCategory: 'no-approach' })
    const other = await create(t, fullIntake())
    const e = await failure(t.call('updatePerson', { personId: other, changes: { email: 'noor.elamrani@example.com' }, reason: 'x' }))
    expect(e.code).toBe('DO_NOT_CONTACT_MATCH')
  })

  it('refuses someone who still works for the agency: end the employment first (R-16, R-29)', async () => {
    const id = await create(t, fullIntake())
    await t.call('addEmployment', { personId: id, start: '2026-01-01', end: null, kind: 'uitzenden' })
    expect((await failure(t.call('markDoNotContact', { personId: id, reasonCategory: 'no-services' }))).code).toBe('CONFLICT')
    expect(await count(t, 'person')).toBe(1)
    expect(await count(t, 'do_not_contact')).toBe(0)
  })

  it('R-29: lists an ex-worker while their legal hold stays: mediation ends, the record keeps only the payroll data', async () => {
    const id = await create(t, fullIntake())
    await t.call('addEmployment', { personId: id, start: '2026-01-01', end: '2026-06-30', kind: 'uitzenden' })
    const r = await t.call('markDoNotContact', { personId: id, reasonCategory: 'no-services' })
    expect(r).toMatchObject({ outcome: 'legal-hold', identifiers: ['email', 'phone'] })
    expect(await rows(t, 'do_not_contact')).toEqual([expect.objectContaining({ id: r.entryId, reasonCategory: 'no-services' })])
    expect(await rows(t, 'person')).toEqual([expect.objectContaining({ id, state: 'legal-hold', unsubscribedOn: '2026-11-27', email: null, phone: null, education: null })])
    expect(await count(t, 'employment')).toBe(1)
    expect(await count(t, 'tombstone')).toBe(0)
    // Registering the same person again is stopped, as for anyone on the register.
    expect((await failure(t.call('createPerson', fullIntake({ ref: 'K-2002' })))).code).toBe('DO_NOT_CONTACT_MATCH')
  })

  it('audits the entry with identifier names and the deletion, without values', async () => {
    const id = await create(t, NOOR)
    await t.call('markDoNotContact', { personId: id, reasonCategory: 'no-approach' })
    const entries = await t.sql<{ action: string; fields: string; reason: string }>('SELECT "action", "fields", "reason" FROM "audit_entry" WHERE "subjectId" = :id ORDER BY "seq"', { id })
    expect(entries.map((e) => e.action)).toEqual(['person.create', 'person.do-not-contact', 'erasure.apply'])
    expect(JSON.parse(entries[1]!.fields)).toEqual(['email', 'phone', 'url'])
    expect(JSON.stringify(entries)).not.toMatch(/noor|example|3344/i)
  })
})

describe('lifting a do-not-contact entry at the person\'s own request (R-29)', () => {
  it('a privacy officer lifts it by e-mail with a reason; audited without values; the person can be registered again', async () => {
    const id = await create(t, NOOR)
    const { entryId } = await t.call('markDoNotContact', { personId: id, reasonCategory: 'no-approach' })
    const r = await t.call('liftDoNotContact', { email: 'Noor.ElAmrani@example.com', reason: 'Belde zelf: wil weer vacatures ontvangen' })
    expect(r).toEqual({ lifted: 1, entryIds: [entryId] })
    expect(await count(t, 'do_not_contact')).toBe(0)
    expect(await t.call('checkDoNotContact', { phone: '0611223344' })).toEqual({ matched: false, identifier: null })
    await create(t, NOOR)
    const [entry] = await t.sql<{ subjectId: string | null; fields: string; reason: string }>('SELECT "subjectId", "fields", "reason" FROM "audit_entry" WHERE "action" = :action', { action: 'person.do-not-contact-lift' })
    expect(entry).toEqual({ subjectId: null, fields: JSON.stringify(['email', 'phone', 'url']), reason: 'Belde zelf: wil weer vacatures ontvangen' })
  })

  it('by the entry id too; bad input is one clear error and lifts nothing', async () => {
    const id = await create(t, NOOR)
    const { entryId } = await t.call('markDoNotContact', { personId: id, reasonCategory: 'no-approach' })
    expect(await failure(t.call('liftDoNotContact', { email: 'iemand.anders@example.com', reason: 'Verzoek' }))).toMatchObject({ code: 'NOT_FOUND', issues: [{ path: 'email', key: 'dnc.lift.noMatch' }] })
    expect((await failure(t.call('liftDoNotContact', { entryId: '00000000-0000-4000-8000-000000000000', reason: 'Verzoek' }))).code).toBe('NOT_FOUND')
    expect(await failure(t.callUnchecked('liftDoNotContact', { entryId }))).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'reason', key: 'validation.required' }] })
    expect(await failure(t.callUnchecked('liftDoNotContact', { reason: 'Verzoek' }))).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'entryId', key: 'validation.required' }] })
    await signInAs(t, 'medewerker', ['staff'])
    expect((await failure(t.call('liftDoNotContact', { entryId, reason: 'Verzoek' }))).code).toBe('FORBIDDEN')
    await signInAdmin(t)
    expect(await count(t, 'do_not_contact')).toBe(1)
    expect(await t.sqlCount('SELECT count(*) AS "n" FROM "audit_entry" WHERE "action" = :action', { action: 'person.do-not-contact-lift' })).toBe(0)
    expect(await t.call('liftDoNotContact', { entryId, reason: 'Verzoek per brief' })).toEqual({ lifted: 1, entryIds: [entryId] })
  })
})

describe('profile URL normalisation', () => {
  it('drops scheme, www, query, fragment and trailing slash; lower-cases the host only', () => {
    expect(normaliseProfileUrl('https://www.LinkedIn.example/in/Jan-Jansen/?trk=abc#top')).toBe('linkedin.example/in/Jan-Jansen')
    expect(normaliseProfileUrl('linkedin.example/in/Jan-Jansen')).toBe('linkedin.example/in/Jan-Jansen')
    expect(normaliseProfileUrl('vacaturebank-voorbeeld.nl')).toBe('vacaturebank-voorbeeld.nl')
    expect(normaliseProfileUrl('Facebook')).toBeNull()
    expect(normaliseProfileUrl('bel mij niet')).toBeNull()
    expect(normaliseProfileUrl('mailto:jan@example.nl')).toBeNull()
  })

  it('maps every way of writing the same profile to one form', () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/)
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/),
        fc.array(segment, { minLength: 0, maxLength: 3 }),
        fc.constantFrom('', 'http://', 'https://', 'HTTPS://'),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('', '?utm_source=x', '?a=1&b=2', '#frag'),
        (host, path, scheme, www, slash, tail) => {
          const canonical = `${host}.example${path.map((p) => `/${p}`).join('')}`
          const written = `${scheme}${www ? 'WWW.' : ''}${host.toUpperCase()}.Example${path.map((p) => `/${p}`).join('')}${slash ? '/' : ''}${tail}`
          expect(normaliseProfileUrl(written)).toBe(canonical)
        }
      )
    )
  })
})
