import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OperationInput } from '../../../src/shared/contract/client'
import { newTestApp } from '../../support/testApp'
import { type PersonInput, type TestApp, create, detail, failure, fullIntake, rows } from './peopleFixtures'

let t: TestApp
beforeEach(async () => {
  t = await newTestApp()
})
afterEach(async () => {
  await t.dispose()
})

const BSN = '123456782'
type EmploymentDataInput = Omit<OperationInput<'recordEmploymentData'>, 'personId'>
function employmentData(overrides: Partial<EmploymentDataInput> = {}): EmploymentDataInput {
  return {
    nationality: 'nl',
    bsn: '1234.56.782',
    idDocument: { type: 'passport', number: 'np12 ab34c', expiry: '2031-05-01' },
    idVerifiedOn: '2026-11-27',
    workPermit: null,
    vogDate: '2026-11-20',
    iban: 'nl91 abna 0417 1643 00',
    maritalStatus: 'married',
    ...overrides
  }
}

async function employedPerson(purposes: PersonInput['purposes'] = ['mediation', 'temping', 'payroll']): Promise<string> {
  const id = await create(t, fullIntake({ purposes }))
  await t.call('addEmployment', { personId: id, start: '2026-11-23', end: null, kind: 'uitzenden' })
  return id
}

describe('employment data (R-3, R-3a, UAVG art. 46)', () => {
  it('is refused before the person has an employment', async () => {
    const id = await create(t, fullIntake({ purposes: ['mediation', 'payroll'] }))
    const e = await failure(t.call('recordEmploymentData', { personId: id, ...employmentData() }))
    expect(e.code).toBe('EMPLOYMENT_REQUIRED')
    expect((await rows(t, 'person'))[0]!['bsn']).toBeNull()
  })

  it('records nationality, BSN, ID record, VOG, IBAN and marital status once employed; shows the BSN masked', async () => {
    const id = await employedPerson()
    await t.call('recordEmploymentData', { personId: id, ...employmentData() })
    const p = await detail(t, id)
    expect(p.roles).toContain('flexworker')
    expect(p.employmentData).toEqual({
      nationality: 'NL',
      bsn: '******782',
      bsnRevealed: false,
      idDocument: { type: 'passport', number: 'NP12AB34C', expiry: '2031-05-01' },
      idVerifiedOn: '2026-11-27',
      workPermit: null,
      vogDate: '2026-11-20',
      iban: 'NL91ABNA0417164300',
      maritalStatus: 'married'
    })
    expect(JSON.stringify(p)).not.toContain(BSN)
  })

  it('reveals the BSN only when asked, and audits that view with the field name bsn', async () => {
    const id = await employedPerson()
    await t.call('recordEmploymentData', { personId: id, ...employmentData() })
    expect((await detail(t, id)).employmentData.bsn).toBe('******782')
    const p = await detail(t, id, { revealBsn: true })
    expect(p.employmentData).toMatchObject({ bsn: BSN, bsnRevealed: true })
    const views = await t.sql<{ fields: string }>('SELECT "fields" FROM "audit_entry" WHERE "action" = :action ORDER BY "seq"', { action: 'person.view' })
    expect(views.map((v) => JSON.parse(v.fields))).toEqual([[], ['bsn']])
  })

  it('keeps the stored BSN unrevealed when the form sends keepBsn, so editing never shows it (issue 16)', async () => {
    const id = await employedPerson()
    await t.call('recordEmploymentData', { personId: id, ...employmentData() })
    const { bsn: _bsn, ...rest } = employmentData({ iban: 'NL02ABNA0123456789' })
    const r = await t.call('recordEmploymentData', { personId: id, ...rest, keepBsn: true, reason: 'Nieuwe rekening' })
    expect(r.changedFields).toEqual(['iban'])
    expect((await rows(t, 'person'))[0]!['bsn']).toBe(BSN)
    // No view of the BSN was needed (only the audited reveal names it).
    const views = await t.sql<{ fields: string }>('SELECT "fields" FROM "audit_entry" WHERE "action" = :action', { action: 'person.view' })
    expect(views.filter((v) => v.fields.includes('bsn'))).toEqual([])
    expect((await failure(t.call('recordEmploymentData', { personId: id, ...employmentData(), keepBsn: true }))).code).toBe('VALIDATION_FAILED')
  })

  it('refuses a BSN without a BSN purpose (payroll or client identification) with BSN_NOT_ALLOWED', async () => {
    const id = await employedPerson(['mediation', 'temping'])
    const e = await failure(t.call('recordEmploymentData', { personId: id, ...employmentData() }))
    expect(e.code).toBe('BSN_NOT_ALLOWED')
    expect(e.issues).toEqual([{ path: 'bsn', key: 'validation.bsn.purpose' }])
    expect((await rows(t, 'person'))[0]!['bsn']).toBeNull()
    // The rest can be recorded without the BSN.
    await t.call('recordEmploymentData', { personId: id, ...employmentData({ bsn: undefined }) })
    expect((await detail(t, id)).employmentData.nationality).toBe('NL')
  })

  it('accepts the client-identification purpose for the BSN', async () => {
    const id = await employedPerson(['mediation', 'client-identification'])
    await t.call('recordEmploymentData', { personId: id, ...employmentData() })
    expect((await rows(t, 'person'))[0]!['bsn']).toBe(BSN)
  })

  it('refuses a BSN that fails the 11-proof', async () => {
    const id = await employedPerson()
    const e = await failure(t.call('recordEmploymentData', { personId: id, ...employmentData({ bsn: '123456789' }) }))
    expect(e.code).toBe('VALIDATION_FAILED')
    expect(e.issues).toEqual([{ path: 'bsn', key: 'validation.bsn.invalid' }])
  })

  it('needs a reason to change recorded employment data (rectification), not to record it the first time', async () => {
    const id = await employedPerson()
    await t.call('recordEmploymentData', { personId: id, ...employmentData() })
    const e = await failure(t.call('recordEmploymentData', { personId: id, ...employmentData({ iban: 'DE89370400440532013000' }) }))
    expect(e.code).toBe('REASON_REQUIRED')
    const r = await t.call('recordEmploymentData', { personId: id, ...employmentData({ iban: 'DE89370400440532013000' }), reason: 'Nieuw rekeningnummer doorgegeven' })
    expect(r.changedFields).toEqual(['iban'])
  })

  it('will not drop the last BSN purpose while a BSN is stored', async () => {
    const id = await employedPerson()
    await t.call('recordEmploymentData', { personId: id, ...employmentData() })
    const e = await failure(t.call('updatePerson', { personId: id, changes: { purposes: ['mediation', 'temping'] }, reason: 'Doelen bijgewerkt' }))
    expect(e.code).toBe('BSN_NOT_ALLOWED')
    expect(e.issues).toEqual([{ path: 'changes.purposes', key: 'validation.bsn.purpose' }])
  })
})

describe('a BSN only for an employment that has started or starts within 4 weeks (R-16a, R-3a)', () => {
  // Today is 2026-11-27 (the test clock).
  let n = 0
  async function personStarting(...starts: string[]): Promise<string> {
    n++
    const id = await create(t, fullIntake({ ref: `K-16A-${n}`, email: `persoon${n}@example.nl`, phone: `06-1234 56${10 + n}`, familyName: `Persoon ${n}`, purposes: ['mediation', 'temping', 'payroll'] }))
    for (const start of starts) await t.call('addEmployment', { personId: id, start, end: null, kind: 'uitzenden' })
    return id
  }
  const bsnOf = async (id: string) => (await rows(t, 'person')).find((r) => r['id'] === id)!['bsn']
  const updates = () => t.sqlCount('SELECT count(*) AS "n" FROM "audit_entry" WHERE "action" = :action AND "fields" LIKE :field', { action: 'person.update', field: '%nationality%' })

  it('refuses a BSN for an employment that starts in 2031 with BSN_NOT_ALLOWED on the BSN field, naming no value and writing nothing', async () => {
    const id = await personStarting('2031-01-05')
    const e = await failure(t.call('recordEmploymentData', { personId: id, ...employmentData() }))
    expect(e.code).toBe('BSN_NOT_ALLOWED')
    expect(e.issues).toEqual([{ path: 'bsn', key: 'validation.bsn.employmentNotStarted' }])
    expect(JSON.stringify(e)).not.toContain('782')
    expect(String((e as unknown as Error).message)).not.toMatch(/\d{9}/)
    expect(await bsnOf(id)).toBeNull()
    expect((await rows(t, 'person')).find((r) => r['id'] === id)!['nationality']).toBeNull()
    expect(await updates()).toBe(0)
    // Without the BSN the rest of the employment data can be recorded.
    await t.call('recordEmploymentData', { personId: id, ...employmentData({ bsn: undefined }) })
    expect(await bsnOf(id)).toBeNull()
  })

  it('names both reasons when the purpose is missing too', async () => {
    const id = await create(t, fullIntake({ purposes: ['mediation', 'temping'] }))
    await t.call('addEmployment', { personId: id, start: '2031-01-05', end: null, kind: 'uitzenden' })
    const e = await failure(t.call('recordEmploymentData', { personId: id, ...employmentData() }))
    expect(e).toMatchObject({ code: 'BSN_NOT_ALLOWED', issues: [{ path: 'bsn', key: 'validation.bsn.purpose' }, { path: 'bsn', key: 'validation.bsn.employmentNotStarted' }] })
  })

  it('accepts a BSN for an employment that started last year, or starts in 3 weeks', async () => {
    const started = await personStarting('2025-03-01')
    await t.call('recordEmploymentData', { personId: started, ...employmentData() })
    expect(await bsnOf(started)).toBe(BSN)
    const soon = await personStarting('2026-12-18')
    await t.call('recordEmploymentData', { personId: soon, ...employmentData() })
    expect(await bsnOf(soon)).toBe(BSN)
  })

  it('counts 4 weeks as 28 calendar days: accepted for a start on 2026-12-25, refused for 2026-12-26', async () => {
    const inFourWeeks = await personStarting('2026-12-25')
    await t.call('recordEmploymentData', { personId: inFourWeeks, ...employmentData() })
    expect(await bsnOf(inFourWeeks)).toBe(BSN)
    const dayLater = await personStarting('2026-12-26')
    expect(await failure(t.call('recordEmploymentData', { personId: dayLater, ...employmentData() }))).toMatchObject({ code: 'BSN_NOT_ALLOWED' })
    expect(await bsnOf(dayLater)).toBeNull()
  })

  it('accepts it when one of several employments qualifies', async () => {
    const id = await personStarting('2031-01-05', '2026-11-01')
    await t.call('recordEmploymentData', { personId: id, ...employmentData() })
    expect(await bsnOf(id)).toBe(BSN)
  })

  it('refuses a rectification that sets the BSN while no employment has started or starts within 4 weeks', async () => {
    const id = await personStarting('2031-01-05')
    await t.call('recordEmploymentData', { personId: id, ...employmentData({ bsn: undefined }) })
    const e = await failure(t.call('recordEmploymentData', { personId: id, ...employmentData(), reason: 'BSN doorgegeven' }))
    expect(e).toMatchObject({ code: 'BSN_NOT_ALLOWED', issues: [{ path: 'bsn', key: 'validation.bsn.employmentNotStarted' }] })
    expect(await bsnOf(id)).toBeNull()
  })

  it('never sets a BSN through the intake rectification (updatePerson): the field does not exist there', async () => {
    const id = await personStarting('2031-01-05')
    const e = await failure(t.callUnchecked('updatePerson', { personId: id, changes: { bsn: BSN }, reason: 'BSN doorgegeven' }))
    expect(e.code).toBe('VALIDATION_FAILED')
    expect(e.issues).toEqual([expect.objectContaining({ key: 'validation.unknownField' })])
    expect(await bsnOf(id)).toBeNull()
  })
})

describe('employment periods and W&S procedures (R-11, R-13)', () => {
  it('adds and ends an employment period and a W&S procedure; roles follow', async () => {
    const id = await create(t, fullIntake())
    const { employmentId } = await t.call('addEmployment', { personId: id, start: '2026-01-05', end: null, kind: 'detachering' })
    await t.call('endEmployment', { employmentId, end: '2026-06-30' })
    const { procedureId } = await t.call('addRecruitmentProcedure', { personId: id, clientName: 'Voorbeeld Logistiek B.V.', start: '2026-02-01', end: null })
    await t.call('endRecruitmentProcedure', { procedureId, end: '2026-03-15' })
    const p = await detail(t, id)
    expect(p.employments).toEqual([{ id: employmentId, start: '2026-01-05', end: '2026-06-30', kind: 'detachering', clientId: null }])
    expect(p.recruitment).toEqual([{ id: procedureId, clientId: null, clientName: 'Voorbeeld Logistiek B.V.', start: '2026-02-01', end: '2026-03-15' }])
    expect(p.roles).toEqual(['candidate', 'flexworker', 'ws-candidate'])
    expect(p.fieldHistory.map((h) => h.field)).toEqual(expect.arrayContaining(['employments', 'recruitment', 'roles']))
  })

  it('refuses an end before the start', async () => {
    const id = await create(t, fullIntake())
    const { employmentId } = await t.call('addEmployment', { personId: id, start: '2026-01-05', end: null, kind: 'payroll' })
    const e = await failure(t.call('endEmployment', { employmentId, end: '2025-12-31' }))
    expect(e.issues).toEqual([{ path: 'end', key: 'validation.period.endBeforeStart' }])
  })

  it('records the unsubscribe date: not in the future, not before registration', async () => {
    const id = await create(t, fullIntake({ registeredOn: '2026-01-10', statementShownOn: '2026-01-10' }))
    expect((await failure(t.call('setUnsubscribed', { personId: id, unsubscribedOn: '2026-11-28' }))).issues).toEqual([{ path: 'unsubscribedOn', key: 'validation.date.future' }])
    expect((await failure(t.call('setUnsubscribed', { personId: id, unsubscribedOn: '2026-01-09' }))).issues).toEqual([
      { path: 'unsubscribedOn', key: 'validation.date.beforeRegistration' }
    ])
    await t.call('setUnsubscribed', { personId: id, unsubscribedOn: '2026-11-01' })
    expect((await detail(t, id)).unsubscribedOn).toBe('2026-11-01')
  })
})
