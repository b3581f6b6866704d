import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { specialDataForSubject } from '../../../src/main/consent/specialDataAccess'
import { newTestApp } from '../../support/testApp'
import { auditActions, countRows, specialConsent, insertLegacySpecialData, insertPerson, signInAs, TODAY, type TestApp } from './consentFixtures'

let t: TestApp
beforeEach(async () => {
  t = await newTestApp()
})
afterEach(async () => {
  await t.dispose()
})

describe('absence (verzuim) keeps only what an employer may keep (UAVG art. 30)', () => {
  it('records dates, expected duration and availability, audited by field name', async () => {
    const personId = await insertPerson(t)
    const a = await t.call('recordAbsence', { personId, startOn: '2026-11-23', expectedDuration: 'up-to-2-weeks', availability: 'Telefonisch bereikbaar, 4 uur per dag aangepast werk' })
    expect(a).toMatchObject({ startOn: '2026-11-23', endOn: null, expectedDuration: 'up-to-2-weeks' })
    const ended = await t.call('endAbsence', { absenceId: a.id, endOn: '2026-11-26' })
    expect(ended.endOn).toBe('2026-11-26')
    expect(await t.call('listAbsences', { personId })).toEqual([ended])
    expect(await auditActions(t, personId)).toEqual(expect.arrayContaining(['absence.record', 'absence.update', 'absence.view']))
  })

  it('refuses a diagnosis or cause field with its own message and writes nothing', async () => {
    const personId = await insertPerson(t)
    for (const field of ['diagnosis', 'cause']) {
      const r = await t.invoke('recordAbsence', { personId, startOn: '2026-11-23', [field]: 'Griep' })
      expect(r.ok).toBe(false)
      if (!r.ok) {
        expect(r.error.code).toBe('VALIDATION_FAILED')
        expect(r.error.issues.map((i) => i.key)).toEqual(['validation.absence.medical'])
      }
    }
    // any other unknown field is refused too, with the generic message
    const other = await t.invoke('recordAbsence', { personId, startOn: '2026-11-23', note: 'x' })
    expect(!other.ok && other.error.issues.map((i) => i.key)).toEqual(['validation.unknownField'])
    // duration is a closed list, so it cannot carry a medical note either
    const free = await t.invoke('recordAbsence', { personId, startOn: '2026-11-23', expectedDuration: 'griep, een week' })
    expect(free.ok).toBe(false)
    expect(await countRows(t, 'absence')).toBe(0)
  })

  it('refuses dates in the future or an end before the start, and absence for someone never employed', async () => {
    const personId = await insertPerson(t)
    await expect(t.call('recordAbsence', { personId, startOn: '2026-11-28' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'startOn', key: 'validation.date.future' }] })
    await expect(t.call('recordAbsence', { personId, startOn: '2026-11-20', endOn: '2026-11-19' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    const candidate = await insertPerson(t, { roles: ['candidate'], employments: [] })
    await expect(t.call('recordAbsence', { personId: candidate, startOn: '2026-11-20' })).rejects.toMatchObject({ code: 'EMPLOYMENT_REQUIRED' })
    expect(await countRows(t, 'absence')).toBe(0)
  })
})

describe('legal bases and the privacy officer\'s review', () => {
  it('seeds the default legal bases once; only a privacy officer changes them', async () => {
    const first = await t.call('listLegalBases')
    expect(first.find((b) => b.key === 'uavg-30-absence')).toMatchObject({ active: true, label: expect.stringContaining('UAVG art. 30') })
    await t.call('saveLegalBasis', { key: 'cao-abu-verzuim', label: 'Cao ABU – verzuimregels', description: 'Afspraken over verzuim in de cao', active: true })
    const again = await t.call('listLegalBases')
    expect(again).toHaveLength(first.length + 1)
    expect(await countRows(t, 'legal_basis')).toBe(first.length + 1)
    expect(await auditActions(t)).toContain('legal-basis.save')
    await signInAs(t, 'medewerker', ['staff'])
    await expect(t.call('saveLegalBasis', { key: 'x', label: 'x', description: 'x', active: true })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('lists grounds ending within 30 days, data without a valid ground, and withdrawals of the last month', async () => {
    const soon = await insertPerson(t, { givenName: 'Binnenkort' })
    const later = await insertPerson(t, { givenName: 'Later' })
    const lapsed = await insertPerson(t, { givenName: 'Vervallen' })
    const quit = await insertPerson(t, { givenName: 'Ingetrokken' })
    const soonConsent = await t.call('recordConsent', specialConsent(soon, { endsOn: '2026-12-20' }))
    await t.call('recordConsent', specialConsent(later, { endsOn: '2027-06-30' }))
    const lapsedBasis = await t.call('recordConsent', { personId: lapsed, category: 'health', purpose: 'personnel', basis: 'legal-basis', legalBasisKey: 'wet-poortwachter' })
    // R-4a: no typed health value is saved for an employee any more; this one dates from before.
    await insertLegacySpecialData(t, { personId: lapsed, consentId: lapsedBasis.id, category: 'health', purpose: 'personnel', value: 'Plan van aanpak' })
    const quitConsent = await t.call('recordConsent', specialConsent(quit))
    await t.call('withdrawConsent', { consentId: quitConsent.id })

    let review = await t.call('getConsentReview')
    expect(review.expiringSoon.map((i) => [i.consentId, i.personName.split(' ')[0]])).toEqual([[soonConsent.id, 'Binnenkort']])
    expect(review.withoutValidBasis).toEqual([])
    expect(review.recentWithdrawals.map((i) => i.personId)).toEqual([quit])

    // the privacy officer deactivates a basis: its data is now without a valid ground
    await t.call('saveLegalBasis', { key: 'wet-poortwachter', label: 'Wet verbetering poortwachter', description: 'Re-integratie', active: false })
    review = await t.call('getConsentReview')
    expect(review.withoutValidBasis.map((i) => [i.personId, i.category, i.purpose])).toEqual([[lapsed, 'health', 'personnel']])
    expect(JSON.stringify(review)).not.toContain('Plan van aanpak') // never the values

    // a month and a day later the withdrawal has left the list
    t.clock.set('2026-12-28T10:00:00Z')
    review = await t.call('getConsentReview')
    expect(review.recentWithdrawals).toEqual([])
  })
})

describe('the printable consent form', () => {
  it('prints the stored wording, the person\'s name and the statement version; producing it is audited', async () => {
    const personId = await insertPerson(t, { givenName: 'Fenna', familyName: 'Jansen' })
    const c = await t.call('recordConsent', specialConsent(personId, { wording: 'Ik geef toestemming <b>voor</b> mijn dieetwensen.' }))
    const { html } = await t.call('getConsentFormHtml', { consentId: c.id, lang: 'nl' })
    expect(html).toContain('Fenna Jansen')
    expect(html).toContain('Ik geef toestemming &lt;b&gt;voor&lt;/b&gt; mijn dieetwensen.')
    expect(html).toContain('2025-01')
    expect(html).toContain('http-equiv="Content-Security-Policy"')
    expect(html).not.toMatch(/<script/i)
    expect(await auditActions(t, personId)).toContain('consent.form')
  })

  it('prints a draft before it is recorded, in English too', async () => {
    const personId = await insertPerson(t, { givenName: 'Fenna', familyName: 'Jansen' })
    const { html } = await t.call('getConsentFormHtml', {
      personId,
      category: 'ethnicity',
      purpose: 'personnel',
      wording: 'I consent to my prayer times being recorded.',
      statementVersion: '2025-01',
      lang: 'en'
    })
    expect(html).toContain('I consent to my prayer times being recorded.')
    expect(html).toContain('lang="en"')
  })
})

describe('the person\'s own access report and export', () => {
  it('get consents, special values and absences through specialDataForSubject', async () => {
    const personId = await insertPerson(t)
    await t.call('recordConsent', specialConsent(personId))
    await t.call('saveSpecialData', { personId, category: 'religion', purpose: 'personnel', value: 'Allergie: noten' })
    await t.call('recordAbsence', { personId, startOn: '2026-11-02', endOn: '2026-11-06', expectedDuration: 'days' })
    const subject = await specialDataForSubject(t.app.vault.dataSource.manager, t.app.vault.restricted, personId, TODAY)
    expect(subject.special.map((s) => s.value)).toEqual(['Allergie: noten'])
    expect(subject.consents).toHaveLength(1)
    expect(subject.absences.map((a) => [a.startOn, a.endOn])).toEqual([['2026-11-02', '2026-11-06']])
  })
})
