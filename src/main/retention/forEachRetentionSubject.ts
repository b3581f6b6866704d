import { performance } from 'node:perf_hooks'
import { yieldToEventLoop } from '../eventLoop'
import type { Workspace } from '../workspace/Workspace'
import { loadRetentionBatch, type RetentionSubject } from './loadFacts'

export interface RetentionWalkOptions {
  /** persons read per batch */
  batchSize?: number
  /** yield to the event loop once this much continuous work (ms) has been done */
  sliceMs?: number
}

/**
 * Walks every person's retention facts in id order, a batch at a time, yielding to the event loop
 * between batches once `sliceMs` of work has been done, so a walk over 100,000 persons never blocks
 * the main process for long: the preview and the plan (the sweep walks only what is due,
 * retentionWalk.ts). `visit` may itself await. Returns the
 * number of persons visited.
 */
export async function forEachRetentionBatch(ws: Workspace, visit: (batch: RetentionSubject[]) => void | Promise<void>, opts: RetentionWalkOptions = {}): Promise<number> {
  const batchSize = opts.batchSize ?? 250
  const sliceMs = opts.sliceMs ?? 8
  let count = 0
  let sliceStart = performance.now()
  for (let afterId: string | null = null; ; ) {
    const batch = await ws.read(({ manager }) => loadRetentionBatch(manager, { afterId, limit: batchSize }))
    if (batch.length === 0) return count
    afterId = batch[batch.length - 1]!.facts.personId
    await visit(batch)
    count += batch.length
    if (performance.now() - sliceStart >= sliceMs) {
      await yieldToEventLoop()
      sliceStart = performance.now()
    }
  }
}

/** `forEachRetentionBatch`, one person at a time (a read-only visit, e.g. the preview). */
export function forEachRetentionSubject(ws: Workspace, visit: (subject: RetentionSubject) => void, opts: RetentionWalkOptions = {}): Promise<number> {
  return forEachRetentionBatch(ws, (batch) => batch.forEach(visit), opts)
}
