import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importSpecialData, type ImportSpecial } from '../../../src/main/consent/importSpecialData'
import { specialDataForSubject } from '../../../src/main/consent/specialDataAccess'
import { newTestApp } from '../../support/testApp'
import { countRows, insertPerson, TODAY, type TestApp } from './consentFixtures'

/**
 * R-4 on the import path: the people import calls importSpecialData inside its one transaction
 * for each person's `special` rows; a row without a valid consent or basis throws, so the whole
 * file is rolled back and nothing is written. Here the import's transaction is played by
 * app.transaction, as importPersons runs it.
 */
let t: TestApp
beforeEach(async () => {
  t = await newTestApp()
})
afterEach(async () => {
  await t.dispose()
})

const consent = { givenOn: '2026-03-01', how: 'signed-form' as const, wording: 'Ik geef toestemming voor het vastleggen van mijn dieetwensen.', statementVersion: '2025-01' }

/** Runs the hook the way the import does: in one transaction that fails as a whole. */
async function importFor(personId: string, rows: ImportSpecial[]): Promise<void> {
  await t.app.write((tx) => importSpecialData(tx, personId, rows), { asOf: TODAY })
}

describe('import of special data (dossier-import/1 `special` rows)', () => {
  it('stores rows with a valid consent that fits, one consent record per identical ground', async () => {
    const personId = await insertPerson(t)
    await importFor(personId, [
      { category: 'religion', purpose: 'personnel', value: 'Allergie: noten', consent },
      { category: 'religion', purpose: 'personnel', value: 'Dieet: glutenvrij', consent },
      { category: 'union', purpose: 'payroll', value: 'Re-integratietraject', consent }
    ])
    expect(await countRows(t, 'special_data', personId)).toBe(3)
    expect(await countRows(t, 'consent', personId)).toBe(2)
    const subject = await specialDataForSubject(t.app.vault.dataSource.manager, t.app.vault.restricted, personId, TODAY)
    expect(subject.special.map((s) => s.value).sort()).toEqual(['Allergie: noten', 'Dieet: glutenvrij', 'Re-integratietraject'])
    // R-4a: a legal basis covers no typed value any more (health facts of employees are absence records).
    expect(subject.consents.map((c) => [c.category, c.basis, c.state]).sort()).toEqual([
      ['religion', 'consent', 'valid'],
      ['union', 'consent', 'valid']
    ])
  })

  it('a row whose consent has already ended rejects the whole batch: CONSENT_REQUIRED, nothing written', async () => {
    const personId = await insertPerson(t)
    const attempt = importFor(personId, [
      { category: 'religion', purpose: 'personnel', value: 'Vrij op vrijdagmiddag', consent },
      { category: 'health', purpose: 'personnel', value: 'Allergie: noten', consent: { ...consent, endsOn: '2026-06-30' } }
    ])
    await expect(attempt).rejects.toMatchObject({ code: 'CONSENT_REQUIRED', issues: [{ path: 'special[1]', key: 'validation.special.basis' }] })
    expect(await countRows(t, 'special_data')).toBe(0)
    expect(await countRows(t, 'consent')).toBe(0)
  })

  it('an unknown or inactive legal basis rejects the batch', async () => {
    const personId = await insertPerson(t)
    await expect(importFor(personId, [{ category: 'health', purpose: 'personnel', value: 'x', legalBasis: 'bestaat-niet' }])).rejects.toMatchObject({ code: 'CONSENT_REQUIRED' })
    await t.call('saveLegalBasis', { key: 'wet-poortwachter', label: 'Wet verbetering poortwachter', description: 'Re-integratie', active: false })
    await expect(importFor(personId, [{ category: 'health', purpose: 'personnel', value: 'x', legalBasis: 'wet-poortwachter' }])).rejects.toMatchObject({ code: 'CONSENT_REQUIRED' })
    expect(await countRows(t, 'special_data')).toBe(0)
  })

  it('a consent dated after today rejects the batch', async () => {
    const personId = await insertPerson(t)
    await expect(importFor(personId, [{ category: 'health', purpose: 'personnel', value: 'x', consent: { ...consent, givenOn: '2026-12-01' } }])).rejects.toMatchObject({
      code: 'CONSENT_REQUIRED'
    })
    expect(await countRows(t, 'special_data')).toBe(0)
  })

  it('R-3a, R-4a: health rows for someone without an employment, for an employee\'s purpose, reject the batch', async () => {
    const personId = await insertPerson(t, { roles: ['candidate'], employments: [] })
    await expect(importFor(personId, [{ category: 'health', purpose: 'personnel', value: 'x', consent }])).rejects.toMatchObject({
      code: 'GROUND_DOES_NOT_FIT',
      issues: [{ path: 'special[0].purpose', key: 'validation.ground.health.purpose-not-covered' }]
    })
    expect(await countRows(t, 'consent')).toBe(0)
  })
})

describe('through the real import operation (importPersons)', () => {
  const person = (ref: string, special: unknown[]) => ({
    ref,
    givenName: 'Imke',
    familyName: `Import-${ref}`,
    birthDate: '1990-05-17',
    email: `${ref.toLowerCase()}@example.nl`,
    source: { kind: 'walk-in' },
    registeredOn: '2026-01-05',
    roles: ['flexworker'],
    purposes: ['temping', 'personnel'],
    employments: [{ start: '2026-02-02', kind: 'uitzenden' }],
    special
  })

  it('a special row whose consent has ended rejects the whole file: no person, no consent, no special data', async () => {
    const file = {
      format: 'dossier-import/1',
      persons: [person('IMP-1', []), person('IMP-2', [{ category: 'health', purpose: 'personnel', value: 'Allergie: noten', consent: { ...consent, endsOn: '2026-06-30' } }])]
    }
    const r = await t.invoke('importPersons', { text: JSON.stringify(file) })
    expect(r.ok ? null : r.error.code).toBe('CONSENT_REQUIRED')
    expect(await t.sqlCount('SELECT count(*) AS "n" FROM "person" WHERE "ref" LIKE :prefix', { prefix: 'IMP-%' })).toBe(0)
    expect(await countRows(t, 'consent')).toBe(0)
    expect(await countRows(t, 'special_data')).toBe(0)
  })
})
