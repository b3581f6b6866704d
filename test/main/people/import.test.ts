import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { generateDemoImport } from '../../../src/main/demo/generateDemo'
import { newTestApp } from '../../support/testApp'
import { TODAY, type TestApp, auditActions, count, create, failure, fullIntake, prospect, rows } from './peopleFixtures'

let t: TestApp
beforeEach(async () => {
  t = await newTestApp()
})
afterEach(async () => {
  await t.dispose()
})

type Json = Record<string, any>
const EXAMPLE = join(__dirname, '../../../resources/examples/import-example.json')
function example(): Json {
  return JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Json
}
/** The example file without its special-category data (the plain intake shape). */
function exampleWithoutSpecial(): Json {
  const file = example()
  for (const p of file.persons) delete p.special
  return file
}
const importFile = (file: unknown) => t.call('importPersons', { text: JSON.stringify(file) })

/** Everything an import could have written. */
async function written(): Promise<number> {
  let n = 0
  for (const table of ['person', 'person_role', 'person_purpose', 'employment', 'recruitment_procedure', 'client', 'client_contact', 'do_not_contact']) n += await count(t, table)
  return n
}

describe('import dossier-import/1', () => {
  it('imports the example file: persons, employments, W&S, clients; a doNotContact row becomes a register entry only', async () => {
    const summary = await importFile(exampleWithoutSpecial())
    expect(summary).toEqual({ persons: 2, doNotContact: 1, clients: 1, warnings: [] })
    expect(await count(t, 'person')).toBe(2)
    expect(await count(t, 'do_not_contact')).toBe(1)
    expect(JSON.stringify((await rows(t, 'do_not_contact')))).not.toMatch(/noor|amrani|example/i)
    const daan = await t.call('getPerson', { ref: 'LEG-0002' })
    expect(daan).toMatchObject({
      givenName: 'Daan',
      email: 'daan.jansen@example.net',
      phone: '+31207654321',
      roles: ['candidate', 'flexworker'],
      employments: [
        expect.objectContaining({ start: '2024-03-01', end: '2025-02-28', kind: 'uitzenden' }),
        expect.objectContaining({ start: '2025-06-01', end: null, kind: 'payroll' })
      ],
      employmentData: expect.objectContaining({ bsn: '******782' }),
      statementVersion: '2018-05',
      statementShownOn: null
    })
    const sanne = await t.call('getPerson', { ref: 'LEG-0001' })
    expect(sanne.address).toEqual({ street: 'Voorbeeldstraat', houseNumber: '12a', postcode: '1234 AB', city: 'Utrecht' })
    expect(sanne.purposes).toEqual([
      // Issue 14 point 4: mediation without a contract rests on legitimate interest.
      { purpose: 'mediation', legalBasis: 'legitimate-interest' },
      { purpose: 'offers', legalBasis: 'consent' }
    ])
    expect(await rows(t, 'client_contact')).toEqual([expect.objectContaining({ givenName: 'Pieter', familyName: 'de Groot', function: 'HR-manager' })])
  })

  it('afterwards refuses to create the do-not-contact person again', async () => {
    await importFile(exampleWithoutSpecial())
    const e = await failure(t.call('createPerson', prospect({ email: 'Noor.ElAmrani@example.com' })))
    expect(e.code).toBe('DO_NOT_CONTACT_MATCH')
  })

  it('audits one person.import and one person.create per person', async () => {
    const before = (await auditActions(t)).length
    await importFile(exampleWithoutSpecial())
    const actions = (await auditActions(t)).slice(before)
    expect(actions.filter((a) => a === 'person.import')).toHaveLength(1)
    expect(actions.filter((a) => a === 'person.create')).toHaveLength(2)
    expect(actions.filter((a) => a === 'person.do-not-contact')).toHaveLength(1)
    expect(actions.filter((a) => a === 'client.create')).toHaveLength(1)
  })

  it('imports special-category data only under its recorded consent or legal basis (R-4)', async () => {
    const summary = await importFile(example())
    expect(summary.persons).toBe(2)
    expect(await count(t, 'special_data')).toBe(2)
    expect(await count(t, 'consent')).toBe(2)
  })

  it('refuses the whole file when one special-category row has no valid basis, writing nothing', async () => {
    const file = example()
    // the example's row is under consent (R-4a: no legal basis covers a typed value); make it a basis row
    delete file.persons[1].special[0].consent
    file.persons[1].special[0].legalBasis = 'no-such-basis'
    const e = await failure(importFile(file))
    expect(e.code).toBe('CONSENT_REQUIRED')
    expect(e.issues[0]?.path).toMatch(/^persons\[1\]\.special/)
    expect(await written() + (await count(t, 'special_data')) + (await count(t, 'consent'))).toBe(0)
    expect(await auditActions(t)).not.toContain('person.import')
  })

  it('imports nothing when one row is bad, and reports every bad row by position and field, never by value', async () => {
    const file = exampleWithoutSpecial()
    file.persons[1].email = 'daan-at-example'
    file.persons[2].birthDate = '1900-01-01'
    file.persons.push({ ...file.persons[0], ref: 'LEG-0004', bsn: '123456782' })
    const e = await failure(importFile(file))
    expect(e.code).toBe('IMPORT_INVALID')
    expect(e.issues).toEqual(
      expect.arrayContaining([
        { path: 'persons[1].email', key: 'validation.email.invalid' },
        { path: 'persons[2].birthDate', key: 'validation.birthDate.age' },
        { path: 'persons[3].bsn', key: 'validation.bsn.purpose' },
        { path: 'persons[3].bsn', key: 'validation.bsn.notAtRegistration' }
      ])
    )
    expect(JSON.stringify(e)).not.toContain('daan-at-example')
    expect(await written()).toBe(0)
  })

  it('refuses a BSN for an employment that starts in 2031 (R-16a): the row and the field named, nothing written', async () => {
    const file = exampleWithoutSpecial()
    const bsn = file.persons[1].bsn as string
    file.persons[1].employments = [{ start: '2031-01-05', end: null, kind: 'uitzenden' }]
    const e = await failure(importFile(file))
    expect(e).toMatchObject({ code: 'IMPORT_INVALID', issues: [{ path: 'persons[1].bsn', key: 'validation.bsn.employmentNotStarted' }] })
    expect(JSON.stringify(e)).not.toContain(bsn)
    expect(await written()).toBe(0)
  })

  it('accepts a BSN for an employment that starts in 3 weeks or started last year (R-16a)', async () => {
    const soon = exampleWithoutSpecial()
    soon.persons[1].employments = [{ start: '2026-12-18', end: null, kind: 'uitzenden' }, { start: '2031-01-05', end: null, kind: 'payroll' }]
    expect(await importFile(soon)).toMatchObject({ persons: 2 })
    const lastYear = exampleWithoutSpecial()
    for (const p of lastYear.persons) p.ref = `${p.ref}-B`
    lastYear.clients = []
    lastYear.persons[1].employments = [{ start: '2025-03-01', end: '2025-10-30', kind: 'uitzenden' }]
    lastYear.persons = lastYear.persons.filter((p: Json) => p.doNotContact !== true)
    expect(await importFile(lastYear)).toMatchObject({ persons: 2 })
    expect(((await rows(t, 'person')).filter((r) => r['bsn'] !== null)).length).toBe(2)
  })

  it('refuses refs and client names already in the vault', async () => {
    await importFile({ format: 'dossier-import/1', persons: [exampleWithoutSpecial().persons[0]], clients: exampleWithoutSpecial().clients })
    const e = await failure(importFile(exampleWithoutSpecial()))
    expect(e.code).toBe('IMPORT_INVALID')
    expect(e.issues).toEqual([
      { path: 'persons[0].ref', key: 'validation.import.duplicateRef' },
      { path: 'clients[0].name', key: 'validation.import.duplicateClient' }
    ])
    expect(await count(t, 'person')).toBe(1)
  })

  it('refuses rows matching the do-not-contact register, or a doNotContact row of the same file', async () => {
    const id = await create(t, fullIntake({ email: 'daan.jansen@example.net', ref: 'K-1' }))
    await t.call('markDoNotContact', { personId: id, reasonCategory: 'no-services' })
    const file = exampleWithoutSpecial()
    file.persons[0].phone = null
    file.persons.push({ ...file.persons[2], ref: 'LEG-0005', doNotContact: false, email: 'nieuw@example.com', source: { kind: 'public-website', detail: 'vacaturebank-voorbeeld.nl/' } })
    const e = await failure(importFile(file))
    expect(e.issues).toEqual([
      { path: 'persons[1].email', key: 'errors.DO_NOT_CONTACT_MATCH' },
      { path: 'persons[3].source.detail', key: 'errors.DO_NOT_CONTACT_MATCH' }
    ])
    expect(await count(t, 'person')).toBe(0)
    expect(await count(t, 'do_not_contact')).toBe(1)
  })

  it('refuses text that is not JSON', async () => {
    const e = await failure(t.call('importPersons', { text: '{"format": "dossier-import/1", persons: [' }))
    expect(e).toMatchObject({ code: 'IMPORT_INVALID', issues: [{ path: '', key: 'validation.import.format' }] })
  })

  it('imports a generated demo file of 300 persons', async () => {
    const file = generateDemoImport({ persons: 300, seed: 7, today: TODAY })
    const dnc = file.persons.filter((p) => p.doNotContact).length
    const summary = await importFile(file)
    expect(summary).toEqual({ persons: 300 - dnc, doNotContact: dnc, clients: file.clients!.length, warnings: [] })
    expect(await count(t, 'person')).toBe(300 - dnc)
    const linked = await t.sqlCount('SELECT count(*) AS "n" FROM "recruitment_procedure" WHERE "clientId" IS NOT NULL')
    expect(linked).toBe(await count(t, 'recruitment_procedure'))
  })
})
