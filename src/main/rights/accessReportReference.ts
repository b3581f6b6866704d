import type { EntityManager } from 'typeorm'
import type { CalendarDate } from '../../shared/domain'
import { calendarDayOf } from '../../shared/time'
import { AuditEntryEntity } from '../vault/entities/AuditEntry'
import { SubjectRequestEntity } from '../vault/entities/Governance'
import { SettingEntity } from '../vault/entities/Setting'

/**
 * every access report gets its own reference, `INZ-<year>-<six digits>`, numbered per
 * calendar year from a counter in the `setting` table. It runs in the caller's transaction, so
 * two reports issued at once can never share a number and a failed issue does not use one up.
 */
const COUNTER_KEY = 'rights.accessReportCounter'

interface Counter {
  year: number
  last: number
}

function isCounter(value: unknown): value is Counter {
  return typeof value === 'object' && value !== null && typeof (value as Counter).year === 'number' && typeof (value as Counter).last === 'number'
}

export function formatAccessReportReference(year: number, number: number): string {
  return `INZ-${year}-${String(number).padStart(6, '0')}`
}

export async function nextAccessReportReference(manager: EntityManager, today: CalendarDate): Promise<string> {
  const year = Number(today.slice(0, 4))
  const repo = manager.getRepository(SettingEntity)
  const row = await repo.findOneBy({ key: COUNTER_KEY })
  const previous = row && isCounter(row.value) ? row.value : null
  const next: Counter = { year, last: previous && previous.year === year ? previous.last + 1 : 1 }
  await repo.save({ key: COUNTER_KEY, value: next })
  return formatAccessReportReference(year, next.last)
}

/**
 * R-18a (issue 14): one reference per request, not per view. The person's open access request
 * keeps the reference of the first report issued for it (noted on the request); without an open
 * request, a report opened again on the same day is the same answer and keeps its reference.
 * Null: the next report gets a new number.
 */
export async function currentAccessReportReference(manager: EntityManager, personId: string, today: CalendarDate): Promise<string | null> {
  const [open] = await manager.getRepository(SubjectRequestEntity).find({ where: { personId, status: 'open', kind: 'access' }, order: { receivedOn: 'ASC', id: 'ASC' } })
  if (open) return open.documents.find((d) => d.kind === 'access-report')?.reference ?? null
  const [latest] = await issuedAccessReports(manager, personId)
  return latest?.reason && calendarDayOf(latest.at) === today ? latest.reason : null
}

/**
 * The person's access reports as the trail records them (`report.access`: the reference as its
 * reason), newest first. On the office server staff may not read the trail's history: the
 * owner's function gives these entries and no others (server/serverChecks.ts).
 */
export async function issuedAccessReports(manager: EntityManager, personId: string): Promise<{ reason: string | null; at: string }[]> {
  if (manager.connection.driver.options.type === 'postgres') {
    return (await manager.query('SELECT "reason", "at" FROM "dossier_access_reports"($1)', [personId])) as { reason: string | null; at: string }[]
  }
  return manager.getRepository(AuditEntryEntity).find({ select: { reason: true, at: true }, where: { action: 'report.access', subjectId: personId }, order: { seq: 'DESC' } })
}
