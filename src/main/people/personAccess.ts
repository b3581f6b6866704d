import type { EntityManager } from 'typeorm'
import { DossierError } from '../../shared/errors'
import type { Tx, Workspace } from '../workspace/Workspace'
import { type Person, PersonEntity } from '../vault/entities/Person'
import { refuseIfRestricted } from '../rights/processingLimitState'
import { hiddenPersonState } from '../server/hiddenRecords'

type Audit = Tx['audit']

/**
 * a record that is not `active` (shielded, under legal hold, due for deletion) is available
 * only to a privacy officer who states a reason; every such opening is audited as
 * `person.shielded-open` with that reason. Everyone else gets RETENTION_SHIELDED, and so does a
 * privacy officer without a reason (detail `reasonRequired` tells the UI to ask for one).
 */
export async function openPerson(ws: Workspace, m: EntityManager, audit: Audit, personId: string, reason: string | undefined): Promise<Person> {
  const person = await m.getRepository(PersonEntity).findOneBy({ id: personId })
  if (!person) {
    // The office server: a record this login may not see is not active (hiddenRecords.ts).
    if ((await hiddenPersonState(m, personId)) !== null) throw shieldedForStaff()
    throw new DossierError('NOT_FOUND', 'No person with this id.')
  }
  if (person.state === 'active') return person
  if (!ws.hasRole('privacy_officer')) throw shieldedForStaff()
  if (!reason) {
    throw new DossierError('RETENTION_SHIELDED', 'State a reason to open this shielded record.', { detail: { reasonRequired: true } })
  }
  await audit({ action: 'person.shielded-open', subjectId: person.id, reason })
  return person
}

/** what anyone but a privacy officer gets for a record that is not active. */
export function shieldedForStaff(): DossierError {
  return new DossierError('RETENTION_SHIELDED', 'This record is shielded; only a privacy officer can open it, stating a reason.')
}

/**
 * Issue 16 point 5: a record that is not `active` is read-only. Changing its data (rectification,
 * employment data) is refused with RECORD_READ_ONLY, also for a privacy officer who opened it with
 * a reason, until the privacy officer lifts the shield (undoing the unsubscribe) or acts on it
 * (erasure, deleting an attachment, do-not-contact). Staff get RETENTION_SHIELDED as for any
 * opening; the operations that add to a record (periods, procedures, attachments) take no reason
 * and so are refused by `openPerson` already.
 */
export async function openPersonForChange(ws: Workspace, m: EntityManager, audit: Audit, personId: string, reason: string | undefined): Promise<Person> {
  const person = await m.getRepository(PersonEntity).findOneBy({ id: personId })
  if (person && person.state !== 'active' && ws.hasRole('privacy_officer')) {
    throw new DossierError('RECORD_READ_ONLY', 'This record is shielded and read-only; lift the shield or act on the record first.')
  }
  const opened = await openPerson(ws, m, audit, personId, reason)
  await refuseIfRestricted(m, opened.id)
  return opened
}

/**
 * `openPerson` for a change to the record. R-26: while the processing is restricted nothing but
 * lifting changes it (PROCESSING_RESTRICTED); erasure, do-not-contact and retention go their own way.
 */
export async function openPersonToChange(ws: Workspace, m: EntityManager, audit: Audit, personId: string, reason: string | undefined): Promise<Person> {
  const person = await openPerson(ws, m, audit, personId, reason)
  await refuseIfRestricted(m, person.id)
  return person
}
