import type { EntityManager } from 'typeorm'
import { DossierError } from '../../shared/errors'
import type { Tx, Workspace } from '../workspace/Workspace'
import { type Person, PersonEntity } from '../vault/entities/Person'

type Audit = Tx['audit']

/**
 * a record that is not `active` (shielded, under legal hold, due for deletion) is available
 * only to a privacy officer who states a reason; every such opening is audited as
 * `person.shielded-open` with that reason. Everyone else gets RETENTION_SHIELDED, and so does a
 * privacy officer without a reason (detail `reasonRequired` tells the UI to ask for one).
 */
export async function openPerson(ws: Workspace, m: EntityManager, audit: Audit, personId: string, reason: string | undefined): Promise<Person> {
  const person = await m.getRepository(PersonEntity).findOneBy({ id: personId })
  if (!person) throw new DossierError('NOT_FOUND', 'No person with this id.')
  if (person.state === 'active') return person
  if (!ws.hasRole('privacy_officer')) {
    throw new DossierError('RETENTION_SHIELDED', 'This record is shielded; only a privacy officer can open it, stating a reason.')
  }
  if (!reason) {
    throw new DossierError('RETENTION_SHIELDED', 'State a reason to open this shielded record.', { detail: { reasonRequired: true } })
  }
  await audit({ action: 'person.shielded-open', subjectId: person.id, reason })
  return person
}
