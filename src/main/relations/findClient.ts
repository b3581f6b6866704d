import type { EntityManager } from 'typeorm'
import { DossierError } from '../../shared/errors'
import { type Client, ClientEntity } from '../vault/entities/Client'

/** A client referenced by id must exist (NOT_FOUND otherwise; the id is not echoed). */
export async function findClient(m: EntityManager, clientId: string): Promise<Client> {
  const client = await m.getRepository(ClientEntity).findOneBy({ id: clientId })
  if (!client) throw new DossierError('NOT_FOUND', 'No client with this id.')
  return client
}
