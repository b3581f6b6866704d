import { performance } from 'node:perf_hooks'
import { yieldToEventLoop } from '../eventLoop'
import type { DossierApp } from '../services/DossierApp'
import { loadRetentionBatch, type RetentionSubject } from './loadFacts'

/**
 * Visits every person's retention facts in id order, in batches, yielding to the event loop
 * between batches so a read over 100,000 persons never blocks the main process for long.
 */
export async function forEachRetentionSubject(
  app: DossierApp,
  visit: (subject: RetentionSubject) => void,
  opts: { batchSize?: number; sliceMs?: number } = {}
): Promise<number> {
  const batchSize = opts.batchSize ?? 250
  const sliceMs = opts.sliceMs ?? 8
  let count = 0
  let sliceStart = performance.now()
  for (let afterId: string | null = null; ; ) {
    const batch = await loadRetentionBatch(app.vault.dataSource.manager, { afterId, limit: batchSize })
    if (batch.length === 0) return count
    afterId = batch[batch.length - 1]!.facts.personId
    for (const subject of batch) visit(subject)
    count += batch.length
    if (performance.now() - sliceStart >= sliceMs) {
      await yieldToEventLoop()
      sliceStart = performance.now()
    }
  }
}
