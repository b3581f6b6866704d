import type { EntityManager } from 'typeorm'
import type { RetentionRunView } from '../../shared/contract/retention'
import { RetentionRunEntity } from '../vault/entities/Retention'

/** The run log (newest first): what each sweep did, under which policy version, how long it took. */
export async function listRetentionRuns(manager: EntityManager, limit = 100): Promise<RetentionRunView[]> {
  const rows = await manager.getRepository(RetentionRunEntity).find({ order: { startedAt: 'DESC', id: 'ASC' }, take: limit })
  return rows.map((r) => ({
    id: r.id,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    asOf: r.asOf,
    policyVersion: r.policyVersion,
    counts: r.counts,
    durationMs: r.durationMs,
    trigger: r.trigger,
    actorId: r.actorId
  }))
}
