import type { Tx } from '../workspace/Workspace'

/**
 * Delete one attachment and its content (R-3a: an ID copy taken at registration lives at most
 * 4 weeks, Waadi art. 7c). The content row goes by `ON DELETE CASCADE`. Returns false when the
 * attachment was already gone (nothing audited).
 */
export async function purgeAttachment(tx: Tx, attachmentId: string, rule: string): Promise<boolean> {
  const repo = tx.store.attachment
  const attachment = await repo.findOne({ select: { id: true, personId: true, kind: true }, where: { id: attachmentId } })
  if (!attachment) return false
  await repo.delete({ id: attachmentId })
  tx.noteErasure({ kind: 'purge-attachment', personId: attachment.personId, targetId: attachmentId, rule }) // issue 15 point 3
  await tx.audit({ action: 'retention.purge', subjectId: attachment.personId, fields: [`attachment.${attachment.kind}`], reason: rule })
  return true
}
