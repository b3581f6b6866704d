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
    expect(rows(t, 'person')[0]!['bsn']).toBeNull()
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
    const views = t.app.vault.db.prepare("SELECT fields FROM audit_entry WHERE action = 'person.view' ORDER BY seq").all() as { fields: string }[]
    expect(views.map((v) => JSON.parse(v.fields))).toEqual([[], ['bsn']])
  })

  it('refuses a BSN without a BSN purpose (payroll or client identification) with BSN_NOT_ALLOWED', async () => {
    const id = await employedPerson(['mediation', 'temping'])
    const e = await failure(t.call('recordEmploymentData', { personId: id, ...employmentData() }))
    expect(e.code).toBe('BSN_NOT_ALLOWED')
    expect(e.issues).toEqual([{ path: 'bsn', key: 'validation.bsn.purpose' }])
    expect(rows(t, 'person')[0]!['bsn']).toBeNull()
    // The rest can be recorded without the BSN.
    await t.call('recordEmploymentData', { personId: id, ...employmentData({ bsn: undefined }) })
    expect((await detail(t, id)).employmentData.nationality).toBe('NL')
  })

  it('accepts the client-identification purpose for the BSN', async () => {
    const id = await employedPerson(['mediation', 'client-identification'])
    await t.call('recordEmploymentData', { personId: id, ...employmentData() })
    expect(rows(t, 'person')[0]!['bsn']).toBe(BSN)
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
