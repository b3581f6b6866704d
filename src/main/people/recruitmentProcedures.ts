import { randomUUID } from 'node:crypto'
import type { ParsedInputOf } from '../../shared/contract/operation'
import type { peopleOperations } from '../../shared/contract/people'
import { DossierError } from '../../shared/errors'
import type { Workspace } from '../workspace/Workspace'
import { RecruitmentProcedureEntity } from '../vault/entities/Employment'
import { requireClient } from './employmentPeriods'
import { validationFailed } from './parseInput'
import { openPersonToChange } from './personAccess'
import { ensureRole } from './personCollections'
import { recordFieldChange } from './recordFieldChange'
import { recordActivity } from '../activity/recordActivity'

type Ops = typeof peopleOperations

/**
 * a recruitment & selection (W&S) procedure for a client — a client in the vault or just
 * its name. The person now holds the `ws-candidate` role.
 */
export async function addRecruitmentProcedure(ws: Workspace, input: ParsedInputOf<Ops['addRecruitmentProcedure']>): Promise<{ procedureId: string }> {
  return ws.write(async ({ manager: m, audit }) => {
    const person = await openPersonToChange(ws, m, audit, input.personId, undefined)
    const clientName = input.clientId !== undefined ? await requireClient(m, input.clientId, 'clientId') : input.clientName!
    const procedureId = randomUUID()
    await m.getRepository(RecruitmentProcedureEntity).insert({
      id: procedureId,
      personId: person.id,
      clientId: input.clientId ?? null,
      clientName,
      start: input.start,
      end: input.end
    })
    const fields = ['recruitment']
    if (await ensureRole(m, person.id, 'ws-candidate')) fields.push('roles')
    await recordActivity(m, person.id, 'procedure', ws.clock.today())
    await recordFieldChange(ws, m, person.id, fields, null)
    await audit({ action: 'person.update', subjectId: person.id, fields })
    return { procedureId }
  })
}

/** Sets or corrects the end of a W&S procedure (R-13 counts 24 months from it). */
export async function endRecruitmentProcedure(ws: Workspace, input: ParsedInputOf<Ops['endRecruitmentProcedure']>): Promise<{ procedureId: string }> {
  return ws.write(async ({ manager: m, audit }) => {
    const procedure = await m.getRepository(RecruitmentProcedureEntity).findOneBy({ id: input.procedureId })
    if (!procedure) throw new DossierError('NOT_FOUND', 'No recruitment procedure with this id.')
    await openPersonToChange(ws, m, audit, procedure.personId, undefined)
    if (input.end < procedure.start) throw validationFailed([{ path: 'end', key: 'validation.period.endBeforeStart' }])
    await m.getRepository(RecruitmentProcedureEntity).update({ id: procedure.id }, { end: input.end })
    await recordActivity(m, procedure.personId, 'procedure', ws.clock.today())
    await recordFieldChange(ws, m, procedure.personId, ['recruitment'], null)
    await audit({ action: 'person.update', subjectId: procedure.personId, fields: ['recruitment'] })
    return { procedureId: procedure.id }
  })
}
