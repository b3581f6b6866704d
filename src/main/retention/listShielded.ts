import type { z } from 'zod'
import { RETENTION_RULE_IDS, type RetentionRuleIdWire, type shieldedRecordSchema } from '../../shared/contract/retention'
import type { Workspace } from '../workspace/Workspace'
import { PersonEntity } from '../vault/entities/Person'
import { evaluateRetention } from './evaluateRetention'
import { loadRetentionSubjects } from './loadFacts'
import { currentPolicy } from './policyStore'

function isRuleId(rule: string | null): rule is RetentionRuleIdWire {
  return rule !== null && (RETENTION_RULE_IDS as readonly string[]).includes(rule)
}

export type ShieldedRecord = z.infer<typeof shieldedRecordSchema>

/**
 * the shielded environment's index for a privacy officer — id, reference, rule, shielded
 * on, deletion date; no other data. Opening a record is the people service's `getPerson` with a
 * reason. Listing is audited.
 */
export async function listShielded(ws: Workspace): Promise<ShieldedRecord[]> {
  return ws.write(async ({ manager: m, audit }) => {
    const rows = await m.getRepository(PersonEntity).find({ select: { id: true }, where: { state: 'shielded' }, order: { id: 'ASC' } })
    const policy = await currentPolicy(m, ws.clock)
    const today = ws.clock.today()
    const out: ShieldedRecord[] = []
    for (let i = 0; i < rows.length; i += 500) {
      const subjects = await loadRetentionSubjects(m, rows.slice(i, i + 500).map((r) => r.id))
      for (const s of subjects) {
        const e = evaluateRetention(s.facts, policy, today)
        const rule = e.rule ?? s.retentionRule
        out.push({ id: s.facts.personId, ref: s.ref, rule: isRuleId(rule) ? rule : null, shieldedOn: s.shieldedOn, deletionDate: e.deletionDate })
      }
    }
    out.sort((a, b) => (a.deletionDate ?? '9999').localeCompare(b.deletionDate ?? '9999') || a.id.localeCompare(b.id))
    await audit({ action: 'retention.shielded-list', subjectId: null, fields: ['id', 'ref', 'rule', 'shieldedOn', 'deletionDate'], reason: `records=${out.length}` })
    return out
  })
}
