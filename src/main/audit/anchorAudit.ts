import { randomUUID } from 'node:crypto'
import type { AuditAnchorView } from '../../shared/contract/governance'
import { DossierError } from '../../shared/errors'
import type { Workspace } from '../workspace/Workspace'
import type { AuditAnchor } from '../vault/entities/Governance'
import { instantToLocal } from '../../shared/time'
import { anchorText } from './auditAnchor'
import { AuditTrail } from './AuditTrail'

/**
 * anchor the audit chain (privacy officer). The `audit.anchor` entry is written first, so
 * the anchored head includes the act of anchoring itself.
 */
export async function createAuditAnchor(ws: Workspace): Promise<AuditAnchorView> {
  ws.requireRole('privacy_officer')
  return ws.write(async ({ manager: m, store, audit }) => {
    const id = randomUUID()
    await audit({ action: 'audit.anchor', subjectId: id })
    const head = await new AuditTrail(ws.clock).head(m)
    if (!head) throw new DossierError('INTERNAL', 'The audit trail is empty.')
    const anchor: AuditAnchor = { id, seq: head.seq, hash: head.hash, createdAt: ws.clock.now().toISOString() }
    await store.auditAnchor.insert(anchor)
    return anchorView(anchor, ws.vault.vaultId)
  })
}

export async function listAuditAnchors(ws: Workspace): Promise<AuditAnchorView[]> {
  const rows = await ws.read(({ store }) => store.auditAnchor.find({ order: { seq: 'DESC' } }))
  return rows.map((a) => anchorView(a, ws.vault.vaultId))
}

function anchorView(a: AuditAnchor, vaultId: string): AuditAnchorView {
  return { ...a, createdAtLocal: instantToLocal(a.createdAt), text: anchorText({ vaultId, seq: a.seq, hash: a.hash, createdAt: a.createdAt }) }
}
