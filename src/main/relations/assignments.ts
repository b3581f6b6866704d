import { type EntityManager, In, Not, IsNull } from 'typeorm'
import type { ParsedInputOf } from '../../shared/contract/operation'
import type { AssignmentView, relationsOperations } from '../../shared/contract/relations'
import { addEmployment } from '../people/employmentPeriods'
import { openPerson } from '../people/personAccess'
import type { Workspace } from '../workspace/Workspace'
import { type Client, ClientEntity } from '../vault/entities/Client'
import { type Employment, EmploymentEntity } from '../vault/entities/Employment'
import { PersonEntity } from '../vault/entities/Person'
import { findClient } from './findClient'

type Ops = typeof relationsOperations

/**
 * Assignments: an employment period (R-3 dienstverband) at a client. The employment row is the
 * people capability's (`people/employmentPeriods.ts` adds the flexworker role, lifts the 4-week
 * deletion date of a registration ID copy, records the field change and audits `person.update`);
 * this module only insists on the client and reads assignments per person or per client.
 */
export async function addAssignment(ws: Workspace, input: ParsedInputOf<Ops['addAssignment']>): Promise<{ employmentId: string }> {
  return addEmployment(ws, { personId: input.personId, clientId: input.clientId, start: input.start, end: input.end ?? null, kind: input.kind })
}

function byStartDesc(a: AssignmentView, b: AssignmentView): number {
  return b.start.localeCompare(a.start) || a.employmentId.localeCompare(b.employmentId)
}

/** A client's assignments, of active persons only (R-14: shielded records stay out of lists). */
export async function listClientAssignments(m: EntityManager, client: Client): Promise<AssignmentView[]> {
  const employments = await m.getRepository(EmploymentEntity).findBy({ clientId: client.id })
  if (employments.length === 0) return []
  const persons = await m.getRepository(PersonEntity).find({
    select: { id: true, givenName: true, familyName: true },
    where: { id: In([...new Set(employments.map((e) => e.personId))]), state: 'active' }
  })
  const names = new Map(persons.map((p) => [p.id, `${p.givenName} ${p.familyName}`]))
  return employments
    .filter((e) => names.has(e.personId))
    .map((e) => toAssignment(e, names.get(e.personId)!, client))
    .sort(byStartDesc)
}

function toAssignment(e: Employment, personName: string, client: Pick<Client, 'id' | 'name'>): AssignmentView {
  return { employmentId: e.id, personId: e.personId, personName, clientId: client.id, clientName: client.name, start: e.start, end: e.end, kind: e.kind }
}

/**
 * A person's assignments (employments at a client) or a client's. The person's view is a view of
 * their record (`person.view`, field `employments`; shielded: privacy officers only, R-14); the
 * client's is audited like the client detail.
 */
export async function listAssignments(ws: Workspace, input: ParsedInputOf<Ops['listAssignments']>): Promise<AssignmentView[]> {
  return ws.write(async ({ manager: m, audit }) => {
    if (input.clientId !== undefined) {
      const client = await findClient(m, input.clientId)
      const list = await listClientAssignments(m, client)
      await audit({ action: 'client.view', subjectId: client.id, fields: ['assignments'] })
      return list
    }
    const person = await openPerson(ws, m, audit, input.personId!, undefined)
    const employments = await m.getRepository(EmploymentEntity).findBy({ personId: person.id, clientId: Not(IsNull()) })
    const clients = await m.getRepository(ClientEntity).find({ select: { id: true, name: true }, where: { id: In([...new Set(employments.map((e) => e.clientId!))]) } })
    const clientById = new Map(clients.map((c) => [c.id, c]))
    const personName = `${person.givenName} ${person.familyName}`
    await audit({ action: 'person.view', subjectId: person.id, fields: ['employments'] })
    return employments
      .filter((e) => clientById.has(e.clientId!))
      .map((e) => toAssignment(e, personName, clientById.get(e.clientId!)!))
      .sort(byStartDesc)
  })
}
