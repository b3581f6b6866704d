import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newTestApp } from '../../support/testApp'
import { TODAY, type TestApp, auditActions, count, create, detail, failure, fullIntake, prospect } from './peopleFixtures'

let t: TestApp
beforeEach(async () => {
  t = await newTestApp()
})
afterEach(async () => {
  await t.dispose()
})

describe('intake (R-2, R-3a, R-6, R-7, R-24)', () => {
  it('registers a walk-in candidate with every intake field and reads them back normalised', async () => {
    const id = await create(t, fullIntake())
    const p = await detail(t, id)
    expect(p).toMatchObject({
      id,
      ref: 'K-1001',
      givenName: 'Zoë',
      familyName: 'van den Berg',
      birthDate: '1994-03-12',
      age: 32,
      gender: 'female',
      address: { street: 'Voorbeeldstraat', houseNumber: '12a', postcode: '1234 AB', city: 'Utrecht' },
      email: 'zoe.vandenberg@example.nl',
      phone: '+31612345678',
      otherContact: 'Bereikbaar via LinkedIn-bericht',
      education: 'mbo 4 Logistiek',
      internships: 'Stage magazijn 2014',
      workExperience: 'Vijf jaar orderpicker',
      availability: 'Maandag tot en met vrijdag overdag',
      deployability: 'Heftruckcertificaat',
      leave: 'Vakantie in week 30',
      particulars: 'Eigen vervoer',
      source: { kind: 'walk-in', detail: null },
      registeredOn: TODAY,
      unsubscribedOn: null,
      statementVersion: '2018-05',
      statementShownOn: TODAY,
      roles: ['candidate'],
      purposes: [
        // Issue 14 point 4: mediation without a contract rests on legitimate interest.
        { purpose: 'mediation', legalBasis: 'legitimate-interest' },
        { purpose: 'offers', legalBasis: 'consent' }
      ],
      employmentData: { nationality: null, bsn: null, bsnRevealed: false, idDocument: null, workPermit: null, vogDate: null, iban: null, maritalStatus: null },
      employments: [],
      recruitment: [],
      attachments: [],
      fieldHistory: [],
      state: 'active',
      createdBy: 'Beheerder'
    })
  })

  it('gives every person a random UUID as id, never derived from the name or e-mail', async () => {
    const a = await create(t, fullIntake())
    const b = await create(t, fullIntake({ ref: 'K-1002', email: 'ander@example.nl', phone: '0687654321', birthDate: '1990-01-01', familyName: 'Jansen' }))
    for (const id of [a, b]) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(a).not.toBe(b)
  })

  it('R-3a: refuses a BSN at registration with VALIDATION_FAILED and writes nothing', async () => {
    const before = (await auditActions(t)).length
    const e = await failure(t.callUnchecked('createPerson', { ...fullIntake(), bsn: '123456782' }))
    expect(e.code).toBe('VALIDATION_FAILED')
    expect(await count(t, 'person')).toBe(0)
    expect((await auditActions(t)).length).toBe(before)
  })

  it('R-3a: refuses health or other special data and an ID number at registration', async () => {
    for (const extra of [{ health: 'rugklachten' }, { special: [{ category: 'health', value: 'x' }] }, { idDocument: { type: 'passport', number: 'X1', expiry: '2030-01-01' } }]) {
      const e = await failure(t.callUnchecked('createPerson', { ...fullIntake(), ...extra }))
      expect(e.code).toBe('VALIDATION_FAILED')
    }
    expect(await count(t, 'person')).toBe(0)
  })

  it('reports invalid fields by path and key, never with the value', async () => {
    const e = await failure(t.call('createPerson', fullIntake({ email: 'zoe-at-example', address: { postcode: '0123 AB' } })))
    expect(e.code).toBe('VALIDATION_FAILED')
    expect(e.issues).toEqual(
      expect.arrayContaining([
        { path: 'email', key: 'validation.email.invalid' },
        { path: 'address.postcode', key: 'validation.postcode.invalid' }
      ])
    )
    expect(JSON.stringify(e)).not.toContain('zoe-at-example')
  })

  it('refuses a registration dated in the future and an implausible birth date', async () => {
    const e = await failure(t.call('createPerson', fullIntake({ registeredOn: '2026-11-28', birthDate: '2020-01-01' })))
    expect(e.code).toBe('VALIDATION_FAILED')
    expect(e.issues).toEqual(
      expect.arrayContaining([
        { path: 'registeredOn', key: 'validation.date.future' },
        { path: 'birthDate', key: 'validation.birthDate.age' }
      ])
    )
  })

  it('R-6: a person from a public website records which website', async () => {
    const id = await create(t, prospect())
    expect((await detail(t, id)).source).toEqual({ kind: 'public-website', detail: 'https://www.profielen.example.nl/kandidaat/noor-el-amrani' })
    const e = await failure(t.call('createPerson', prospect({ email: 'other@example.com', source: { kind: 'public-website' } })))
    expect(e.issues).toContainEqual({ path: 'source.detail', key: 'validation.source.detailRequired' })
  })

  it('audits the registration with field names only', async () => {
    const id = await create(t, fullIntake())
    const [entry] = await t.sql<{ subjectId: string; fields: string; reason: string | null }>('SELECT * FROM "audit_entry" WHERE "action" = :action', { action: 'person.create' })
    expect(entry!.subjectId).toBe(id)
    const fields = JSON.parse(entry!.fields) as string[]
    expect(fields).toEqual(expect.arrayContaining(['givenName', 'email', 'postcode', 'roles', 'purposes', 'statementVersion']))
    expect(entry!.fields).not.toMatch(/Zo|example|1234/)
  })

  it('refuses a second person with the same ref', async () => {
    await create(t, fullIntake())
    const e = await failure(t.call('createPerson', fullIntake({ email: 'x@example.nl', phone: null, familyName: 'Jansen', confirmNotDuplicate: true })))
    expect(e.code).toBe('CONFLICT')
    expect(e.issues).toEqual([{ path: 'ref', key: 'validation.duplicate' }])
  })
})

describe('duplicate detection at intake', () => {
  it.each([
    ['the same e-mail (typed differently)', { ref: 'K-2', email: 'ZOE.VANDENBERG@example.nl ', phone: '0611111111', familyName: 'Anders', birthDate: '1980-01-01' }],
    ['the same phone (typed differently)', { ref: 'K-2', email: 'anders@example.nl', phone: '+31 6 1234 5678', familyName: 'Anders', birthDate: '1980-01-01' }],
    ['the same birth date and family name', { ref: 'K-2', email: 'anders@example.nl', phone: '0611111111', givenName: 'Z.', familyName: 'Van Den  Berg' }]
  ])('flags %s with the existing id, and saves when the user confirms it is someone else', async (_label, overrides) => {
    const existing = await create(t, fullIntake())
    const e = await failure(t.call('createPerson', fullIntake(overrides)))
    expect(e.code).toBe('DUPLICATE_PERSON')
    expect(e.detail).toEqual({ existingId: existing, shielded: false })
    expect(await count(t, 'person')).toBe(1)
    await create(t, fullIntake({ ...overrides, confirmNotDuplicate: true }))
    expect(await count(t, 'person')).toBe(2)
  })

  it('does not flag a different person', async () => {
    await create(t, fullIntake())
    await create(t, fullIntake({ ref: 'K-2', email: 'anders@example.nl', phone: '0611111111', familyName: 'van den Berg', birthDate: '1995-03-12' }))
    expect(await count(t, 'person')).toBe(2)
  })
})

describe('the check while the intake is typed (issue 16)', () => {
  it('finds an existing person by family name and birth date, e-mail or phone, and names them with a view audited', async () => {
    const existing = await create(t, fullIntake())
    const named = { personId: existing, shielded: false, ref: 'K-1001', givenName: 'Zoë', familyName: 'van den Berg', birthDate: '1994-03-12' }
    expect(await t.call('checkIntakeMatch', { familyName: 'Van Den  Berg', birthDate: '1994-03-12' })).toEqual({ doNotContact: null, duplicate: { ...named, matchedOn: 'name-birthDate' } })
    expect(await t.call('checkIntakeMatch', { email: 'ZOE.vandenberg@example.nl' })).toEqual({ doNotContact: null, duplicate: { ...named, matchedOn: 'email' } })
    expect(await t.call('checkIntakeMatch', { phone: '+31 6 1234 5678' })).toEqual({ doNotContact: null, duplicate: { ...named, matchedOn: 'phone' } })
    expect(await t.call('checkIntakeMatch', { familyName: 'van den Berg', birthDate: '1995-03-12' })).toEqual({ doNotContact: null, duplicate: null })
    // A birth date alone or a name alone matches nobody.
    expect((await t.call('checkIntakeMatch', { birthDate: '1994-03-12' })).duplicate).toBeNull()
    expect((await t.call('checkIntakeMatch', { familyName: 'van den Berg' })).duplicate).toBeNull()
    const views = await t.sql<{ fields: string }>('SELECT "fields" FROM "audit_entry" WHERE "action" = :action AND "subjectId" = :existing', { action: 'person.view', existing })
    expect(views).toHaveLength(3)
    expect(await count(t, 'person')).toBe(1)
  })

  it('says only that a record exists when it is shielded, and reports a do-not-contact match first', async () => {
    const existing = await create(t, fullIntake())
    await t.sql('UPDATE "person" SET "state" = \'shielded\', "shieldedOn" = :today WHERE "id" = :existing', { today: TODAY, existing })
    expect((await t.call('checkIntakeMatch', { familyName: 'van den Berg', birthDate: '1994-03-12' })).duplicate).toEqual({
      personId: existing, shielded: true, ref: null, givenName: null, familyName: null, birthDate: null, matchedOn: 'name-birthDate'
    })
    const other = await create(t, fullIntake({ ref: 'K-2', email: 'weg@example.nl', phone: '0611111111', familyName: 'Anders', birthDate: '1980-01-01' }))
    await t.call('markDoNotContact', { personId: other, reasonCategory: 'no-approach' })
    expect(await t.call('checkIntakeMatch', { email: 'weg@example.nl', familyName: 'Anders', birthDate: '1980-01-01' })).toEqual({ doNotContact: 'email', duplicate: null })
  })
})
