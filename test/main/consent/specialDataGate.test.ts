import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { saveSpecialData } from '../../../src/main/consent/saveSpecialData'
import { countRows, specialConsent, insertLegacySpecialData, insertPerson, signInAs, type TestApp } from './consentFixtures'
import { newTestApp } from '../../support/testApp'

/**
 * special-category data is stored ONLY where a valid consent or an active legal basis for
 * exactly that category and purpose is recorded — enforced in the main process on every path, and
 * a refusal writes nothing.
 */
let t: TestApp
beforeEach(async () => {
  t = await newTestApp()
})
afterEach(async () => {
  await t.dispose()
})

const special = (personId: string, value = 'Dieet: glutenvrij') => ({ personId, category: 'religion' as const, purpose: 'personnel' as const, value })

async function expectRefused(p: Promise<unknown>, code: string): Promise<void> {
  await expect(p).rejects.toMatchObject({ code })
}

describe('saving special data without consent fails on every path and writes nothing', () => {
  it('through the operation (dispatcher): CONSENT_REQUIRED, no row, no special.create audit', async () => {
    const personId = await insertPerson(t)
    await expectRefused(t.call('saveSpecialData', special(personId)), 'CONSENT_REQUIRED')
    expect(await countRows(t, 'special_data')).toBe(0)
    const actions = (await t.app.audit.list(t.app.vault.dataSource.manager, { subjectId: personId })).map((a) => a.action)
    expect(actions).not.toContain('special.create')
  })

  it('through the service function called directly: CONSENT_REQUIRED, no row', async () => {
    const personId = await insertPerson(t)
    await expectRefused(saveSpecialData(t.app, { personId, category: 'health', purpose: 'personnel', value: 'x' }), 'CONSENT_REQUIRED')
    expect(await countRows(t, 'special_data')).toBe(0)
  })

  it('refuses consent whose wording still has the template\'s "Het gaat om: …" gap, next to the field (issue 16)', async () => {
    const personId = await insertPerson(t)
    for (const wording of ['Ik geef toestemming voor mijn dieetwensen. Het gaat om: … Ik kan intrekken.', 'I consent. This concerns: ... I can withdraw.']) {
      await expect(t.call('recordConsent', specialConsent(personId, { wording }))).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        issues: [{ path: 'wording', key: 'validation.consent.placeholder' }]
      })
    }
    expect(await countRows(t, 'consent')).toBe(0)
    await t.call('recordConsent', specialConsent(personId, { wording: 'Ik geef toestemming. Het gaat om: mijn dieetwensen. Ik kan intrekken.' }))
    expect(await countRows(t, 'consent')).toBe(1)
  })

  it('a crafted IPC payload smuggling the consentId of another category is rejected before any handler runs', async () => {
    const personId = await insertPerson(t)
    const religion = await t.call('recordConsent', specialConsent(personId, { category: 'ethnicity', purpose: 'personnel' }))
    const r = await t.invoke('saveSpecialData', { ...special(personId), consentId: religion.id })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION_FAILED')
      expect(r.error.issues.some((i) => i.key === 'validation.unknownField')).toBe(true)
    }
    expect(await countRows(t, 'special_data')).toBe(0)
  })

  it('the service never takes a ground from its caller: a consentId slipped past the contract is ignored', async () => {
    const personId = await insertPerson(t)
    const religion = await t.call('recordConsent', specialConsent(personId, { category: 'ethnicity', purpose: 'personnel' }))
    const crafted = { personId, category: 'health', purpose: 'personnel', value: 'x', consentId: religion.id } as Parameters<typeof saveSpecialData>[1]
    await expectRefused(saveSpecialData(t.app, crafted), 'CONSENT_REQUIRED')
    expect(await countRows(t, 'special_data')).toBe(0)
  })

  it('consent for another category or another purpose does not count', async () => {
    const personId = await insertPerson(t)
    await t.call('recordConsent', specialConsent(personId, { category: 'ethnicity' }))
    await t.call('recordConsent', specialConsent(personId, { purpose: 'temping' }))
    await expectRefused(t.call('saveSpecialData', special(personId)), 'CONSENT_REQUIRED')
    expect(await countRows(t, 'special_data')).toBe(0)
  })

  it('another person\'s consent does not count', async () => {
    const other = await insertPerson(t)
    const personId = await insertPerson(t)
    await t.call('recordConsent', specialConsent(other))
    await expectRefused(t.call('saveSpecialData', special(personId)), 'CONSENT_REQUIRED')
    expect(await countRows(t, 'special_data')).toBe(0)
  })

  it('an expired consent does not count (the day after its end date)', async () => {
    const personId = await insertPerson(t)
    await t.call('recordConsent', specialConsent(personId, { endsOn: '2026-11-30' }))
    t.clock.set('2026-11-30T20:00:00Z') // 21:00 in Amsterdam: still the 30th
    await t.call('saveSpecialData', special(personId, 'op de laatste dag'))
    t.clock.set('2026-11-30T23:30:00Z') // 00:30 on 1 December in Amsterdam
    await expectRefused(t.call('saveSpecialData', special(personId)), 'CONSENT_REQUIRED')
    expect(await countRows(t, 'special_data')).toBe(1)
  })

  it('a withdrawn consent does not count', async () => {
    const personId = await insertPerson(t)
    const c = await t.call('recordConsent', specialConsent(personId))
    await t.call('withdrawConsent', { consentId: c.id })
    await expectRefused(t.call('saveSpecialData', special(personId)), 'CONSENT_REQUIRED')
    expect(await countRows(t, 'special_data')).toBe(0)
  })

  it('a legal basis the privacy officer deactivated does not count', async () => {
    const personId = await insertPerson(t)
    const basis = await t.call('recordConsent', { personId, category: 'health', purpose: 'personnel', basis: 'legal-basis', legalBasisKey: 'uavg-30-absence' })
    // R-4a: a typed health value is never saved for an employee (only the absence record), so the
    // value that rested on the basis is one saved before the grounds policy.
    await insertLegacySpecialData(t, { personId, consentId: basis.id, category: 'health', purpose: 'personnel', value: 'Re-integratie: aangepast werk' })
    await t.call('saveLegalBasis', { key: 'uavg-30-absence', label: 'UAVG art. 30', description: 'Verzuim', active: false })
    await expectRefused(t.call('saveSpecialData', { ...special(personId), category: 'health' }), 'CONSENT_REQUIRED')
    expect(await countRows(t, 'special_data')).toBe(1)
  })

  it('R-3a, R-4a: no health data for someone who never worked for the agency under an employee\'s ground or purpose', async () => {
    const personId = await insertPerson(t, { roles: ['candidate'], employments: [], purposes: ['mediation', 'personnel'] })
    await expectRefused(t.call('recordConsent', specialConsent(personId, { category: 'health' })), 'GROUND_DOES_NOT_FIT')
    await expectRefused(t.call('recordConsent', { personId, category: 'health', purpose: 'personnel', basis: 'legal-basis', legalBasisKey: 'uavg-30-absence' }), 'GROUND_DOES_NOT_FIT')
    expect(await countRows(t, 'consent')).toBe(0)
    // other categories are not health questions
    await t.call('recordConsent', specialConsent(personId, { category: 'ethnicity' }))
    await t.call('saveSpecialData', { ...special(personId), category: 'ethnicity', value: 'Vrij op vrijdagmiddag' })
    expect(await countRows(t, 'special_data')).toBe(1)
  })
})

describe('with a valid ground it saves', () => {
  it('saves under explicit consent for exactly that category and purpose, audited without the value', async () => {
    const personId = await insertPerson(t)
    const c = await t.call('recordConsent', specialConsent(personId, { endsOn: '2027-11-27' }))
    expect(c.state).toBe('valid')
    const saved = await t.call('saveSpecialData', special(personId, 'Allergie: noten'))
    expect(saved.consentId).toBe(c.id)
    expect(await countRows(t, 'special_data', personId)).toBe(1)
    const entries = await t.app.audit.list(t.app.vault.dataSource.manager, { subjectId: personId, action: 'special.create' })
    expect(entries).toHaveLength(1)
    expect(entries[0]!.fields).toEqual(['special.religion'])
    expect(JSON.stringify(entries)).not.toContain('noten')
  })

  it('records an active legal basis from the seeded list; under it an employee\'s health facts are the absence record only (R-4a)', async () => {
    const personId = await insertPerson(t)
    const bases = await t.call('listLegalBases')
    expect(bases.map((b) => b.key)).toEqual(expect.arrayContaining(['uavg-30-absence', 'wet-poortwachter', 'uavg-22-2b-employment-law']))
    const basis = await t.call('recordConsent', { personId, category: 'health', purpose: 'personnel', basis: 'legal-basis', legalBasisKey: 'wet-poortwachter' })
    expect(basis.state).toBe('valid')
    await expectRefused(t.call('saveSpecialData', { ...special(personId, 'Plan van aanpak opgesteld'), category: 'health' }), 'GROUND_DOES_NOT_FIT')
    await t.call('recordAbsence', { personId, startOn: '2026-11-20', expectedDuration: 'up-to-2-weeks', availability: 'Geen tilwerk' })
    expect(await countRows(t, 'special_data', personId)).toBe(0)
    expect(await countRows(t, 'absence', personId)).toBe(1)
  })

  it('refuses to record a ground with an unknown legal basis, a future date, an end in the past, or a purpose the person does not have', async () => {
    const personId = await insertPerson(t, { purposes: ['temping', 'personnel'] })
    const issue = async (input: Record<string, unknown>) => {
      const r = await t.invoke('recordConsent', input)
      expect(r.ok).toBe(false)
      return r.ok ? null : { code: r.error.code, issues: r.error.issues }
    }
    expect(await issue({ personId, category: 'health', purpose: 'personnel', basis: 'legal-basis', legalBasisKey: 'bestaat-niet' })).toEqual({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'legalBasisKey', key: 'validation.special.legalBasis' }]
    })
    expect((await issue(specialConsent(personId, { givenOn: '2026-11-28' })))?.issues).toEqual([{ path: 'givenOn', key: 'validation.date.future' }])
    expect((await issue(specialConsent(personId, { givenOn: '2026-01-01', endsOn: '2026-11-26' })))?.issues).toEqual([{ path: 'endsOn', key: 'validation.consent.endsInPast' }])
    expect((await issue(specialConsent(personId, { purpose: 'payroll' })))?.issues).toEqual([{ path: 'purpose', key: 'validation.special.purpose' }])
    expect((await issue({ ...specialConsent(personId), category: 'astrology' }))?.code).toBe('VALIDATION_FAILED')
    expect((await issue(specialConsent(personId, { wording: '   ' })))?.issues).toEqual([{ path: 'wording', key: 'validation.required' }])
    expect(await countRows(t, 'consent')).toBe(0)
  })
})

describe('who may do what', () => {
  it('office staff record consent and data but cannot view it (issue 15: sealed to the restricted key); a privacy officer can; an admin-only account may not', async () => {
    const personId = await insertPerson(t)
    await signInAs(t, 'medewerker', ['staff'])
    await t.call('recordConsent', specialConsent(personId))
    await t.call('saveSpecialData', special(personId))
    await expectRefused(t.call('viewSpecialData', { personId }), 'FORBIDDEN')
    expect(t.app.vault.restricted.held).toBe(false)
    await expectRefused(t.call('saveLegalBasis', { key: 'nieuw', label: 'x', description: 'y', active: true }), 'FORBIDDEN')
    await expectRefused(t.call('getConsentReview'), 'FORBIDDEN')

    await signInAs(t, 'privacy', ['privacy_officer'])
    expect((await t.call('viewSpecialData', { personId })).items).toEqual([expect.objectContaining({ value: special(personId).value })])

    await signInAs(t, 'technisch-beheer', ['admin'])
    await expectRefused(t.call('viewSpecialData', { personId }), 'FORBIDDEN')
    await expectRefused(t.call('listConsents', { personId }), 'FORBIDDEN')
  })

  it('R-14: a shielded record is for privacy officers only', async () => {
    const personId = await insertPerson(t, { state: 'shielded' })
    await t.call('recordConsent', specialConsent(personId))
    await signInAs(t, 'medewerker', ['staff'])
    await expectRefused(t.call('listConsents', { personId }), 'RETENTION_SHIELDED')
    await expectRefused(t.call('saveSpecialData', special(personId)), 'RETENTION_SHIELDED')
    expect(await countRows(t, 'special_data')).toBe(0)
  })

  it('an unknown person is NOT_FOUND', async () => {
    await expectRefused(t.call('saveSpecialData', special('3f1c2a4e-0000-4000-8000-000000000000')), 'NOT_FOUND')
  })
})
