import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newTestApp } from '../../support/testApp'
import { type TestApp, create, detail, failure, fullIntake, signInAdmin, signInAs } from './peopleFixtures'

let t: TestApp
let id: string
beforeEach(async () => {
  t = await newTestApp()
  id = await create(t, fullIntake())
  // The retention engine shields records; here the state is set directly.
  await t.sql('UPDATE "person" SET "state" = \'shielded\', "shieldedOn" = \'2026-11-27\' WHERE "id" = :id', { id })
})
afterEach(async () => {
  await t.dispose()
})

function shieldedOpenings(): Promise<{ actorId: string; reason: string }[]> {
  return t.sql('SELECT "actorId", "reason" FROM "audit_entry" WHERE "action" = :action AND "subjectId" = :id', { action: 'person.shielded-open', id })
}

describe('shielded environment (R-14)', () => {
  it('refuses staff without the privacy-officer role, with or without a reason', async () => {
    await signInAs(t, 'medewerker', ['staff'])
    expect((await failure(detail(t, id))).code).toBe('RETENTION_SHIELDED')
    expect((await failure(detail(t, id, { reason: 'Nieuwsgierig' }))).code).toBe('RETENTION_SHIELDED')
    expect((await failure(t.call('listAttachments', { personId: id, reason: 'x' }))).code).toBe('RETENTION_SHIELDED')
    expect((await failure(t.call('updatePerson', { personId: id, changes: { phone: '0611223344' }, reason: 'x' }))).code).toBe('RETENTION_SHIELDED')
    expect(await shieldedOpenings()).toEqual([])
  })

  it('refuses a privacy officer who gives no reason, and tells the UI to ask for one', async () => {
    await signInAs(t, 'privacy', ['privacy_officer'])
    const e = await failure(detail(t, id))
    expect(e.code).toBe('RETENTION_SHIELDED')
    expect(e.detail).toEqual({ reasonRequired: true })
    expect(await shieldedOpenings()).toEqual([])
  })

  it('opens for a privacy officer with a reason, and audits the opening with that reason', async () => {
    await signInAs(t, 'privacy', ['privacy_officer'])
    const p = await detail(t, id, { reason: 'Claim van opdrachtgever, verzoek advocaat' })
    expect(p.state).toBe('shielded')
    expect(p.givenName).toBe('Zoë')
    const openings = await shieldedOpenings()
    expect(openings).toHaveLength(1)
    expect(openings[0]!.reason).toBe('Claim van opdrachtgever, verzoek advocaat')
    expect(openings[0]!.actorId).toBe(t.app.session.accountId)
  })

  it('keeps a shielded record read-only, also for a privacy officer with a reason, until the shield is lifted (issue 16)', async () => {
    await signInAs(t, 'privacy', ['privacy_officer'])
    const reason = 'Correctie op verzoek'
    expect((await failure(t.call('updatePerson', { personId: id, changes: { phone: '0611223344' }, reason }))).code).toBe('RECORD_READ_ONLY')
    expect((await failure(t.call('recordEmploymentData', { personId: id, nationality: 'NL', idDocument: { type: 'passport', number: 'NP12AB34C', expiry: '2031-05-01' }, idVerifiedOn: '2026-11-27', reason }))).code).toBe('RECORD_READ_ONLY')
    expect((await failure(t.call('addEmployment', { personId: id, start: '2026-11-23', end: null, kind: 'uitzenden' }))).code).toBe('RETENTION_SHIELDED')
    expect((await detail(t, id, { reason })).phone).toBe('+31612345678')
    // Lifting it (the unsubscribe undone) makes the record active and editable again.
    await t.sql('UPDATE "person" SET "unsubscribedOn" = \'2026-11-27\' WHERE "id" = :id', { id })
    await t.call('setUnsubscribed', { personId: id, unsubscribedOn: null, reason })
    await t.call('updatePerson', { personId: id, changes: { phone: '0611223344' }, reason })
    expect((await detail(t, id)).phone).toBe('+31611223344')
  })

  it('applies to records under legal hold too', async () => {
    await t.sql('UPDATE "person" SET "state" = \'legal-hold\' WHERE "id" = :id', { id })
    await signInAs(t, 'medewerker', ['staff'])
    expect((await failure(detail(t, id))).code).toBe('RETENTION_SHIELDED')
    await signInAdmin(t)
    expect((await detail(t, id, { reason: 'Loonheffingscontrole' })).state).toBe('legal-hold')
  })
})
