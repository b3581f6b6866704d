import { randomUUID } from 'node:crypto'
import type { EntityManager } from 'typeorm'
import type { ParsedInputOf } from '../../shared/contract/operation'
import type { ContactChanges, ContactView, relationsOperations } from '../../shared/contract/relations'
import { DossierError } from '../../shared/errors'
import type { Workspace } from '../workspace/Workspace'
import { type ClientContact, ClientContactEntity } from '../vault/entities/Client'
import { findClient } from './findClient'

type Ops = typeof relationsOperations

/**
 * contact persons (contactpersonen) of a client: name, e-mail, phone, function. They are
 * natural persons, so every change is audited on the client as `client.update` with the changed
 * field names prefixed `contact.` (never values).
 */
const CONTACT_FIELDS = ['givenName', 'familyName', 'email', 'phone', 'function'] as const
type ContactField = (typeof CONTACT_FIELDS)[number]

export function toContactView(c: ClientContact): ContactView {
  return { id: c.id, clientId: c.clientId, givenName: c.givenName, familyName: c.familyName, email: c.email, phone: c.phone, function: c.function }
}

export async function findContact(m: EntityManager, contactId: string): Promise<ClientContact> {
  const contact = await m.getRepository(ClientContactEntity).findOneBy({ id: contactId })
  if (!contact) throw new DossierError('NOT_FOUND', 'No contact person with this id.')
  return contact
}

export async function addClientContact(ws: Workspace, input: ParsedInputOf<Ops['addClientContact']>): Promise<{ contactId: string }> {
  return ws.write(async ({ manager: m, audit }) => {
    const client = await findClient(m, input.clientId)
    const contact: ClientContact = {
      id: randomUUID(),
      clientId: client.id,
      givenName: input.givenName,
      familyName: input.familyName,
      email: input.email ?? null,
      phone: input.phone ?? null,
      function: input.function ?? null
    }
    await m.getRepository(ClientContactEntity).insert(contact)
    await audit({ action: 'client.update', subjectId: client.id, fields: ['contacts', ...CONTACT_FIELDS.filter((f) => contact[f] !== null).map((f) => `contact.${f}`)] })
    return { contactId: contact.id }
  })
}

export async function updateClientContact(ws: Workspace, input: ParsedInputOf<Ops['updateClientContact']>): Promise<{ contactId: string; changedFields: string[] }> {
  return ws.write(async ({ manager: m, audit }) => {
    const contact = await findContact(m, input.contactId)
    const changes: Partial<Record<ContactField, string | null>> = {}
    const changed: ContactField[] = []
    for (const f of CONTACT_FIELDS) {
      const next: string | null | undefined = (input.changes as ContactChanges)[f]
      if (next === undefined || next === contact[f]) continue
      changes[f] = next
      changed.push(f)
    }
    if (changed.length > 0) {
      await m.getRepository(ClientContactEntity).update({ id: contact.id }, changes as Partial<ClientContact>)
      await audit({ action: 'client.update', subjectId: contact.clientId, fields: changed.map((f) => `contact.${f}`) })
    }
    return { contactId: contact.id, changedFields: changed }
  })
}

/** Deletes a contact person (e.g. who left the client): their data goes, the audit entry stays. */
export async function removeClientContact(ws: Workspace, input: ParsedInputOf<Ops['removeClientContact']>): Promise<{ contactId: string }> {
  return ws.write(async ({ manager: m, audit }) => {
    const contact = await findContact(m, input.contactId)
    await m.getRepository(ClientContactEntity).delete({ id: contact.id })
    await audit({ action: 'client.update', subjectId: contact.clientId, fields: ['contacts'], reason: 'contact removed' })
    return { contactId: contact.id }
  })
}
