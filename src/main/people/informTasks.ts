import { randomUUID } from 'node:crypto'
import type { EntityManager } from 'typeorm'
import type { InformTaskView } from '../../shared/contract/inform'
import type { CalendarDate, SourceKind } from '../../shared/domain'
import { DossierError } from '../../shared/errors'
import { addCalendarMonths, compareDates } from '../../shared/time'
import { type InformMethod, mustBeInformed } from '../../shared/vocabulary'
import { recordActivity } from '../activity/recordActivity'
import { type InformTask, InformTaskEntity } from '../vault/entities/InformTask'
import { PersonEntity } from '../vault/entities/Person'
import type { Workspace } from '../workspace/Workspace'
import { hiddenPersonState } from '../server/hiddenRecords'

/**
 * R-27 (GDPR art. 14(3)): a person whose data came from a public website or a third party is
 * informed within one calendar month of the data coming in, at the latest at the first contact
 * (`activity/recordActivity.ts` brings the due date forward to a contact). The task is a child of
 * the person (deleted with the record, R-19a) and holds no free text; it stays open until staff
 * record how and when the person was informed (audited `inform.record`).
 */

/** Pure: the task a person's source creates, or null (the data came from the person). */
export function informTaskFor(personId: string, sourceKind: SourceKind, obtainedOn: CalendarDate, id: string = randomUUID()): InformTask | null {
  if (!mustBeInformed(sourceKind)) return null
  return { id, personId, sourceKind, obtainedOn, dueOn: addCalendarMonths(obtainedOn, 1), doneOn: null, doneHow: null, recordedBy: null, recordedAt: null }
}

/**
 * Opens the person's task when their source calls for one and they have none yet (intake, import,
 * a rectified source), inside the caller's transaction. The data came in on `registeredOn`.
 */
export async function openInformTask(m: EntityManager, person: { id: string; sourceKind: SourceKind; registeredOn: CalendarDate }): Promise<boolean> {
  const task = informTaskFor(person.id, person.sourceKind, person.registeredOn)
  if (task === null) return false
  const repo = m.getRepository(InformTaskEntity)
  if (await repo.existsBy({ personId: person.id })) return false
  await repo.insert(task)
  return true
}

/** The open tasks of active records (a shielded or legal-hold record is not approached), overdue first. */
export async function listInformTasks(ws: Workspace, opts: { limit: number }): Promise<{ asOf: CalendarDate; total: number; overdue: number; items: InformTaskView[] }> {
  return ws.write(async ({ manager: m, audit, today }) => {
    const open = () =>
      m
        .getRepository(InformTaskEntity)
        .createQueryBuilder('t')
        .innerJoin(PersonEntity.options.name, 'p', 'p.id = t.personId')
        .where('t.doneOn IS NULL')
        .andWhere('p.state = :active', { active: 'active' })
    const total = await open().getCount()
    const overdue = await open().andWhere('t.dueOn < :today', { today }).getCount()
    const rows = (await open()
      // Aliases as the second argument: TypeORM quotes them, so PostgreSQL keeps their case.
      .select('t.personId', 'personId')
      .addSelect('t.sourceKind', 'sourceKind')
      .addSelect('t.obtainedOn', 'obtainedOn')
      .addSelect('t.dueOn', 'dueOn')
      .addSelect('p.ref', 'ref')
      .addSelect('p.givenName', 'givenName')
      .addSelect('p.familyName', 'familyName')
      .orderBy('t.dueOn', 'ASC')
      .addOrderBy('p.familyName', 'ASC')
      .addOrderBy('t.personId', 'ASC')
      .limit(opts.limit)
      .getRawMany()) as Omit<InformTaskView, 'overdue'>[]
    const items = rows.map((r) => ({ ...r, overdue: compareDates(r.dueOn, today) < 0 }))
    // Names on a list are a view of personal data, as the re-confirmation list is.
    await audit({ action: 'inform.list', subjectId: null, fields: ['givenName', 'familyName', 'ref', 'sourceKind'], reason: `records=${items.length}` })
    return { asOf: today, total, overdue, items }
  })
}

/**
 * Staff record that the person was informed: how, and on which date (not in the future, not
 * before the data came in). Informing is contact (R-11a). Audited `inform.record` with the field
 * names and the way — no values. Only an active record's open task.
 */
export async function recordInformed(
  ws: Workspace,
  input: { personId: string; how: InformMethod; informedOn: CalendarDate }
): Promise<{ personId: string; informedOn: CalendarDate; how: InformMethod }> {
  return ws.write(async ({ manager: m, audit, today, at, actorId }) => {
    const person = await m.getRepository(PersonEntity).findOne({ select: { id: true, state: true }, where: { id: input.personId } })
    // On the office server a staff login does not see a record that is not active (hiddenRecords.ts).
    const hidden = !person && (await hiddenPersonState(m, input.personId)) !== null
    if (!person && !hidden) throw new DossierError('NOT_FOUND', 'No person with this id.')
    if (!person || person.state !== 'active') throw new DossierError('RETENTION_SHIELDED', 'This record is shielded; only a privacy officer can open it.')
    const repo = m.getRepository(InformTaskEntity)
    const task = await repo.findOneBy({ personId: person.id })
    if (!task || task.doneOn !== null) throw new DossierError('CONFLICT', 'This person has no open task to be informed.')
    if (compareDates(input.informedOn, today) > 0) {
      throw new DossierError('VALIDATION_FAILED', 'The date lies in the future.', { issues: [{ path: 'informedOn', key: 'validation.date.future' }] })
    }
    if (compareDates(input.informedOn, task.obtainedOn) < 0) {
      throw new DossierError('VALIDATION_FAILED', 'The date lies before the data came in.', { issues: [{ path: 'informedOn', key: 'validation.date.beforeRegistration' }] })
    }
    await repo.update({ id: task.id }, { doneOn: input.informedOn, doneHow: input.how, recordedBy: actorId, recordedAt: at })
    await recordActivity(m, person.id, 'contact', input.informedOn)
    await audit({ action: 'inform.record', subjectId: person.id, fields: ['doneOn', 'doneHow', 'lastActivityOn'], reason: `how=${input.how}` })
    return { personId: person.id, informedOn: input.informedOn, how: input.how }
  })
}
