import type { EntityManager } from 'typeorm'
import type { CalendarDate } from '../../shared/domain'
import type { ActivityKind } from '../../shared/vocabulary'

/**
 * R-11a: records that an activity (shared/vocabulary `ACTIVITY_KINDS`) happened on `on`, inside the
 * caller's transaction: `person.lastActivityOn` moves forward, never back (a backdated fact does
 * not undo a later contact). No read. `kind` names what happened at the call site; the engine
 * needs only the date; anything but the intake is a contact for the duty to inform.
 */
export async function recordActivity(m: EntityManager, personId: string, kind: ActivityKind, on: CalendarDate): Promise<void> {
  await m
    .createQueryBuilder()
    .update('person')
    .set({ lastActivityOn: on })
    .where('id = :personId', { personId })
    .andWhere('("lastActivityOn" IS NULL OR "lastActivityOn" < :on)', { on })
    .execute()
  // the person is informed at the latest at the first contact after their data came in, so
  // any activity but the intake itself brings an open inform task's due date forward to it.
  if (kind === 'intake') return
  await m
    .createQueryBuilder()
    .update('inform_task')
    .set({ dueOn: on })
    .where('personId = :personId', { personId })
    .andWhere('"doneOn" IS NULL AND "dueOn" > :on AND "obtainedOn" <= :on', { on })
    .execute()
}
