import type { AuditVerdict } from '../../shared/contract/governance'
import { DossierError } from '../../shared/errors'
import type { Workspace } from '../workspace/Workspace'
import { instantToLocal } from '../../shared/time'
import { AuditAnchorEntity } from '../vault/entities/Governance'
import { checkAnchor, parseAnchorText } from './auditAnchor'
import { AuditTrail } from './AuditTrail'
import { checkWitnessedHeads, witnessFailureText } from './witnessedHeads'

type AnchorToCheck = { seq: number; hash: string; createdAt: string; source: 'stored' | 'external' }

/**
 * verify the whole chain, then every anchor stored in the vault and, when given, one kept
 * outside it (pasted or typed back from paper). The verification itself is audited.
 */
export async function verifyAudit(ws: Workspace, externalAnchorText?: string): Promise<AuditVerdict> {
  ws.requireRole('privacy_officer')
  const external = externalAnchorText?.trim() ? parseAnchorText(externalAnchorText) : null
  if (external && external.vaultId !== ws.vault.vaultId) {
    throw new DossierError('VALIDATION_FAILED', 'This anchor belongs to another vault.', { issues: [{ path: 'anchorText', key: 'validation.anchor.otherVault' }] })
  }
  return ws.read(async ({ manager: m }) => {
    const chain = await new AuditTrail(ws.clock).verify(m, ws.vault.auditChainKey())

    const stored = await m.getRepository(AuditAnchorEntity).find({ order: { seq: 'ASC' } })
    const anchors: AnchorToCheck[] = [
      ...stored.map((a) => ({ seq: a.seq, hash: a.hash, createdAt: a.createdAt, source: 'stored' as const })),
      ...(external ? [{ seq: external.seq, hash: external.hash, createdAt: external.createdAt, source: 'external' as const }] : [])
    ]
    let failed: NonNullable<AuditVerdict['anchors']['failed']> | null = null
    for (const a of anchors) {
      const entry = await new AuditTrail(ws.clock).entry(m, a.seq)
      const check = checkAnchor(a, entry?.hash ?? null)
      if (!check.ok) {
        failed = { ...a, problem: check.problem }
        break
      }
    }

    let broken: AuditVerdict['broken'] = null
    if (!chain.ok) {
      const e = await new AuditTrail(ws.clock).entry(m, chain.brokenAt)
      broken = {
        seq: chain.brokenAt,
        problem: chain.problem,
        entry: e ? { seq: e.seq, at: e.at, atLocal: instantToLocal(e.at), action: e.action, actorId: e.actorId, subjectId: e.subjectId } : null
      }
    }
    const witnesses = await checkWitnessedHeads(ws, m)
    const verdict: AuditVerdict = {
      ok: chain.ok && !failed && !witnesses.failed,
      entries: chain.entries,
      head: chain.ok ? chain.head : null,
      broken,
      anchors: { checked: anchors.length, failed },
      witnesses
    }
    const reason = broken
      ? `broken at ${broken.seq} (${broken.problem})`
      : failed
        ? `anchor at ${failed.seq} ${failed.problem}`
        : witnesses.failed
          ? witnessFailureText(witnesses.failed)
          : 'ok'
    await ws.write(({ audit }) => audit({ action: 'audit.verify', reason }))
    return verdict
  })
}
