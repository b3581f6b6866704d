import { randomUUID } from 'node:crypto'
import type { AuditAnchorView } from '../../shared/contract/governance'
import { DossierError } from '../../shared/errors'
import type { DossierApp } from '../services/DossierApp'
import { type AuditAnchor, AuditAnchorEntity } from '../vault/entities/Governance'
import { instantToLocal } from '../governance/amsterdamTime'
import { anchorText } from './auditAnchor'

/**
 * anchor the audit chain (privacy officer). The `audit.anchor` entry is written first, so
 * the anchored head includes the act of anchoring itself.
 */
export async function createAuditAnchor(app: DossierApp): Promise<AuditAnchorView> {
  app.requireRole('privacy_officer')
  return app.transaction(async (m, audit) => {
    const id = randomUUID()
    await audit({ action: 'audit.anchor', subjectId: id })
    const head = await app.audit.head(m)
    if (!head) throw new DossierError('INTERNAL', 'The audit trail is empty.')
    const anchor: AuditAnchor = { id, seq: head.seq, hash: head.hash, createdAt: app.clock.now().toISOString() }
    await m.getRepository(AuditAnchorEntity).insert(anchor)
    return anchorView(anchor, app.vault.vaultId)
  })
}

export async function listAuditAnchors(app: DossierApp): Promise<AuditAnchorView[]> {
  const rows = await app.vault.dataSource.getRepository(AuditAnchorEntity).find({ order: { seq: 'DESC' } })
  return rows.map((a) => anchorView(a, app.vault.vaultId))
}

function anchorView(a: AuditAnchor, vaultId: string): AuditAnchorView {
  return { ...a, createdAtLocal: instantToLocal(a.createdAt), text: anchorText({ vaultId, seq: a.seq, hash: a.hash, createdAt: a.createdAt }) }
}
