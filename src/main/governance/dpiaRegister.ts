import { randomUUID } from 'node:crypto'
import type { DpiaView } from '../../shared/contract/governance'
import type { CalendarDate } from '../../shared/domain'
import { DossierError, type ErrorIssue } from '../../shared/errors'
import { compareDates } from '../../shared/time'
import type { Dpia } from '../vault/entities/Governance'
import type { Workspace } from '../workspace/Workspace'

/**
 * R-28, GDPR art. 35: the data-protection impact assessments the agency made (health and absence
 * data at scale is on the AP's list of processing that needs one), each with its outcome and the
 * date it is to be reviewed. Kept by the privacy officer and the admin; printed by the art. 30
 * register. Every change is audited (`dpia.*`, field names only).
 */
export interface DpiaInput {
  id?: string | undefined
  subject: string
  assessedOn: CalendarDate
  outcome: string
  nextReviewOn: CalendarDate
}

const FIELDS = ['subject', 'assessedOn', 'outcome', 'nextReviewOn'] as const

/** Pure: a review date that has come (today included). */
export function isReviewDue(nextReviewOn: CalendarDate, today: CalendarDate): boolean {
  return compareDates(nextReviewOn, today) <= 0
}

export async function listDpias(ws: Workspace): Promise<{ asOf: CalendarDate; dpias: DpiaView[] }> {
  ws.requireRole('privacy_officer', 'admin')
  const today = ws.clock.today()
  const rows = await ws.read(({ store }) => store.dpia.find())
  rows.sort((a, b) => compareDates(a.nextReviewOn, b.nextReviewOn) || a.subject.localeCompare(b.subject, 'nl') || a.id.localeCompare(b.id))
  return { asOf: today, dpias: rows.map((d) => toView(d, today)) }
}

export async function saveDpia(ws: Workspace, input: DpiaInput): Promise<DpiaView> {
  ws.requireRole('privacy_officer', 'admin')
  const today = ws.clock.today()
  const issues: ErrorIssue[] = []
  if (compareDates(input.assessedOn, today) > 0) issues.push({ path: 'assessedOn', key: 'validation.date.future' })
  if (compareDates(input.nextReviewOn, input.assessedOn) <= 0) issues.push({ path: 'nextReviewOn', key: 'validation.dpia.reviewBeforeAssessment' })
  if (issues.length > 0) throw new DossierError('VALIDATION_FAILED', 'Some fields are not valid.', { issues })
  const now = ws.clock.now().toISOString()
  const fields = { subject: input.subject, assessedOn: input.assessedOn, outcome: input.outcome, nextReviewOn: input.nextReviewOn }
  return ws.write(async ({ store, audit }) => {
    if (input.id === undefined) {
      const row: Dpia = { id: randomUUID(), ...fields, createdAt: now, updatedAt: now }
      await store.dpia.insert(row)
      await audit({ action: 'dpia.create', subjectId: row.id, fields: [...FIELDS] })
      return toView(row, today)
    }
    const current = await store.dpia.findOneBy({ id: input.id })
    if (!current) throw new DossierError('NOT_FOUND', 'No such DPIA.')
    const changed = FIELDS.filter((k) => current[k] !== fields[k])
    if (changed.length === 0) return toView(current, today)
    const next: Dpia = { ...current, ...fields, updatedAt: now }
    await store.dpia.save(next)
    await audit({ action: 'dpia.update', subjectId: next.id, fields: [...changed] })
    return toView(next, today)
  })
}

export async function deleteDpia(ws: Workspace, id: string): Promise<{ deleted: true }> {
  ws.requireRole('privacy_officer', 'admin')
  return ws.write(async ({ store, audit }) => {
    if (!(await store.dpia.existsBy({ id }))) throw new DossierError('NOT_FOUND', 'No such DPIA.')
    await store.dpia.delete({ id })
    await audit({ action: 'dpia.delete', subjectId: id })
    return { deleted: true as const }
  })
}

function toView(d: Dpia, today: CalendarDate): DpiaView {
  return { id: d.id, subject: d.subject, assessedOn: d.assessedOn, outcome: d.outcome, nextReviewOn: d.nextReviewOn, reviewDue: isReviewDue(d.nextReviewOn, today), updatedAt: d.updatedAt }
}
