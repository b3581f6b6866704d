import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Purpose, SpecialCategory } from '../../../src/shared/domain'
import { newTestApp } from '../../support/testApp'
import { countRows, insertLegacyGround, insertLegacySpecialData, insertPerson, specialConsent, type TestApp } from './consentFixtures'

/**
 * R-4a: a consent or legal basis unlocks special data only for the categories, persons and
 * purposes it can lawfully cover (resources/special-category-grounds.json). Each refusal is
 * GROUND_DOES_NOT_FIT with an issue key naming the category and the reason — never the value —
 * and nothing is written.
 */
let t: TestApp
beforeEach(async () => {
  t = await newTestApp()
})
afterEach(async () => {
  await t.dispose()
})

type Failure = { code: string; message: string; issues: { path: string; key: string }[] }
async function refusal(op: string, input: Record<string, unknown>): Promise<Failure> {
  const r = await t.invoke(op, input)
  if (r.ok) throw new Error(`${op} was accepted`)
  return r.error as Failure
}
const legal = (personId: string, category: SpecialCategory, purpose: Purpose, legalBasisKey: string) => ({ personId, category, purpose, basis: 'legal-basis' as const, legalBasisKey })

describe('grounds that do not fit their category are refused on every path', () => {
  it('religion under uavg-30-absence: refused, naming the category and the reason, nothing written', async () => {
    const personId = await insertPerson(t)
    const e = await refusal('recordConsent', legal(personId, 'religion', 'personnel', 'uavg-30-absence'))
    expect(e).toMatchObject({ code: 'GROUND_DOES_NOT_FIT', issues: [{ path: 'legalBasisKey', key: 'validation.ground.religion.ground-not-for-category' }] })
    expect(await countRows(t, 'consent')).toBe(0)
  })

  it('criminal under the employment-law basis: refused', async () => {
    const personId = await insertPerson(t)
    const e = await refusal('recordConsent', legal(personId, 'criminal', 'personnel', 'uavg-22-2b-employment-law'))
    expect(e).toMatchObject({ code: 'GROUND_DOES_NOT_FIT', issues: [{ path: 'legalBasisKey', key: 'validation.ground.criminal.ground-not-for-category' }] })
    expect(await countRows(t, 'consent')).toBe(0)
  })

  it('an employee\'s health data under consent ("Diagnose: burn-out door conflict"): refused, the value in no message', async () => {
    const personId = await insertPerson(t)
    const e = await refusal('recordConsent', specialConsent(personId, { category: 'health', wording: 'Diagnose: burn-out door conflict' }))
    expect(e).toMatchObject({ code: 'GROUND_DOES_NOT_FIT', issues: [{ path: 'category', key: 'validation.ground.health.role-not-covered' }] })
    expect(JSON.stringify(e)).not.toContain('burn-out')
    // a consent recorded before the policy existed does not unlock it either
    const old = await insertLegacyGround(t, { personId, category: 'health', purpose: 'personnel', basis: 'consent' })
    const save = await refusal('saveSpecialData', { personId, category: 'health', purpose: 'personnel', value: 'Diagnose: burn-out door conflict' })
    expect(save).toMatchObject({ code: 'GROUND_DOES_NOT_FIT', issues: [{ path: 'category', key: 'validation.ground.health.role-not-covered' }] })
    expect(JSON.stringify(save)).not.toContain('burn-out')
    expect(await countRows(t, 'special_data')).toBe(0)
    expect(old).toBeTruthy()
  })

  it('an employee\'s health under UAVG art. 30: a typed value is refused, the absence record is kept', async () => {
    const personId = await insertPerson(t)
    await t.call('recordConsent', legal(personId, 'health', 'personnel', 'uavg-30-absence'))
    const e = await refusal('saveSpecialData', { personId, category: 'health', purpose: 'personnel', value: 'Diagnose: hernia' })
    expect(e).toMatchObject({ code: 'GROUND_DOES_NOT_FIT', issues: [{ path: 'value', key: 'validation.ground.health.shape-not-allowed' }] })
    expect(JSON.stringify(e)).not.toContain('hernia')
    await t.call('recordAbsence', { personId, startOn: '2026-11-23', expectedDuration: 'up-to-2-weeks', availability: 'Halve dagen, geen tilwerk' })
    expect(await countRows(t, 'special_data')).toBe(0)
    expect(await countRows(t, 'absence', personId)).toBe(1)
  })

  it('absence for an employment that has not started yet is refused: not an employee', async () => {
    const personId = await insertPerson(t, { employments: [{ start: '2027-01-04', end: null }] })
    const e = await refusal('recordAbsence', { personId, startOn: '2026-11-23' })
    expect(e).toMatchObject({ code: 'GROUND_DOES_NOT_FIT', issues: [{ path: 'startOn', key: 'validation.ground.health.role-not-covered' }] })
    expect(await countRows(t, 'absence')).toBe(0)
  })

  it('behaviour under consent ("Diefstal bij klant X, niet meer plaatsen"): refused outright, on recording and on saving', async () => {
    const personId = await insertPerson(t)
    const e = await refusal('recordConsent', specialConsent(personId, { category: 'behaviour', purpose: 'temping' }))
    expect(e).toMatchObject({ code: 'GROUND_DOES_NOT_FIT', issues: [{ path: 'category', key: 'validation.ground.behaviour.category-refused' }] })
    await insertLegacyGround(t, { personId, category: 'behaviour', purpose: 'temping', basis: 'consent' })
    const save = await refusal('saveSpecialData', { personId, category: 'behaviour', purpose: 'temping', value: 'Diefstal bij klant X, niet meer plaatsen' })
    expect(save).toMatchObject({ code: 'GROUND_DOES_NOT_FIT', issues: [{ path: 'category', key: 'validation.ground.behaviour.category-refused' }] })
    expect(JSON.stringify(save)).not.toContain('Diefstal')
    expect(await countRows(t, 'special_data')).toBe(0)
  })

  it('criminal data only as the date a VOG was shown: the date is kept, content is refused', async () => {
    const personId = await insertPerson(t, { purposes: ['temping', 'suitability'] })
    await t.call('recordConsent', specialConsent(personId, { category: 'criminal', purpose: 'suitability' }))
    const e = await refusal('saveSpecialData', { personId, category: 'criminal', purpose: 'suitability', value: 'Veroordeeld voor diefstal' })
    expect(e).toMatchObject({ code: 'GROUND_DOES_NOT_FIT', issues: [{ path: 'value', key: 'validation.ground.criminal.shape-not-allowed' }] })
    expect(JSON.stringify(e)).not.toContain('diefstal')
    await t.call('saveSpecialData', { personId, category: 'criminal', purpose: 'suitability', value: '2026-11-20' })
    const { items } = await t.call('viewSpecialData', { personId })
    expect(items.map((i) => i.value)).toEqual(['2026-11-20'])
  })

  it('fitting cases are accepted: a candidate\'s health under consent for mediation after registration, union dues for payroll', async () => {
    const cand = await insertPerson(t, { roles: ['candidate'], employments: [], purposes: ['mediation'] })
    await t.call('recordConsent', specialConsent(cand, { category: 'health', purpose: 'mediation' }))
    await t.call('saveSpecialData', { personId: cand, category: 'health', purpose: 'mediation', value: 'Werk zonder tillen (aangepast werk)' })
    const worker = await insertPerson(t)
    await t.call('recordConsent', specialConsent(worker, { category: 'union', purpose: 'payroll' }))
    await t.call('saveSpecialData', { personId: worker, category: 'union', purpose: 'payroll', value: 'Contributie inhouden' })
    expect(await countRows(t, 'special_data')).toBe(2)
  })

  it('R-3a: no health consent on the day of registration', async () => {
    const cand = await insertPerson(t, { roles: ['candidate'], employments: [], purposes: ['mediation'] })
    await t.sql('UPDATE "person" SET "registeredOn" = :on WHERE "id" = :id', { on: '2026-11-27', id: cand })
    const e = await refusal('recordConsent', specialConsent(cand, { category: 'health', purpose: 'mediation' }))
    expect(e).toMatchObject({ code: 'GROUND_DOES_NOT_FIT', issues: [{ path: 'givenOn', key: 'validation.ground.health.at-registration' }] })
  })
})

describe('import', () => {
  const person = (special: unknown[]) => ({
    ref: 'IMP-ETH',
    givenName: 'Imke',
    familyName: 'Import',
    birthDate: '1990-05-17',
    email: 'imp-eth@example.nl',
    source: { kind: 'walk-in' },
    registeredOn: '2026-01-05',
    roles: ['flexworker'],
    purposes: ['temping', 'personnel'],
    employments: [{ start: '2026-02-02', kind: 'uitzenden' }],
    special
  })

  it('a row `ethnicity` with legalBasis uavg-30-absence rejects the file, naming the row and the field, never the value', async () => {
    const file = { format: 'dossier-import/1', persons: [person([{ category: 'ethnicity', purpose: 'personnel', value: 'Marokkaans-Nederlands', legalBasis: 'uavg-30-absence' }])] }
    const r = await t.invoke('importPersons', { text: JSON.stringify(file) })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('GROUND_DOES_NOT_FIT')
    expect(r.error.issues).toEqual([{ path: 'persons[0].special[0].legalBasis', key: 'validation.ground.ethnicity.ground-not-for-category' }])
    expect(JSON.stringify(r.error)).not.toContain('Marokkaans')
    expect(await countRows(t, 'consent')).toBe(0)
    expect(await countRows(t, 'special_data')).toBe(0)
    expect(await t.sqlCount('SELECT count(*) AS "n" FROM "person" WHERE "ref" = :ref', { ref: 'IMP-ETH' })).toBe(0)
  })
})

describe('existing data whose ground no longer fits', () => {
  it('shows up in the consent review as "ground does not fit", with the reason and without the value', async () => {
    const personId = await insertPerson(t, { givenName: 'Oud' })
    const basis = await insertLegacyGround(t, { personId, category: 'religion', purpose: 'personnel', basis: 'legal-basis', legalBasisKey: 'uavg-30-absence' })
    const dataId = await insertLegacySpecialData(t, { personId, consentId: basis, category: 'religion', purpose: 'personnel', value: 'Moskeebezoek vrijdag' })
    const fine = await insertPerson(t)
    await t.call('recordConsent', specialConsent(fine))
    await t.call('saveSpecialData', { personId: fine, category: 'religion', purpose: 'personnel', value: 'Vrij op vrijdag' })

    const review = await t.call('getConsentReview')
    expect(review.groundDoesNotFit).toEqual([
      expect.objectContaining({ specialDataId: dataId, personId, category: 'religion', basis: 'legal-basis', legalBasisKey: 'uavg-30-absence', reason: 'ground-not-for-category' })
    ])
    expect(review.withoutValidBasis).toEqual([])
    expect(JSON.stringify(review)).not.toContain('Moskee')
    // the privacy officer resolves it by removing the data
    await t.call('deleteSpecialData', { specialDataId: dataId })
    expect((await t.call('getConsentReview')).groundDoesNotFit).toEqual([])
  })
})

describe('the grounds table', () => {
  it('is read-only data from the same file, for every category', async () => {
    const policy = await t.call('getSpecialCategoryGrounds', {})
    expect(policy.version).toBe(1)
    expect(policy.categories.find((c) => c.category === 'behaviour')?.grounds).toEqual([])
    expect(policy.categories.find((c) => c.category === 'health')?.grounds.map((g) => g.ground)).toEqual(['uavg-30-absence', 'wet-poortwachter', 'consent'])
  })
})
