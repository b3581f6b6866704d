import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { purgeExpiredConsentData } from '../../../src/main/consent/purgeExpiredConsentData'
import type { OperationInput } from '../../../src/shared/contract/client'
import type { ConsentView } from '../../../src/shared/contract/consent'
import { TEST_ENGINE } from '../../support/serverTestApp'
import { newTestApp } from '../../support/testApp'
import { auditActions, countRows, specialConsent, insertPerson, type TestApp } from './consentFixtures'

/** withdrawal removes the data of that category and purpose at once; expiry is swept the same way. */
let t: TestApp
beforeEach(async () => {
  t = await newTestApp()
})
afterEach(async () => {
  await t.dispose()
})

type SpecialDataInput = OperationInput<'saveSpecialData'>
const save = (personId: string, value: string, category: SpecialDataInput['category'] = 'religion', purpose: SpecialDataInput['purpose'] = 'personnel') => t.call('saveSpecialData', { personId, category, purpose, value })
const consents = async (personId: string) => (await t.call('listConsents', { personId })).consents
const values = async (personId: string) => (await t.call('viewSpecialData', { personId })).items.map((i) => i.value)

describe('withdrawal of consent', () => {
  it('deletes that category and purpose\'s data at once and keeps only the fact, dates and who recorded it', async () => {
    const personId = await insertPerson(t)
    const c = await t.call('recordConsent', specialConsent(personId, { givenOn: '2026-10-01' }))
    await t.call('recordConsent', specialConsent(personId, { category: 'ethnicity' }))
    await save(personId, 'Allergie: noten')
    await save(personId, 'Dieet: halal', 'ethnicity')

    const r = await t.call('withdrawConsent', { consentId: c.id })
    expect(r).toMatchObject({ withdrawn: [c.id], deletedSpecialData: 1 })
    expect(await values(personId)).toEqual(['Dieet: halal'])
    expect(await countRows(t, 'special_data', personId)).toBe(1)

    const after = (await consents(personId)).find((x) => x.id === c.id)!
    expect(after).toMatchObject({
      state: 'withdrawn',
      withdrawnOn: '2026-11-27',
      withdrawnBy: 'Beheerder',
      givenOn: '2026-10-01',
      recordedBy: 'Beheerder',
      wording: c.wording, // the agency's text stays
      specialDataCount: 0
    })
    expect(await auditActions(t, personId)).toContain('consent.withdraw')
    const entry = (await t.app.audit.list(t.app.vault.dataSource.manager, { subjectId: personId, action: 'consent.withdraw' }))[0]!
    expect(entry.fields).toEqual(['consent.withdrawnBy', 'consent.withdrawnOn', 'special.religion'])
  })

  it('by person, category and purpose (the CLI form) withdraws every live consent for it', async () => {
    const personId = await insertPerson(t)
    const a = await t.call('recordConsent', specialConsent(personId, { endsOn: '2026-12-31' }))
    const b = await t.call('recordConsent', specialConsent(personId))
    await save(personId, 'Allergie: noten')
    const r = await t.call('withdrawConsent', { personId, category: 'religion', purpose: 'personnel' })
    expect(r.withdrawn.sort()).toEqual([a.id, b.id].sort())
    expect(r.deletedSpecialData).toBe(1)
    expect((await consents(personId)).map((c) => c.state)).toEqual(['withdrawn', 'withdrawn'])
    await expect(t.call('withdrawConsent', { personId, category: 'religion', purpose: 'personnel' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(t.call('withdrawConsent', { consentId: a.id })).rejects.toMatchObject({ code: 'CONFLICT' })
  })

  // Local-only: the subject is the vault's WAL file.
  it.skipIf(TEST_ENGINE === 'postgres')('leaves the WAL truncated, so the deleted page images do not linger in the journal', async () => {
    const personId = await insertPerson(t)
    const c = await t.call('recordConsent', specialConsent(personId))
    await save(personId, 'Allergie: noten')
    await t.call('withdrawConsent', { consentId: c.id })
    const { statSync } = await import('node:fs')
    expect(statSync(`${t.vaultDir}/dossier.db-wal`).size).toBe(0)
  })
})

describe('expiry (for the retention sweep)', () => {
  it('purges the data of a consent whose end date has passed, marks it, and is idempotent', async () => {
    const personId = await insertPerson(t)
    const c = await t.call('recordConsent', specialConsent(personId, { endsOn: '2026-12-31' }))
    await save(personId, 'Allergie: noten')
    const purge = (today: string) => t.app.write((tx) => purgeExpiredConsentData(tx, c.id), { asOf: today })

    expect(await purge('2026-12-31')).toEqual({ applied: false, deleted: 0, moved: 0 }) // last valid day
    expect(await countRows(t, 'special_data', personId)).toBe(1)

    t.clock.set('2027-01-02T10:00:00Z')
    expect(await purge('2027-01-01')).toEqual({ applied: true, deleted: 1, moved: 0 })
    expect(await countRows(t, 'special_data', personId)).toBe(0)
    expect(await purge('2027-01-02')).toEqual({ applied: false, deleted: 0, moved: 0 })
    const [after] = await consents(personId)
    expect(after).toMatchObject({ state: 'expired', expiredPurgedOn: '2027-01-01', wording: c.wording })
    expect(await auditActions(t, personId)).toContain('consent.expire')
  })

  it('keeps the data when a renewed consent for the same category and purpose covers it', async () => {
    const personId = await insertPerson(t)
    const old = await t.call('recordConsent', specialConsent(personId, { endsOn: '2026-12-31' }))
    await save(personId, 'Allergie: noten')
    const renewed = await t.call('recordConsent', specialConsent(personId, { givenOn: '2026-11-27', endsOn: '2027-12-31' }))
    t.clock.set('2027-01-05T10:00:00Z')
    const r = await t.app.write((tx) => purgeExpiredConsentData(tx, old.id), { asOf: '2027-01-05' })
    expect(r).toEqual({ applied: true, deleted: 0, moved: 1 })
    const items = (await t.call('viewSpecialData', { personId })).items
    expect(items.map((i) => [i.value, i.consentId])).toEqual([['Allergie: noten', renewed.id]])
  })

  it('does nothing for a withdrawn consent or an unknown id', async () => {
    const personId = await insertPerson(t)
    const c = await t.call('recordConsent', specialConsent(personId, { endsOn: '2026-12-31' }))
    await t.call('withdrawConsent', { consentId: c.id })
    const r = await t.app.write((tx) => purgeExpiredConsentData(tx, c.id), { asOf: '2027-02-01' })
    expect(r.applied).toBe(false)
    const unknown = await t.app.write((tx) => purgeExpiredConsentData(tx, '00000000-0000-4000-8000-000000000000'), { asOf: '2027-02-01' })
    expect(unknown.applied).toBe(false)
  })
})

describe('viewing special data', () => {
  it('is audited as special.view on every click, with the categories shown and never the values', async () => {
    const personId = await insertPerson(t)
    await t.call('recordConsent', specialConsent(personId))
    await save(personId, 'Allergie: noten')
    const before = (await t.app.audit.list(t.app.vault.dataSource.manager, { action: 'special.view' })).length
    expect(await values(personId)).toEqual(['Allergie: noten'])
    expect(await values(personId)).toEqual(['Allergie: noten'])
    const views = await t.app.audit.list(t.app.vault.dataSource.manager, { action: 'special.view' })
    expect(views.length - before).toBe(2)
    expect(views[0]).toMatchObject({ subjectId: personId, fields: ['special.religion'] })
    expect(JSON.stringify(views)).not.toContain('noten')
  })

  it('listing consents shows counts and states but never a value', async () => {
    const personId = await insertPerson(t)
    await t.call('recordConsent', specialConsent(personId))
    await save(personId, 'Allergie: noten')
    const list = await t.call('listConsents', { personId })
    expect(JSON.stringify(list)).not.toContain('noten')
    expect((list as { consents: ConsentView[] }).consents[0]).toMatchObject({ specialDataCount: 1, state: 'valid' })
  })

  it('deleting one value removes it and is audited', async () => {
    const personId = await insertPerson(t)
    await t.call('recordConsent', specialConsent(personId))
    const { id } = await t.call('saveSpecialData', { personId, category: 'religion', purpose: 'personnel', value: 'Tikfout' })
    await t.call('deleteSpecialData', { specialDataId: id })
    expect(await countRows(t, 'special_data')).toBe(0)
    expect(await auditActions(t, personId)).toContain('special.delete')
  })
})
