import type { EntityManager } from 'typeorm'
import { PersonEntity } from '../vault/entities/Person'
import type { RetentionActionContext } from './retentionActionContext'

/**
 * move a record to the shielded environment. Nothing is deleted; the record leaves normal
 * lists, search, exports and sharing (`restrictedStates.ts`) and only a privacy officer opens it,
 * stating a reason. `rule` is the rule that now governs the record (its deletion date).
 */
export async function shieldPerson(manager: EntityManager, personId: string, rule: string, ctx: RetentionActionContext): Promise<void> {
  await manager.getRepository(PersonEntity).update({ id: personId }, { state: 'shielded', shieldedOn: ctx.today, retentionRule: rule, updatedAt: ctx.at })
  await ctx.audit({ action: 'retention.shield', subjectId: personId, fields: ['state', 'shieldedOn', 'retentionRule'], reason: rule })
}
