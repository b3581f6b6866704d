import type { EntityManager } from 'typeorm'
import type { CalendarDate } from '../../shared/domain'
import { portableQuery } from '../vault/portableQuery'
import type { Workspace } from '../workspace/Workspace'
import { type CandidateCursor, loadRetentionBatch, loadRetentionCandidates, type RetentionSubject } from './loadFacts'

/**
 * The retention run's walk (sweep.ts): every person (after a change of policy, or the first run
 * after an upgrade), or only the persons due for evaluation (`loadRetentionCandidates`).
 */
export type WalkCursor = { phase: 'all'; afterId: string | null } | CandidateCursor

/** The setting naming the policy version the stored check dates were computed under. */
export const CHECKED_UNDER_POLICY = 'retention.checked-under-policy'

/**
 * Whether the stored check dates may stand in for a walk of everyone: computed under
 * `policyVersion` (the setting `CHECKED_UNDER_POLICY`, written when a run has dated everyone). The
 * sweep, the plan and the dashboard's preview ask the same question, so they walk the same records.
 */
export async function checkDatesHold(ws: Workspace, policyVersion: number): Promise<boolean> {
  const mark = await ws.read(({ store }) => store.setting.findOneBy({ key: CHECKED_UNDER_POLICY }))
  return mark?.value === policyVersion
}

export function walkStart(everyone: boolean): WalkCursor {
  return everyone ? { phase: 'all', afterId: null } : { phase: 'undated', afterId: null }
}

/** A page of the walk: its persons, and the cursor after it (null: done). */
export interface WalkPage {
  subjects: RetentionSubject[]
  next: WalkCursor | null
}

/** The walk's next page of persons and the cursor after it. */
export async function readWalkPage(manager: EntityManager, cursor: WalkCursor, asOf: CalendarDate, limit: number): Promise<WalkPage> {
  if (cursor.phase !== 'all') return loadRetentionCandidates(manager, asOf, cursor, limit)
  const subjects = await loadRetentionBatch(manager, { afterId: cursor.afterId, limit })
  return { subjects, next: subjects.length < limit ? null : { phase: 'all', afterId: subjects[subjects.length - 1]!.facts.personId } }
}

/** Stores a record's next evaluation date (not a fact: no trigger clears it, no audit entry: no personal data). */
export async function writeRetentionCheck(manager: EntityManager, personId: string, on: CalendarDate): Promise<void> {
  await portableQuery(manager, 'UPDATE "person" SET "retentionCheckOn" = :on WHERE "id" = :personId', { on, personId })
}
