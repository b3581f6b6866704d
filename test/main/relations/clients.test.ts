import { afterEach, describe, expect, it } from 'vitest'
import { AuditEntryEntity } from '../../../src/main/vault/entities/AuditEntry'
import { ClientEntity } from '../../../src/main/vault/entities/Client'
import { EmploymentEntity } from '../../../src/main/vault/entities/Employment'
import { PersonRoleEntity } from '../../../src/main/vault/entities/PersonRoleRow'
import type { OperationInput } from '../../../src/shared/contract/client'
import { newTestApp } from '../../support/testApp'
import { insertPerson } from './relationsFixtures'

const disposers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const d of disposers.splice(0)) await d()
})
async function app() {
  const t = await newTestApp()
  disposers.push(() => t.dispose())
  return t
}
type T = Awaited<ReturnType<typeof app>>

async function auditRows(t: T, action: string) {
  return t.app.vault.dataSource.getRepository(AuditEntryEntity).find({ where: { action }, order: { seq: 'ASC' } })
}

async function newClient(t: T, input: Partial<OperationInput<'createClient'>> = {}) {
  const { clientId } = await t.call('createClient', { name: 'Bakkerij Van Dijk B.V.', city: 'Tilburg', ...input })
  return clientId
}

describe('clients (opdrachtgevers, R-5)', () => {
  it('registers a client with NAW, e-mail and phone, normalised by the shared schemas, and audits field names only', async () => {
    const t = await app()
    const clientId = await newClient(t, { street: 'Spoorlaan', houseNumber: '2', postcode: '5038cb', email: ' Info@VanDijk.NL ', phone: '013-5441234' })
    const stored = await t.app.vault.dataSource.getRepository(ClientEntity).findOneByOrFail({ id: clientId })
    expect(stored).toMatchObject({ postcode: '5038 CB', email: 'info@vandijk.nl', phone: '+31135441234', createdAt: '2026-11-27T10:00:00.000Z' })
    const [entry] = await auditRows(t, 'client.create')
    expect(entry).toMatchObject({ subjectId: clientId, fields: ['city', 'email', 'houseNumber', 'name', 'phone', 'postcode', 'street'] })
    expect(JSON.stringify(entry)).not.toContain('vandijk')
  })

  it('refuses a bad postcode, phone or e-mail with the field named, and saves nothing', async () => {
    const t = await app()
    const err = await t.call('createClient', { name: 'Fout B.V.', postcode: '123 AB', phone: '12', email: 'geen-adres' }).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'VALIDATION_FAILED' })
    expect((err as { issues: { path: string; key: string }[] }).issues).toEqual(
      expect.arrayContaining([
        { path: 'postcode', key: 'validation.postcode.invalid' },
        { path: 'phone', key: 'validation.phone.invalid' },
        { path: 'email', key: 'validation.email.invalid' }
      ])
    )
    expect(await t.app.vault.dataSource.getRepository(ClientEntity).count()).toBe(0)
  })

  it('keeps client names unique, whatever their case', async () => {
    const t = await app()
    await newClient(t)
    await expect(t.call('createClient', { name: 'bakkerij van dijk b.v.' })).rejects.toMatchObject({ code: 'CONFLICT', issues: [{ path: 'name', key: 'validation.duplicate' }] })
  })

  it('changes only what differs, clears a field with null, and audits the changed names', async () => {
    const t = await app()
    const clientId = await newClient(t, { email: 'info@vandijk.nl' })
    const r = await t.call('updateClient', { clientId, changes: { city: 'Tilburg', email: null, phone: '+31 13 544 1234' } })
    expect(r.changedFields).toEqual(['email', 'phone'])
    expect(await t.app.vault.dataSource.getRepository(ClientEntity).findOneByOrFail({ id: clientId })).toMatchObject({ email: null, phone: '+31135441234', city: 'Tilburg' })
    expect((await auditRows(t, 'client.update')).map((a) => a.fields)).toEqual([['email', 'phone']])
    await expect(t.call('updateClient', { clientId: '6c1d9d0e-7a3b-4b1e-9a55-2c8f4a1e0b11', changes: { city: 'Breda' } })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('lists clients by name with their number of contacts, filtered by name or city', async () => {
    const t = await app()
    const a = await newClient(t, { name: 'Zorggroep Oost', city: 'Enschede' })
    await newClient(t, { name: 'Bouwbedrijf Aalders', city: 'Breda' })
    await t.call('addClientContact', { clientId: a, givenName: 'Ilse', familyName: 'Mulder', function: 'HR-adviseur' })
    const all = await t.call('listClients', {})
    expect(all.map((c) => [c.name, c.contactCount])).toEqual([
      ['Bouwbedrijf Aalders', 0],
      ['Zorggroep Oost', 1]
    ])
    expect((await t.call('listClients', { query: 'enschede' })).map((c) => c.name)).toEqual(['Zorggroep Oost'])
    expect(await t.call('listClients', { query: '%' })).toEqual([])
  })
})

describe('contact persons (contactpersonen, R-5)', () => {
  it('adds, changes and removes contact persons with their function; every step audited on the client without values', async () => {
    const t = await app()
    const clientId = await newClient(t)
    const { contactId } = await t.call('addClientContact', { clientId, givenName: 'Ilse', familyName: 'Mulder', email: 'I.Mulder@vandijk.nl', phone: '0612345678', function: 'HR-adviseur' })
    let detail = await t.call('getClient', { clientId })
    expect(detail.contacts).toEqual([{ id: contactId, clientId, givenName: 'Ilse', familyName: 'Mulder', email: 'i.mulder@vandijk.nl', phone: '+31612345678', function: 'HR-adviseur' }])

    expect((await t.call('updateClientContact', { contactId, changes: { function: 'Manager personeelszaken', phone: null } })).changedFields).toEqual(['phone', 'function'])
    detail = await t.call('getClient', { clientId })
    expect(detail.contacts[0]).toMatchObject({ function: 'Manager personeelszaken', phone: null })

    await t.call('removeClientContact', { contactId })
    expect((await t.call('getClient', { clientId })).contacts).toEqual([])

    const updates = await auditRows(t, 'client.update')
    expect(updates.map((u) => u.fields)).toEqual([
      ['contact.email', 'contact.familyName', 'contact.function', 'contact.givenName', 'contact.phone', 'contacts'],
      ['contact.function', 'contact.phone'],
      ['contacts']
    ])
    expect(updates.every((u) => u.subjectId === clientId)).toBe(true)
    expect(JSON.stringify(updates)).not.toMatch(/Mulder|mulder|Manager/)
    expect((await auditRows(t, 'client.view')).length).toBe(3)
  })

  it('refuses a contact without a family name or for an unknown client', async () => {
    const t = await app()
    const clientId = await newClient(t)
    await expect(t.callUnchecked('addClientContact', { clientId, givenName: 'Ilse' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'familyName', key: 'validation.required' }] })
    await expect(t.call('addClientContact', { clientId: '6c1d9d0e-7a3b-4b1e-9a55-2c8f4a1e0b11', givenName: 'Ilse', familyName: 'Mulder' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('assignments (a person placed with a client)', () => {
  it("writes an employment at the client, makes the person a flexworker, and lists it on both sides", async () => {
    const t = await app()
    const clientId = await newClient(t)
    const person = await insertPerson(t.app, { roles: ['candidate'] })
    const { employmentId } = await t.call('addAssignment', { personId: person.id, clientId, start: '2026-12-01', kind: 'uitzenden' })
    expect(await t.app.vault.dataSource.getRepository(EmploymentEntity).findOneByOrFail({ id: employmentId })).toMatchObject({ personId: person.id, clientId, start: '2026-12-01', end: null, kind: 'uitzenden' })
    expect((await t.app.vault.dataSource.getRepository(PersonRoleEntity).findBy({ personId: person.id })).map((r) => r.role).sort()).toEqual(['candidate', 'flexworker'])

    const forPerson = await t.call('listAssignments', { personId: person.id })
    expect(forPerson).toEqual([{ employmentId, personId: person.id, personName: 'Sanne de Boer', clientId, clientName: 'Bakkerij Van Dijk B.V.', start: '2026-12-01', end: null, kind: 'uitzenden' }])
    expect((await t.call('getClient', { clientId })).assignments.map((a) => a.employmentId)).toEqual([employmentId])
  })

  it('refuses an unknown client, an end before the start, and a shielded person', async () => {
    const t = await app()
    const clientId = await newClient(t)
    const person = await insertPerson(t.app)
    await expect(t.call('addAssignment', { personId: person.id, clientId: '6c1d9d0e-7a3b-4b1e-9a55-2c8f4a1e0b11', start: '2026-12-01', kind: 'uitzenden' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(t.call('addAssignment', { personId: person.id, clientId, start: '2026-12-01', end: '2026-11-01', kind: 'uitzenden' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'end', key: 'validation.period.endBeforeStart' }]
    })
    const shielded = await insertPerson(t.app, { state: 'shielded', shieldedOn: '2026-11-01', givenName: 'Kees' })
    await expect(t.call('addAssignment', { personId: shielded.id, clientId, start: '2026-12-01', kind: 'uitzenden' })).rejects.toMatchObject({ code: 'RETENTION_SHIELDED' })
    expect(await t.app.vault.dataSource.getRepository(EmploymentEntity).count()).toBe(0)
  })

  it("leaves shielded persons out of a client's assignment list (R-14)", async () => {
    const t = await app()
    const clientId = await newClient(t)
    await insertPerson(t.app, { employments: [{ clientId, start: '2025-01-01', end: '2025-06-30' }] })
    await insertPerson(t.app, { givenName: 'Kees', state: 'shielded', shieldedOn: '2026-11-01', employments: [{ clientId, start: '2024-01-01', end: '2024-06-30' }] })
    const list = await t.call('listAssignments', { clientId })
    expect(list.map((a) => a.personName)).toEqual(['Sanne de Boer'])
  })
})
