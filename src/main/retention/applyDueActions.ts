import type { EntityManager } from 'typeorm'
import { deletePersonDefinitively } from './deletePerson'
import type { RetentionAction, RetentionEvaluation, RetentionFacts } from './evaluateRetention'
import { purgeAttachment } from './purgeAttachment'
import { purgeExpiredConsentData } from '../consent/purgeExpiredConsentData'
import { purgeIdRecord } from './purgeIdRecord'
import { reduceToLegalHold } from './reduceToLegalHold'
import type { RetentionActionContext } from './retentionActionContext'
import { shieldPerson } from './shieldPerson'

/**
 * Applies `evaluation.due` in the engine's order. When the deletion itself is due (a catch-up
 * after a long closed period), only the deletion runs: shielding or purging a record that is
 * deleted in the same transaction would only write bytes that are zeroed a moment later.
 * Returns the actions applied.
 */
export async function applyDue(manager: EntityManager, facts: RetentionFacts, evaluation: RetentionEvaluation, ctx: RetentionActionContext): Promise<RetentionAction[]> {
  const deletion = evaluation.due.find((a) => a.kind === 'delete')
  if (deletion) {
    await deletePersonDefinitively(manager, facts.personId, { rule: deletion.rule, policyVersion: ctx.policyVersion, cause: 'retention', today: ctx.today, audit: ctx.audit })
    return [deletion]
  }
  const applied: RetentionAction[] = []
  // The rule that governs the record once the due actions are done (shield: the deleting rule;
  // reduction: the longest legal hold).
  const governing = evaluation.rule
  for (const action of evaluation.due) {
    switch (action.kind) {
      case 'shield':
        await shieldPerson(manager, facts.personId, governing ?? action.rule, ctx)
        break
      case 'reduce-to-legal-hold':
        await reduceToLegalHold(manager, facts.personId, governing ?? action.rule, ctx)
        break
      case 'purge-id-record':
        await purgeIdRecord(manager, facts.personId, action.rule, ctx)
        break
      case 'purge-attachment':
        if (!action.targetId || !(await purgeAttachment(manager, action.targetId, action.rule, ctx))) continue
        break
      case 'purge-consent-data':
        if (!action.targetId || !(await purgeExpiredConsentData(manager, action.targetId, ctx.today, ctx.audit)).applied) continue
        break
      case 'delete':
        break // handled above
    }
    applied.push(action)
  }
  return applied
}
