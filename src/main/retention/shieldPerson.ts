import type { Tx } from '../workspace/Workspace'

/**
 * move a record to the shielded environment. Nothing is deleted; the record leaves normal
 * lists, search, exports and sharing (`restrictedStates.ts`) and only a privacy officer opens it,
 * stating a reason. `rule` is the rule that now governs the record (its deletion date).
 */
export async function shieldPerson(tx: Tx, personId: string, rule: string): Promise<void> {
  await tx.store.person.update({ id: personId }, { state: 'shielded', shieldedOn: tx.today, retentionRule: rule, updatedAt: tx.at })
  await tx.audit({ action: 'retention.shield', subjectId: personId, fields: ['state', 'shieldedOn', 'retentionRule'], reason: rule })
}
