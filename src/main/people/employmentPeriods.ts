import { randomUUID } from 'node:crypto'
import { type EntityManager, MoreThanOrEqual } from 'typeorm'
import type { ParsedInputOf } from '../../shared/contract/operation'
import type { peopleOperations } from '../../shared/contract/people'
import { DossierError } from '../../shared/errors'
import type { Workspace } from '../workspace/Workspace'
import { AttachmentEntity } from '../vault/entities/Attachment'
import { ClientEntity } from '../vault/entities/Client'
import { EmploymentEntity } from '../vault/entities/Employment'
import { validationFailed } from './parseInput'
import { openPersonToChange } from './personAccess'
import { ensureRole } from './personCollections'
import { recordFieldChange } from './recordFieldChange'
import { recordActivity } from '../activity/recordActivity'

type Ops = typeof peopleOperations

/** A client referenced by id must exist in the vault. */
export async function requireClient(m: EntityManager, clientId: string, path: string): Promise<string> {
  const client = await m.getRepository(ClientEntity).findOneBy({ id: clientId })
  if (!client) throw new DossierError('NOT_FOUND', 'No client with this id.', { issues: [{ path, key: 'validation.uuid.invalid' }] })
  return client.name
}

/**
 * an employment period (dienstverband). The person now holds the `flexworker` role (R-1:
 * works or worked through the agency). R-3a: with the first employment, an ID copy taken at
 * registration stops being a 4-week registration copy and becomes part of the wage-tax records
 * (Wet LB art. 28, R-16): its 28-day deletion date is lifted and the retention engine keeps it
 * for the legal term instead.
 */
export async function addEmployment(ws: Workspace, input: ParsedInputOf<Ops['addEmployment']>): Promise<{ employmentId: string }> {
  return ws.write(async ({ manager: m, audit }) => {
    const person = await openPersonToChange(ws, m, audit, input.personId, undefined)
    if (input.clientId !== undefined) await requireClient(m, input.clientId, 'clientId')
    const firstEmployment = !(await m.getRepository(EmploymentEntity).existsBy({ personId: person.id }))
    const employmentId = randomUUID()
    await m.getRepository(EmploymentEntity).insert({
      id: employmentId,
      personId: person.id,
      start: input.start,
      end: input.end,
      kind: input.kind,
      clientId: input.clientId ?? null
    })
    const fields = ['employments']
    if (await ensureRole(m, person.id, 'flexworker')) fields.push('roles')
    if (firstEmployment) {
      const lifted = await m
        .getRepository(AttachmentEntity)
        .update({ personId: person.id, kind: 'id-copy', deleteOn: MoreThanOrEqual(ws.clock.today()) }, { deleteOn: null })
      if ((lifted.affected ?? 0) > 0) fields.push('attachments')
    }
    await recordActivity(m, person.id, 'employment', ws.clock.today())
    await recordFieldChange(ws, m, person.id, fields, null)
    await audit({ action: 'person.update', subjectId: person.id, fields })
    return { employmentId }
  })
}

/** Sets or corrects the end of an employment period (R-11 counts from the last end). */
export async function endEmployment(ws: Workspace, input: ParsedInputOf<Ops['endEmployment']>): Promise<{ employmentId: string }> {
  return ws.write(async ({ manager: m, audit }) => {
    const employment = await m.getRepository(EmploymentEntity).findOneBy({ id: input.employmentId })
    if (!employment) throw new DossierError('NOT_FOUND', 'No employment with this id.')
    await openPersonToChange(ws, m, audit, employment.personId, undefined)
    if (input.end < employment.start) throw validationFailed([{ path: 'end', key: 'validation.period.endBeforeStart' }])
    await m.getRepository(EmploymentEntity).update({ id: employment.id }, { end: input.end })
    await recordActivity(m, employment.personId, 'employment', ws.clock.today())
    await recordFieldChange(ws, m, employment.personId, ['employments'], null)
    await audit({ action: 'person.update', subjectId: employment.personId, fields: ['employments'] })
    return { employmentId: employment.id }
  })
}

