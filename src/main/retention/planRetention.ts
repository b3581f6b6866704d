import { createHash } from 'node:crypto'
import { In } from 'typeorm'
import type { RetentionPlanView } from '../../shared/contract/retention'
import type { CalendarDate, RetentionState } from '../../shared/domain'
import type { Workspace } from '../workspace/Workspace'
import { PersonEntity } from '../vault/entities/Person'
import { actionsToApply } from './applyDueActions'
import { evaluateRetention, type RetentionAction } from './evaluateRetention'
import { forEachRetentionBatch } from './forEachRetentionSubject'
import type { RetentionPolicy } from './policy'
import { currentPolicy } from './policyStore'
import { restrictedAmong } from './restrictedPersons'

/**
 * Issue 16 point 3: what a retention run as of a date will do, before it does it — the same walk,
 * the same engine and the same choice of actions (`actionsToApply`) as the sweep, so the dry run
 * and the run cannot disagree. The plan's digest names every planned action (person, action,
 * rule, target); a run confirmed with a digest recomputes the plan first, refuses when it differs
 * (RETENTION_PLAN_CHANGED: the data or the policy changed since it was shown), and then applies
 * nothing that is not in it.
 */

/** A planned action's identity, as the digest and the run's allowance see it. */
export function plannedActionKey(personId: string, a: Pick<RetentionAction, 'kind' | 'rule' | 'targetId'>): string {
  return `${personId}|${a.kind}|${a.rule}|${a.targetId ?? ''}`
}

export interface PlannedPerson {
  personId: string
  ref: string | null
  state: RetentionState
  actions: RetentionAction[]
}

export interface RetentionPlan {
  asOf: CalendarDate
  policyVersion: number
  digest: string
  persons: PlannedPerson[]
  /** every planned action's key (`plannedActionKey`) */
  keys: Set<string>
  /** persons with something due that a restriction of processing keeps as they are (R-26; the run holds them too) */
  heldByRestriction: number
}

function digestOf(asOf: CalendarDate, policyVersion: number, keys: string[]): string {
  const hash = createHash('sha256')
  hash.update(`${asOf}\n${policyVersion}\n`)
  for (const key of [...keys].sort()) hash.update(`${key}\n`)
  return hash.digest('hex')
}

/** The plan as of `asOf` under `policy`: every person's actions a run would apply now. Reads only. */
export async function computeRetentionPlan(ws: Workspace, asOf: CalendarDate, policy: RetentionPolicy): Promise<RetentionPlan> {
  const persons: PlannedPerson[] = []
  let heldByRestriction = 0
  // The persons the sweep as of `asOf` reads, and no others (issue 18).
  await forEachRetentionBatch(ws, async (batch) => {
    const due = batch.flatMap((s) => {
      const actions = actionsToApply(evaluateRetention(s.facts, policy, asOf))
      return actions.length > 0 ? [{ personId: s.facts.personId, ref: s.ref, state: s.facts.state, actions }] : []
    })
    // as the sweep does, a restricted person's data is kept while the restriction holds.
    const restricted = due.length > 0 ? await ws.read(({ manager }) => restrictedAmong(manager, due.map((p) => p.personId))) : new Set<string>()
    for (const p of due) {
      if (restricted.has(p.personId)) heldByRestriction++
      else persons.push(p)
    }
  }, { dueBy: { date: asOf, policyVersion: policy.version } })
  const keys = persons.flatMap((p) => p.actions.map((a) => plannedActionKey(p.personId, a)))
  return { asOf, policyVersion: policy.version, digest: digestOf(asOf, policy.version, keys), persons, keys: new Set(keys), heldByRestriction }
}

/** How many persons' names are read per query. */
const NAMES_CHUNK = 500

/**
 * The plan operation (privacy officer): counts per action and rule, and per person the reference,
 * name and actions, with the digest the run must be confirmed with. Audited as a preview.
 */
export async function planRetention(ws: Workspace, asOf: CalendarDate): Promise<RetentionPlanView> {
  const policy = await ws.read(({ manager }) => currentPolicy(manager, ws.clock))
  const plan = await computeRetentionPlan(ws, asOf, policy)
  const names = new Map<string, { givenName: string; familyName: string }>()
  const ids = plan.persons.map((p) => p.personId)
  for (let i = 0; i < ids.length; i += NAMES_CHUNK) {
    const rows = await ws.read(({ manager }) =>
      manager.getRepository(PersonEntity).find({ where: { id: In(ids.slice(i, i + NAMES_CHUNK)) }, select: { id: true, givenName: true, familyName: true } })
    )
    for (const r of rows) names.set(r.id, { givenName: r.givenName, familyName: r.familyName })
  }
  const counts = new Map<string, RetentionPlanView['counts'][number]>()
  for (const p of plan.persons) {
    for (const a of p.actions) {
      const key = `${a.kind}:${a.rule}`
      const c = counts.get(key) ?? { action: a.kind, rule: a.rule, count: 0 }
      c.count++
      counts.set(key, c)
    }
  }
  const view: RetentionPlanView = {
    asOf,
    policyVersion: plan.policyVersion,
    digest: plan.digest,
    heldByRestriction: plan.heldByRestriction,
    counts: [...counts.values()].sort((a, b) => a.action.localeCompare(b.action) || a.rule.localeCompare(b.rule)),
    persons: plan.persons
      .map((p) => ({
        personId: p.personId,
        ref: p.ref,
        givenName: names.get(p.personId)?.givenName ?? '',
        familyName: names.get(p.personId)?.familyName ?? '',
        state: p.state,
        actions: p.actions.map((a) => ({ action: a.kind, rule: a.rule }))
      }))
      .sort((a, b) => a.familyName.localeCompare(b.familyName, 'nl') || a.givenName.localeCompare(b.givenName, 'nl') || a.personId.localeCompare(b.personId))
  }
  await ws.write(({ audit }) =>
    audit({ action: 'retention.preview', subjectId: null, fields: ['id', 'ref', 'givenName', 'familyName', 'state', 'rule', 'action'], reason: `asOf=${asOf}; persons=${view.persons.length}` })
  )
  return view
}
