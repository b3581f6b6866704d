import type { EntityManager } from 'typeorm'
import type { CalendarDate } from '../../shared/domain'
import type { ActivityKind } from '../../shared/vocabulary'

/**
 * R-11a: records that an activity (shared/vocabulary `ACTIVITY_KINDS`) happened on `on`, inside the
 * caller's transaction: `person.lastActivityOn` moves forward, never back (a backdated fact does
 * not undo a later contact). One UPDATE, no read. `kind` names what happened at the call site;
 * the engine needs only the date.
 */
export async function recordActivity(m: EntityManager, personId: string, kind: ActivityKind, on: CalendarDate): Promise<void> {
  void kind
  await m
    .createQueryBuilder()
    .update('person')
    .set({ lastActivityOn: on })
    .where('id = :personId', { personId })
    .andWhere('("lastActivityOn" IS NULL OR "lastActivityOn" < :on)', { on })
    .execute()
}
