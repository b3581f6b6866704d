import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newTestApp } from '../../support/testApp'
import { specialConsent, insertPerson, type TestApp } from './consentFixtures'

/**
 * special-category data is shown only on its own tab after an explicit click. The person
 * detail, search results and the consent list carry no value, and reading them is not a
 * `special.view`.
 */
let t: TestApp
beforeEach(async () => {
  t = await newTestApp()
})
afterEach(async () => {
  await t.dispose()
})

const SECRET = 'Allergie: noten (UNIEKE-WAARDE-7Q)'

describe('special data never appears outside its own tab', () => {
  it('is absent from the person detail, search results and the consent list', async () => {
    const personId = await insertPerson(t, { givenName: 'Noor', familyName: 'Bakker' })
    await t.call('recordConsent', specialConsent(personId))
    await t.call('saveSpecialData', { personId, category: 'religion', purpose: 'personnel', value: SECRET })
    const answers = [
      await t.call('getPerson', { personId }),
      await t.call('searchPersons', { query: 'Bakker' }),
      await t.call('listConsents', { personId })
    ]
    expect((answers[1] as { items: { id: string }[] }).items.map((p) => p.id)).toContain(personId) // the search did find the person
    for (const answer of answers) expect(JSON.stringify(answer)).not.toContain('UNIEKE-WAARDE')
    const views = await t.app.audit.list(t.app.vault.dataSource.manager, { subjectId: personId, action: 'special.view' })
    expect(views).toEqual([])
  })
})
