import { deletePersonDefinitively } from './deletePerson'
import type { RetentionAction, RetentionEvaluation, RetentionFacts } from './evaluateRetention'
import { purgeAttachment } from './purgeAttachment'
import { purgeExpiredConsentData } from '../consent/purgeExpiredConsentData'
import { purgeIdRecord } from './purgeIdRecord'
import { reduceToLegalHold } from './reduceToLegalHold'
import { shieldPerson } from './shieldPerson'
import type { Tx } from '../workspace/Workspace'

/**
 * Of the actions the engine finds due, the ones a run applies: a due deletion alone (shielding or
 * purging a record deleted in the same savepoint would only write bytes that are zeroed next),
 * otherwise all of them in the engine's order. Pure; `applyDue` and the plan (planRetention.ts)
 * both use it, so a dry run names exactly what the run does.
 */
export function actionsToApply(evaluation: RetentionEvaluation): RetentionAction[] {
  const deletion = evaluation.due.find((a) => a.kind === 'delete')
  return deletion ? [deletion] : evaluation.due
}

/**
 * Applies `actionsToApply(evaluation)` in the engine's order. When the deletion itself is due (a catch-up
 * after a long closed period), only the deletion runs: shielding or purging a record that is
 * deleted in the same transaction would only write bytes that are zeroed a moment later.
 * Returns the actions applied. `tx` is the person's savepoint, dated as of the run's date.
 */
/** `actions`: the due actions to apply (all of them unless the sweep holds some back: a restriction, R-26). */
export async function applyDue(tx: Tx, facts: RetentionFacts, evaluation: RetentionEvaluation, policyVersion: number, actions: RetentionAction[] = actionsToApply(evaluation)): Promise<RetentionAction[]> {
  const deletion = actions.find((a) => a.kind === 'delete')
  if (deletion) {
    await deletePersonDefinitively(tx, facts.personId, { rule: deletion.rule, policyVersion, cause: 'retention' })
    return [deletion]
  }
  const applied: RetentionAction[] = []
  // The rule that governs the record once the due actions are done (shield: the deleting rule;
  // reduction: the longest legal hold).
  const governing = evaluation.rule
  for (const action of actions) {
    switch (action.kind) {
      case 'shield':
        await shieldPerson(tx, facts.personId, governing ?? action.rule)
        break
      case 'reduce-to-legal-hold':
        await reduceToLegalHold(tx, facts.personId, governing ?? action.rule)
        break
      case 'purge-id-record':
        await purgeIdRecord(tx, facts.personId, action.rule)
        break
      case 'purge-attachment':
        if (!action.targetId || !(await purgeAttachment(tx, action.targetId, action.rule))) continue
        break
      case 'purge-consent-data':
        if (!action.targetId || !(await purgeExpiredConsentData(tx, action.targetId)).applied) continue
        break
      case 'delete':
        break // handled above
    }
    applied.push(action)
  }
  return applied
}
