import type { EntityManager } from 'typeorm'
import type { Purpose } from '../../shared/domain'
import { DossierError } from '../../shared/errors'
import type { Workspace } from '../workspace/Workspace'
import { EmploymentEntity } from '../vault/entities/Employment'
import { type Person, PersonEntity } from '../vault/entities/Person'
import { PersonPurposeEntity } from '../vault/entities/PersonRoleRow'
import { refuseIfRestricted } from '../rights/processingLimitState'
import { missingPerson } from '../server/hiddenRecords'

/** The few person facts consent work needs: never the person's other data. */
export type ConsentPerson = Pick<Person, 'id' | 'givenName' | 'familyName' | 'state'>

export async function loadPerson(m: EntityManager, personId: string): Promise<ConsentPerson> {
  const person = await m.getRepository(PersonEntity).findOne({
    select: { id: true, givenName: true, familyName: true, state: true },
    where: { id: personId }
  })
  if (!person) throw await missingPerson(m, personId)
  return person
}

/**
 * The person, if the signed-in account may work on their special data. R-14: a record that is not
 * `active` (shielded, legal hold, due for deletion) is for privacy officers only; everyone's access
 * is audited by the operation itself.
 */
export async function requirePerson(ws: Workspace, m: EntityManager, personId: string): Promise<ConsentPerson> {
  const person = await loadPerson(m, personId)
  if (person.state !== 'active' && !ws.hasRole('privacy_officer')) {
    throw new DossierError('RETENTION_SHIELDED', 'This record is shielded; only a privacy officer can open it.')
  }
  return person
}

/** `requirePerson` for a change. R-26: while the processing is restricted nothing is added or changed (PROCESSING_RESTRICTED). */
export async function requirePersonToChange(ws: Workspace, m: EntityManager, personId: string): Promise<ConsentPerson> {
  const person = await requirePerson(ws, m, personId)
  await refuseIfRestricted(m, person.id)
  return person
}

/** R-3a: whether the person works or worked for the agency (health data and absence need it). */
export async function hasEmployment(m: EntityManager, personId: string): Promise<boolean> {
  return (await m.getRepository(EmploymentEntity).countBy({ personId })) > 0
}

/** the purposes recorded for the person; special data is processed only for one of them. */
export async function personPurposes(m: EntityManager, personId: string): Promise<Set<Purpose>> {
  const rows = await m.getRepository(PersonPurposeEntity).find({ select: { purpose: true }, where: { personId } })
  return new Set(rows.map((r) => r.purpose))
}
