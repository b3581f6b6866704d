import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { updateVersioned } from '../../../src/main/people/personVersion'
import { PersonEntity } from '../../../src/main/vault/entities/Person'
import { newTestApp } from '../../support/testApp'
import { type TestApp, TODAY, create, detail, failure, fullIntake, rows } from './peopleFixtures'

/**
 * Issue 17 point 4: optimistic locking on person edits. Two screens opened the same record; the
 * second to save must not overwrite the first's change unseen. On the real encrypted vault.
 */
let t: TestApp
beforeEach(async () => {
  t = await newTestApp()
})
afterEach(async () => {
  await t.dispose()
})

const updates = async () => (await rows(t, 'audit_entry')).filter((r) => r['action'] === 'person.update').length

describe('a person edit made on a record that changed meanwhile (issue 17 point 4)', () => {
  it('is refused with RECORD_CHANGED and writes nothing; the first save stays, and a save from the new version goes through', async () => {
    const id = await create(t, fullIntake())
    const opened = await detail(t, id) // both screens load the record
    expect(opened.version).toBe(1)

    const first = await t.call('updatePerson', { personId: id, changes: { phone: '0611111111' }, reason: 'Nieuw nummer', expectedVersion: opened.version })
    expect(first.changedFields).toEqual(['phone'])
    expect((await detail(t, id)).version).toBe(2)
    const auditBefore = await updates()
    const changesBefore = (await rows(t, 'field_change')).length

    const stale = await failure(t.call('updatePerson', { personId: id, changes: { phone: '0622222222', availability: 'Alleen weekenden' }, reason: 'Ander nummer', expectedVersion: opened.version }))
    expect(stale.code).toBe('RECORD_CHANGED')
    expect(stale.detail).toEqual({ version: 2 })
    // Nothing of the stale save: not the value, not a field-change line, not an audit entry.
    const now = await detail(t, id)
    expect(now.phone).toBe('+31611111111')
    expect(now.availability).toBe(opened.availability)
    expect(now.version).toBe(2)
    expect(await updates()).toBe(auditBefore)
    expect(await rows(t, 'field_change')).toHaveLength(changesBefore)
    // The error names no value.
    expect(JSON.stringify(stale)).not.toContain('0622222222')

    const again = await t.call('updatePerson', { personId: id, changes: { phone: '0622222222' }, reason: 'Ander nummer', expectedVersion: now.version })
    expect(again.changedFields).toEqual(['phone'])
    expect((await detail(t, id)).version).toBe(3)
  })

  it('counts a change of roles or purposes alone, which live in their own tables', async () => {
    const id = await create(t, fullIntake())
    await t.call('updatePerson', { personId: id, changes: { roles: ['candidate', 'contact'] }, reason: 'Ook contactpersoon', expectedVersion: 1 })
    expect((await detail(t, id)).version).toBe(2)
    expect((await failure(t.call('updatePerson', { personId: id, changes: { email: null }, reason: 'Oud adres', expectedVersion: 1 }))).code).toBe('RECORD_CHANGED')
  })

  it('counts changes made by every other path, so a stale edit is refused after them too', async () => {
    const id = await create(t, fullIntake())
    await t.call('setUnsubscribed', { personId: id, unsubscribedOn: TODAY, reason: 'Belde af' })
    const afterUnsubscribe = (await detail(t, id)).version
    expect(afterUnsubscribe).toBe(2)
    expect((await failure(t.call('updatePerson', { personId: id, changes: { phone: '0633333333' }, reason: 'x', expectedVersion: 1 }))).code).toBe('RECORD_CHANGED')

    // A statement from outside the services (a SQL client with the key): the database counts it.
    await t.sql('UPDATE "person" SET "email" = :email WHERE "id" = :id', { email: 'ander@example.nl', id })
    expect((await detail(t, id)).version).toBe(afterUnsubscribe + 1)

    // Bookkeeping that is not the record's content (the retention run's next check date) is not a change.
    await t.sql('UPDATE "person" SET "retentionCheckOn" = :on WHERE "id" = :id', { on: '2027-01-01', id })
    expect((await detail(t, id)).version).toBe(afterUnsubscribe + 1)
  })

  it('refuses a stale employment-data form, which sends every field, so it cannot undo a colleague\'s change', async () => {
    const id = await create(t, fullIntake({ purposes: ['mediation', 'temping', 'payroll'] }))
    await t.call('addEmployment', { personId: id, start: '2026-11-23', end: null, kind: 'uitzenden' })
    const data = {
      nationality: 'nl',
      idDocument: { type: 'passport' as const, number: 'NP12AB34C', expiry: '2031-05-01' },
      idVerifiedOn: '2026-11-27',
      workPermit: null,
      vogDate: '2026-11-20',
      iban: 'NL91ABNA0417164300',
      maritalStatus: 'married' as const
    }
    const loaded = await detail(t, id)
    await t.call('recordEmploymentData', { personId: id, ...data, expectedVersion: loaded.version })
    const colleague = await detail(t, id)
    await t.call('recordEmploymentData', { personId: id, ...data, iban: 'NL20INGB0001234567', reason: 'Nieuwe rekening', expectedVersion: colleague.version })
    // A form filled before the colleague's save sends the old IBAN back: refused, the new one stays.
    const stale = await failure(t.call('recordEmploymentData', { personId: id, ...data, maritalStatus: 'divorced', reason: 'Gescheiden', expectedVersion: colleague.version }))
    expect(stale.code).toBe('RECORD_CHANGED')
    const now = await detail(t, id)
    expect(now.employmentData.iban).toBe('NL20INGB0001234567')
    expect(now.employmentData.maritalStatus).toBe('married')
  })

  it('writes nothing when the version moved between the read and the write (the second of two desks saving at once)', async () => {
    const id = await create(t, fullIntake())
    const manager = t.app.vault.dataSource.manager
    const read = (await manager.getRepository(PersonEntity).findOneByOrFail({ id }))
    // Another desk's save lands after this edit read the record, before it writes.
    await t.sql('UPDATE "person" SET "phone" = :phone WHERE "id" = :id', { phone: '+31677778888', id })
    const e = await failure(updateVersioned({ manager, fields: t.app.vault.fields }, read, { phone: '+31699990000' }))
    expect(e.code).toBe('RECORD_CHANGED')
    expect((await detail(t, id)).phone).toBe('+31677778888')
    // From the version as it is now, the same write goes through and counts one change.
    const fresh = await manager.getRepository(PersonEntity).findOneByOrFail({ id })
    await updateVersioned({ manager, fields: t.app.vault.fields }, fresh, { phone: '+31699990000' })
    expect(await manager.getRepository(PersonEntity).findOneByOrFail({ id })).toMatchObject({ phone: '+31699990000', version: fresh.version + 1 })
  })

  it('without an expected version (the command line) the edit is checked as before and still moves the version', async () => {
    const id = await create(t, fullIntake())
    await t.call('updatePerson', { personId: id, changes: { phone: '0644444444' }, reason: 'Via de balie' })
    expect((await detail(t, id)).version).toBe(2)
  })

  it('refuses an expected version that is not a positive whole number', async () => {
    const id = await create(t, fullIntake())
    for (const expectedVersion of [0, -1, 1.5, '1']) {
      expect((await failure(t.call('updatePerson', { personId: id, changes: { phone: '0655555555' }, reason: 'x', expectedVersion } as never))).code).toBe('VALIDATION_FAILED')
    }
  })
})
