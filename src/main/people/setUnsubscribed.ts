import type { ParsedInputOf } from '../../shared/contract/operation'
import type { peopleOperations } from '../../shared/contract/people'
import type { Workspace } from '../workspace/Workspace'
import { PersonEntity } from '../vault/entities/Person'
import { validationFailed } from './parseInput'
import { openPersonToChange } from './personAccess'
import { recordFieldChange } from './recordFieldChange'
import { recordActivity } from '../activity/recordActivity'
import { refuseIfReduced, restoreLiveClock } from '../retention/restoreClock'

/**
 * The person asks to stop mediation (uitschrijven): the date retention counts from.
 * Not in the future, not before registration. `null` clears it (the person registers again): that
 * is contact (R-11a activity), and the record gets a live clock back — unshielded when only the
 * unsubscribe had shielded it; a record already reduced to its legal-hold data cannot come back
 * (RETENTION_REDUCED).
 */
export async function setUnsubscribed(
  ws: Workspace,
  input: ParsedInputOf<(typeof peopleOperations)['setUnsubscribed']>
): Promise<{ personId: string; changedFields: string[] }> {
  return ws.write(async ({ manager: m, audit }) => {
    const person = await openPersonToChange(ws, m, audit, input.personId, input.reason)
    const date = input.unsubscribedOn
    if (date !== null && date > ws.clock.today()) throw validationFailed([{ path: 'unsubscribedOn', key: 'validation.date.future' }])
    if (date !== null && date < person.registeredOn) throw validationFailed([{ path: 'unsubscribedOn', key: 'validation.date.beforeRegistration' }])
    if (date === person.unsubscribedOn) return { personId: person.id, changedFields: [] }
    if (date === null) refuseIfReduced(person.state)
    await m.getRepository(PersonEntity).update({ id: person.id }, { unsubscribedOn: date, updatedAt: ws.clock.now().toISOString() })
    await recordFieldChange(ws, m, person.id, ['unsubscribedOn'], input.reason ?? null)
    await audit({ action: 'person.update', subjectId: person.id, fields: ['unsubscribedOn'], reason: input.reason ?? null })
    if (date === null) {
      await recordActivity(m, person.id, 'contact', ws.clock.today())
      await restoreLiveClock(m, ws.clock, audit, person.id, ws.clock.today())
    }
    return { personId: person.id, changedFields: ['unsubscribedOn'] }
  })
}
