import type { EntityManager } from 'typeorm'
import type { CalendarDate } from '../../shared/domain'
import { DossierError } from '../../shared/errors'
import type { Clock } from '../clock'
import type { Tx } from '../workspace/Workspace'
import { evaluateRetentionOutlook, type RetentionClock } from './evaluateRetention'
import { loadRetentionFacts } from './loadFacts'
import { currentPolicy } from './policyStore'

/**
 * R-11a: undoing an unsubscribe gives the record a live clock again. Called inside the
 * caller's transaction after `unsubscribedOn` was cleared (and the activity recorded): a record
 * the unsubscribe had shielded, which the engine now sees as active, returns to `active`
 * (unshielded, audited `retention.unshield` without values); a record already reduced to the
 * legal-hold data cannot come back (RETENTION_REDUCED; deleted records are gone already).
 * Returns the clock now running.
 */
export async function restoreLiveClock(m: EntityManager, clock: Clock, audit: Tx['audit'], personId: string, today: CalendarDate): Promise<RetentionClock> {
  const subject = await loadRetentionFacts(m, personId)
  if (!subject) throw new DossierError('NOT_FOUND', 'No person with this id.')
  const policy = await currentPolicy(m, clock)
  const { evaluation, clock: running } = evaluateRetentionOutlook(subject.facts, policy, today)
  if (subject.facts.state === 'shielded' && evaluation.state === 'active') {
    await m
      .createQueryBuilder()
      .update('person')
      .set({ state: 'active', shieldedOn: null, retentionRule: null, updatedAt: clock.now().toISOString() })
      .where('id = :personId', { personId })
      .execute()
    await audit({ action: 'retention.unshield', subjectId: personId, fields: ['state', 'shieldedOn', 'retentionRule'], reason: running.rule })
  }
  return running
}

/** A record reduced to its legal-hold data (or due for deletion) has no way back to mediation. */
export function refuseIfReduced(state: string): void {
  if (state === 'legal-hold' || state === 'due-for-deletion') {
    throw new DossierError('RETENTION_REDUCED', 'This record was reduced to its legal-hold data and cannot be registered again.')
  }
}
