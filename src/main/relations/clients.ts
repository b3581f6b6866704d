import { randomUUID } from 'node:crypto'
import type { EntityManager } from 'typeorm'
import type { ParsedInputOf } from '../../shared/contract/operation'
import type { ClientChanges, ClientDetail, ClientListItem, ClientView, relationsOperations } from '../../shared/contract/relations'
import { DossierError } from '../../shared/errors'
import type { Workspace } from '../workspace/Workspace'
import { type Client, ClientContactEntity, ClientEntity } from '../vault/entities/Client'
import { listClientAssignments } from './assignments'
import { toContactView } from './clientContacts'
import { findClient } from './findClient'

type Ops = typeof relationsOperations

/** R-5: the client columns a create or change may set (everything but id and createdAt). */
const CLIENT_FIELDS = ['name', 'street', 'houseNumber', 'postcode', 'city', 'email', 'phone'] as const
type ClientField = (typeof CLIENT_FIELDS)[number]

/** Client names are unique (case-insensitive): the import and W&S procedures find clients by name. */
async function refuseDuplicateName(m: EntityManager, name: string, exceptId: string | null): Promise<void> {
  const qb = m.getRepository(ClientEntity).createQueryBuilder('c').where('LOWER(c.name) = LOWER(:name)', { name })
  if (exceptId !== null) qb.andWhere('c.id <> :exceptId', { exceptId })
  if ((await qb.getCount()) > 0) {
    throw new DossierError('CONFLICT', 'A client with this name exists.', { issues: [{ path: 'name', key: 'validation.duplicate' }] })
  }
}

export function toClientView(c: Client): ClientView {
  return {
    id: c.id,
    name: c.name,
    street: c.street,
    houseNumber: c.houseNumber,
    postcode: c.postcode,
    city: c.city,
    email: c.email,
    phone: c.phone,
    createdAt: c.createdAt
  }
}

/** R-5: registers a client company; audited `client.create` with the names of the fields given. */
export async function createClient(ws: Workspace, input: ParsedInputOf<Ops['createClient']>): Promise<{ clientId: string }> {
  return ws.write(async ({ manager: m, audit }) => {
    await refuseDuplicateName(m, input.name, null)
    const client: Client = {
      id: randomUUID(),
      name: input.name,
      street: input.street ?? null,
      houseNumber: input.houseNumber ?? null,
      postcode: input.postcode ?? null,
      city: input.city ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      createdAt: ws.clock.now().toISOString()
    }
    await m.getRepository(ClientEntity).insert(client)
    await audit({ action: 'client.create', subjectId: client.id, fields: CLIENT_FIELDS.filter((f) => client[f] !== null) })
    return { clientId: client.id }
  })
}

/** R-5: changes a client; audited `client.update` with the names of the fields that really changed. */
export async function updateClient(ws: Workspace, input: ParsedInputOf<Ops['updateClient']>): Promise<{ clientId: string; changedFields: string[] }> {
  return ws.write(async ({ manager: m, audit }) => {
    const client = await findClient(m, input.clientId)
    const changes: Partial<Record<ClientField, string | null>> = {}
    const changed: ClientField[] = []
    for (const f of CLIENT_FIELDS) {
      const next: string | null | undefined = (input.changes as ClientChanges)[f]
      if (next === undefined || next === client[f]) continue
      changes[f] = next
      changed.push(f)
    }
    if (changed.length === 0) return { clientId: client.id, changedFields: [] }
    if (typeof changes.name === 'string') await refuseDuplicateName(m, changes.name, client.id)
    await m.getRepository(ClientEntity).update({ id: client.id }, changes as Partial<Client>)
    await audit({ action: 'client.update', subjectId: client.id, fields: changed })
    return { clientId: client.id, changedFields: changed }
  })
}

/** Escapes LIKE wildcards so a typed `%` or `_` matches itself. */
function likePattern(query: string): string {
  return `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** Clients by name, optionally those whose name or city contains `query`. Company data: not audited. */
export async function listClients(ws: Workspace, input: ParsedInputOf<Ops['listClients']>): Promise<ClientListItem[]> {
  return ws.read(async ({ manager: m }) => {
    const qb = m.getRepository(ClientEntity).createQueryBuilder('c').orderBy('LOWER(c.name)', 'ASC').addOrderBy('c.id', 'ASC')
    if (input.query) qb.where("(LOWER(c.name) LIKE :q ESCAPE '\\' OR LOWER(c.city) LIKE :q ESCAPE '\\')", { q: likePattern(input.query) })
    const clients = await qb.getMany()
    const counts = await m
      .getRepository(ClientContactEntity)
      .createQueryBuilder('cc')
      .select('cc.clientId', 'clientId')
      .addSelect('COUNT(*)', 'n')
      .groupBy('cc.clientId')
      .getRawMany<{ clientId: string; n: number | string }>()
    const byClient = new Map(counts.map((r) => [r.clientId, Number(r.n)]))
    return clients.map((c) => ({ id: c.id, name: c.name, city: c.city, contactCount: byClient.get(c.id) ?? 0 }))
  })
}

/**
 * A client with its contact persons and assignments. Contact persons and placed persons are
 * natural persons, so the view is audited (`client.view`, R-22); shielded persons are left out of
 * the assignments (R-14).
 */
export async function getClient(ws: Workspace, input: ParsedInputOf<Ops['getClient']>): Promise<ClientDetail> {
  return ws.write(async ({ manager: m, audit }) => {
    const client = await findClient(m, input.clientId)
    const contacts = await m.getRepository(ClientContactEntity).find({ where: { clientId: client.id }, order: { familyName: 'ASC', givenName: 'ASC', id: 'ASC' } })
    const assignments = await listClientAssignments(m, client)
    await audit({ action: 'client.view', subjectId: client.id, fields: ['assignments', 'contacts'] })
    return { client: toClientView(client), contacts: contacts.map(toContactView), assignments }
  })
}
