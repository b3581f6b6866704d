import { deletePersonDefinitively } from './deletePerson'
import type { RetentionAction, RetentionEvaluation, RetentionFacts } from './evaluateRetention'
import { purgeAttachment } from './purgeAttachment'
import { purgeExpiredConsentData } from '../consent/purgeExpiredConsentData'
import { purgeIdRecord } from './purgeIdRecord'
import { reduceToLegalHold } from './reduceToLegalHold'
import { shieldPerson } from './shieldPerson'
import type { Tx } from '../workspace/Workspace'

/**
 * Applies `evaluation.due` in the engine's order. When the deletion itself is due (a catch-up
 * after a long closed period), only the deletion runs: shielding or purging a record that is
 * deleted in the same transaction would only write bytes that are zeroed a moment later.
 * Returns the actions applied. `tx` is the person's savepoint, dated as of the run's date.
 */
export async function applyDue(tx: Tx, facts: RetentionFacts, evaluation: RetentionEvaluation, policyVersion: number): Promise<RetentionAction[]> {
  const deletion = evaluation.due.find((a) => a.kind === 'delete')
  if (deletion) {
    await deletePersonDefinitively(tx, facts.personId, { rule: deletion.rule, policyVersion, cause: 'retention' })
    return [deletion]
  }
  const applied: RetentionAction[] = []
  // The rule that governs the record once the due actions are done (shield: the deleting rule;
  // reduction: the longest legal hold).
  const governing = evaluation.rule
  for (const action of evaluation.due) {
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
