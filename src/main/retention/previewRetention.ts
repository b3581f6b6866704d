import type { RetentionClockItem, RetentionPreviewItem } from '../../shared/contract/retention'
import type { CalendarDate } from '../../shared/domain'
import type { Workspace } from '../workspace/Workspace'
import { addCalendarDays, compareDates, maxDate } from '../../shared/time'
import { evaluateRetention, evaluateRetentionOutlook, type RetentionAction } from './evaluateRetention'
import { forEachRetentionSubject } from './forEachRetentionSubject'
import type { RetentionActionKind, RetentionRuleId } from './policy'
import { currentPolicy } from './policyStore'
import { restrictedAmong } from './restrictedPersons'

/**
 * What the sweep would do, as of any date; changes nothing. Per person the first action
 * still to be applied (an overdue one first, else the next), and for the dashboard how many
 * actions per rule fall due on or before `asOf` and within 7, 30 and 90 days (cumulative).
 */
export interface RetentionDueCount {
  rule: RetentionRuleId
  action: RetentionActionKind
  dueNow: number
  within7: number
  within30: number
  within90: number
}

export interface RetentionPreview {
  asOf: CalendarDate
  policyVersion: number
  items: RetentionPreviewItem[]
  counts: RetentionDueCount[]
  /** R-11a, on request: every person's clock (never missing), earliest first */
  clocks?: RetentionClockItem[]
}

/** Persons asked about per query for a restriction (bound parameters stay well under the engines' limits). */
const RESTRICTED_PAGE = 500

const WINDOWS = [
  ['within7', 7],
  ['within30', 30],
  ['within90', 90]
] as const

/** Of the actions due by a date, what the sweep will apply: a due deletion makes the rest moot. */
function effective(due: RetentionAction[], asOf: CalendarDate): RetentionAction[] {
  const deleteNow = due.find((a) => a.kind === 'delete' && compareDates(a.dueDate, asOf) <= 0)
  return deleteNow ? [deleteNow] : due
}

export async function computeRetentionPreview(ws: Workspace, opts: { asOf: CalendarDate; horizonDays?: number | undefined; clocks?: boolean }): Promise<RetentionPreview> {
  const policy = await ws.read(({ manager }) => currentPolicy(manager, ws.clock))
  const horizon = opts.horizonDays === undefined ? null : addCalendarDays(opts.asOf, opts.horizonDays)
  const day90 = addCalendarDays(opts.asOf, 90)
  const limits = WINDOWS.map(([key, days]) => [key, addCalendarDays(opts.asOf, days)] as const)
  const items: RetentionPreviewItem[] = []
  const counts = new Map<string, RetentionDueCount>()
  const clocks: RetentionClockItem[] = []

  // With a horizon and without every clock, only what can fall due by the later of the horizon and
  // the last window matters: the persons whose check date has come by then (issue 18: the
  // dashboard's preview reads what is due, not the whole vault).
  const dueBy = horizon === null || opts.clocks ? undefined : { date: maxDate(horizon, day90), policyVersion: policy.version }
  await forEachRetentionSubject(ws, ({ facts, ref }) => {
    const { evaluation: now, clock } = evaluateRetentionOutlook(facts, policy, opts.asOf)
    if (opts.clocks) clocks.push({ id: facts.personId, ref, state: facts.state, rule: clock.rule, action: clock.action, dueDate: clock.dueDate, since: clock.since })
    const first = now.due[0] ?? now.next
    if (first && (horizon === null || compareDates(first.dueDate, horizon) <= 0)) {
      items.push({ id: facts.personId, ref, state: facts.state, rule: first.rule, action: first.kind, dueDate: first.dueDate, held: false })
    }
    for (const a of effective(evaluateRetention(facts, policy, day90).due, opts.asOf)) {
      const key = `${a.rule}|${a.kind}`
      const c = counts.get(key) ?? { rule: a.rule, action: a.kind, dueNow: 0, within7: 0, within30: 0, within90: 0 }
      if (compareDates(a.dueDate, opts.asOf) <= 0) c.dueNow++
      for (const [window, limit] of limits) if (compareDates(a.dueDate, limit) <= 0) c[window]++
      counts.set(key, c)
    }
  }, { dueBy })

  // the records the sweep will hold while their restriction is in force, marked as such.
  for (let i = 0; i < items.length; i += RESTRICTED_PAGE) {
    const page = items.slice(i, i + RESTRICTED_PAGE)
    const restricted = await ws.read(({ manager }) => restrictedAmong(manager, page.map((item) => item.id)))
    for (const item of page) item.held = restricted.has(item.id)
  }
  items.sort((a, b) => compareDates(a.dueDate, b.dueDate) || a.id.localeCompare(b.id))
  const preview: RetentionPreview = { asOf: opts.asOf, policyVersion: policy.version, items, counts: [...counts.values()].sort((a, b) => a.rule.localeCompare(b.rule) || a.action.localeCompare(b.action)) }
  if (opts.clocks) preview.clocks = clocks.sort((a, b) => compareDates(a.dueDate, b.dueDate) || a.id.localeCompare(b.id))
  return preview
}

/** The preview operation: computed, then audited (it lists record ids and references). */
export async function previewRetention(ws: Workspace, opts: { asOf: CalendarDate; horizonDays?: number | undefined; clocks?: boolean }): Promise<RetentionPreview> {
  const preview = await computeRetentionPreview(ws, opts)
  await ws.write(({ audit }) => audit({ action: 'retention.preview', subjectId: null, fields: ['id', 'ref', 'state', 'rule', 'action', 'dueDate'], reason: `asOf=${opts.asOf}; items=${preview.items.length}` }))
  return preview
}
