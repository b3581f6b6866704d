import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newTestApp } from '../../support/testApp'
import { type TestApp, create, detail, failure, fullIntake, rows, signInAs } from './peopleFixtures'

let t: TestApp
beforeEach(async () => {
  t = await newTestApp()
})
afterEach(async () => {
  await t.dispose()
})

/** Every stored byte of a table as text, to prove a value is not in it. */
async function tableText(table: string): Promise<string> {
  return JSON.stringify((await rows(t, table)))
}

describe('rectification (R-19)', () => {
  it('replaces the values and records which fields changed, when, by whom and why — without the old values', async () => {
    const id = await create(t, fullIntake())
    t.clock.set('2026-11-28T09:00:00Z')
    const r = await t.call('updatePerson', {
      personId: id,
      changes: { email: 'zoe.nieuw@example.nl', address: { street: 'Nieuwe Gracht', houseNumber: '3', postcode: '3512 LZ', city: 'Utrecht' } },
      reason: 'Verhuisd, doorgegeven aan de balie'
    })
    expect(r.changedFields).toEqual(['email', 'houseNumber', 'postcode', 'street'])

    const changes = (await rows(t, 'field_change'))
    expect(changes).toHaveLength(1)
    expect(changes[0]).toMatchObject({ personId: id, changedAt: '2026-11-28T09:00:00.000Z', reason: 'Verhuisd, doorgegeven aan de balie' })
    expect(JSON.parse(changes[0]!['fields'] as string)).toEqual(['email', 'houseNumber', 'postcode', 'street'])

    // The old values are nowhere: not in the person row, not in field_change, not in the audit trail.
    for (const old of ['zoe.vandenberg@example.nl', 'Voorbeeldstraat', '1234 AB']) {
      expect(await tableText('person')).not.toContain(old)
      expect(await tableText('field_change')).not.toContain(old)
      expect(await tableText('audit_entry')).not.toContain(old)
    }
    // …and neither are the new ones in the history tables.
    for (const value of ['zoe.nieuw@example.nl', 'Nieuwe Gracht']) {
      expect(await tableText('field_change')).not.toContain(value)
      expect(await tableText('audit_entry')).not.toContain(value)
    }
    const [audit] = await t.sql<{ fields: string; reason: string }>('SELECT "fields", "reason" FROM "audit_entry" WHERE "action" = :action', { action: 'person.update' })
    expect(JSON.parse(audit!.fields)).toEqual(['email', 'houseNumber', 'postcode', 'street'])
    expect(audit!.reason).toBe('Verhuisd, doorgegeven aan de balie')
  })

  it('tells per field when it was last changed and by whom', async () => {
    const id = await create(t, fullIntake())
    t.clock.set('2026-11-28T09:00:00Z')
    await t.call('updatePerson', { personId: id, changes: { phone: '0687654321' }, reason: 'Nieuw nummer' })
    await signInAs(t, 'medewerker', ['staff'])
    t.clock.set('2026-11-29T09:00:00Z')
    await t.call('updatePerson', { personId: id, changes: { phone: '0611223344', availability: null }, reason: 'Weer nieuw nummer' })
    const p = await detail(t, id)
    expect(p.fieldHistory).toEqual([
      { field: 'availability', changedAt: '2026-11-29T09:00:00.000Z', changedBy: 'medewerker', reason: 'Weer nieuw nummer' },
      { field: 'phone', changedAt: '2026-11-29T09:00:00.000Z', changedBy: 'medewerker', reason: 'Weer nieuw nummer' }
    ])
    expect(p.availability).toBeNull()
    const history = await t.call('getPersonHistory', { personId: id })
    expect(history.createdBy).toBe('Beheerder')
    expect(history.changes.map((c) => [c.changedBy, c.fields])).toEqual([
      ['medewerker', ['availability', 'phone']],
      ['Beheerder', ['phone']]
    ])
  })

  it('keeps the search keys in step with a changed name', async () => {
    const id = await create(t, fullIntake())
    await t.call('updatePerson', { personId: id, changes: { familyName: 'de Vries-Öztürk' }, reason: 'Naam na huwelijk' })
    const search = async (query: string) => (await t.call('searchPersons', { query })).items.map((i) => i.id)
    expect(await search('vries')).toEqual([id])
    expect(await search('berg')).toEqual([])
    expect((await rows(t, 'person'))[0]).toMatchObject({ searchFamily: 'vries-ozturk de' })
  })

  it('needs a reason, keeps the person rules, and writes nothing when nothing changes', async () => {
    const id = await create(t, fullIntake())
    expect((await failure(t.callUnchecked('updatePerson', { personId: id, changes: { phone: '0687654321' } }))).code).toBe('VALIDATION_FAILED')
    const e = await failure(t.call('updatePerson', { personId: id, changes: { email: null, phone: null }, reason: 'Test' }))
    expect(e.issues).toEqual([{ path: 'changes.email', key: 'validation.contact.required' }])
    const same = await t.call('updatePerson', { personId: id, changes: { givenName: 'Zoë' }, reason: 'Niets' })
    expect(same.changedFields).toEqual([])
    expect(await rows(t, 'field_change')).toHaveLength(0)
  })

  it('validates changed dates against today', async () => {
    const id = await create(t, fullIntake())
    const e = await failure(t.call('updatePerson', { personId: id, changes: { birthDate: '2030-01-01', registeredOn: '2027-01-01' }, reason: 'x' }))
    expect(e.issues).toEqual(
      expect.arrayContaining([
        { path: 'changes.birthDate', key: 'validation.birthDate.future' },
        { path: 'changes.registeredOn', key: 'validation.date.future' }
      ])
    )
  })

  it('changes roles and purposes with their legal bases', async () => {
    const id = await create(t, fullIntake())
    await t.call('updatePerson', { personId: id, changes: { roles: ['candidate', 'ws-candidate'], purposes: ['recruitment', 'quality'] }, reason: 'W&S-traject' })
    const p = await detail(t, id)
    expect(p.roles).toEqual(['candidate', 'ws-candidate'])
    expect(p.purposes).toEqual([
      { purpose: 'quality', legalBasis: 'legitimate-interest' },
      { purpose: 'recruitment', legalBasis: 'legitimate-interest' }
    ])
  })
})
