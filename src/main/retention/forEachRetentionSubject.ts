import { performance } from 'node:perf_hooks'
import type { CalendarDate } from '../../shared/domain'
import { yieldToEventLoop } from '../eventLoop'
import type { Workspace } from '../workspace/Workspace'
import type { RetentionSubject } from './loadFacts'
import { checkDatesHold, readWalkPage, type WalkCursor, type WalkPage, walkStart } from './retentionWalk'

export interface RetentionWalkOptions {
  /** persons read per batch */
  batchSize?: number
  /** yield to the event loop once this much continuous work (ms) has been done */
  sliceMs?: number
  /**
   * Only the persons something can fall due for by `dueBy` (their check date has come by then, or
   * they have none yet), under `policyVersion`: see `forEachRetentionBatch`. Without it, everyone.
   */
  dueBy?: { date: CalendarDate; policyVersion: number } | undefined
}

/**
 * Walks the persons' retention facts a batch at a time, yielding to the event loop between batches
 * once `sliceMs` of work has been done, so a walk over a million persons never blocks the main
 * process for long: the preview and the plan (the sweep walks in its own write transactions,
 * sweep.ts). `visit` may itself await. Returns the number of persons visited.
 *
 * Everyone, in id order; or with `dueBy` only the candidates (retentionWalk.ts): no action falls
 * due for a record before its stored check date (`nextRetentionCheck`, checked against the engine
 * by a property test), so a record dated after `dueBy` has nothing due by then and nothing to show.
 * That holds only for dates computed under the same policy version: after a change of policy (or
 * before the first run that dated everyone) the walk takes everyone, as the sweep does.
 */
export async function forEachRetentionBatch(ws: Workspace, visit: (batch: RetentionSubject[]) => void | Promise<void>, opts: RetentionWalkOptions = {}): Promise<number> {
  const batchSize = opts.batchSize ?? 250
  const sliceMs = opts.sliceMs ?? 8
  const dueBy = opts.dueBy
  const everyone = dueBy === undefined || !(await checkDatesHold(ws, dueBy.policyVersion))
  const until = dueBy?.date ?? ws.clock.today()
  let count = 0
  let sliceStart = performance.now()
  for (let cursor: WalkCursor | null = walkStart(everyone); cursor !== null; ) {
    const at: WalkCursor = cursor
    const page: WalkPage = await ws.read(({ manager }) => readWalkPage(manager, at, until, batchSize))
    const subjects = page.subjects
    cursor = page.next
    if (subjects.length > 0) await visit(subjects)
    count += subjects.length
    if (performance.now() - sliceStart >= sliceMs) {
      await yieldToEventLoop()
      sliceStart = performance.now()
    }
  }
  return count
}

/** `forEachRetentionBatch`, one person at a time (a read-only visit, e.g. the preview). */
export function forEachRetentionSubject(ws: Workspace, visit: (subject: RetentionSubject) => void, opts: RetentionWalkOptions = {}): Promise<number> {
  return forEachRetentionBatch(ws, (batch) => batch.forEach(visit), opts)
}
