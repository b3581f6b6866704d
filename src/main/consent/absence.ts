import { randomUUID } from 'node:crypto'
import { ABSENCE_DURATIONS, type AbsenceDuration, type AbsenceView, type RecordAbsence } from '../../shared/contract/consent'
import type { CalendarDate } from '../../shared/domain'
import { DossierError, type ErrorIssue } from '../../shared/errors'
import type { Workspace } from '../workspace/Workspace'
import { type Absence, AbsenceEntity } from '../vault/entities/Consent'
import { hasEmployment, requirePerson, requirePersonToChange } from './consentPerson'
import { groundSubject } from './groundSubject'
import { requireGroundFits } from './requireGroundFits'

/**
 * Absence (verzuim) registration, legal fact "Health data of employees" (UAVG art. 30, AP policy
 * on sick employees): only the first and last day, the expected duration (a closed list) and the
 * availability for work. The contract refuses any other field — a `diagnosis` or `cause` with its
 * own message — so the record can never hold the nature or cause of an illness.
 */
export function toAbsenceView(a: Absence): AbsenceView {
  const duration = (ABSENCE_DURATIONS as readonly string[]).includes(a.expectedDuration ?? '') ? (a.expectedDuration as AbsenceDuration) : null
  return { id: a.id, personId: a.personId, startOn: a.startOn, endOn: a.endOn, expectedDuration: duration, availability: a.availability, createdAt: a.createdAt }
}

function datesProblem(startOn: CalendarDate, endOn: CalendarDate | null, today: CalendarDate): ErrorIssue[] {
  const issues: ErrorIssue[] = []
  // Absence is registered as it happens: a first or last day in the future is a mistake.
  if (startOn > today) issues.push({ path: 'startOn', key: 'validation.date.future' })
  if (endOn !== null && endOn > today) issues.push({ path: 'endOn', key: 'validation.date.future' })
  if (endOn !== null && endOn < startOn) issues.push({ path: 'endOn', key: 'validation.period.endBeforeStart' })
  return issues
}

export async function recordAbsence(ws: Workspace, input: RecordAbsence): Promise<AbsenceView> {
  const today = ws.clock.today()
  const issues = datesProblem(input.startOn, input.endOn ?? null, today)
  if (issues.length > 0) throw new DossierError('VALIDATION_FAILED', 'Some fields are not valid.', { issues })
  return ws.write(async ({ manager: m, audit }) => {
    await requirePersonToChange(ws, m, input.personId)
    // R-3a: absence is an employee's; no health questions at registration.
    if (!(await hasEmployment(m, input.personId))) {
      throw new DossierError('EMPLOYMENT_REQUIRED', 'Absence is registered only for someone who works for the agency.')
    }
    // R-4a: absence facts rest on UAVG art. 30 and need an employment that has started.
    requireGroundFits(
      { category: 'health', ground: 'uavg-30-absence', purpose: 'personnel', shape: 'absence-record', ...(await groundSubject(m, input.personId, today)) },
      { default: 'startOn' }
    )
    const row: Absence = {
      id: randomUUID(),
      personId: input.personId,
      startOn: input.startOn,
      endOn: input.endOn ?? null,
      expectedDuration: input.expectedDuration ?? null,
      availability: input.availability ?? null,
      createdAt: ws.clock.now().toISOString()
    }
    await m.getRepository(AbsenceEntity).insert(row)
    const fields = ['startOn', ...(['endOn', 'expectedDuration', 'availability'] as const).filter((f) => row[f] !== null)]
    await audit({ action: 'absence.record', subjectId: input.personId, fields: fields.map((f) => `absence.${f}`) })
    return toAbsenceView(row)
  })
}

/** The person is back at work (hersteldmelding): record the last day of absence. */
export async function endAbsence(ws: Workspace, input: { absenceId: string; endOn: CalendarDate }): Promise<AbsenceView> {
  const today = ws.clock.today()
  return ws.write(async ({ manager: m, audit }) => {
    const repo = m.getRepository(AbsenceEntity)
    const row = await repo.findOneBy({ id: input.absenceId })
    if (!row) throw new DossierError('NOT_FOUND', 'No such absence.')
    await requirePersonToChange(ws, m, row.personId)
    const issues = datesProblem(row.startOn, input.endOn, today).filter((i) => i.path === 'endOn')
    if (issues.length > 0) throw new DossierError('VALIDATION_FAILED', 'Some fields are not valid.', { issues })
    await repo.update({ id: row.id }, { endOn: input.endOn })
    await audit({ action: 'absence.update', subjectId: row.personId, fields: ['absence.endOn'] })
    return toAbsenceView({ ...row, endOn: input.endOn })
  })
}

export async function listAbsences(ws: Workspace, personId: string): Promise<AbsenceView[]> {
  return ws.write(async ({ manager: m, audit }) => {
    await requirePerson(ws, m, personId)
    const rows = await m.getRepository(AbsenceEntity).find({ where: { personId }, order: { startOn: 'DESC', id: 'ASC' } })
    await audit({ action: 'absence.view', subjectId: personId, fields: ['absence'] })
    return rows.map(toAbsenceView)
  })
}
