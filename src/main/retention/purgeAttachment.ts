import type { EntityManager } from 'typeorm'
import { AttachmentEntity } from '../vault/entities/Attachment'
import type { RetentionActionContext } from './retentionActionContext'

/**
 * Delete one attachment and its content (R-3a: an ID copy taken at registration lives at most
 * 4 weeks, Waadi art. 7c). The content row goes by `ON DELETE CASCADE`. Returns false when the
 * attachment was already gone (nothing audited).
 */
export async function purgeAttachment(manager: EntityManager, attachmentId: string, rule: string, ctx: RetentionActionContext): Promise<boolean> {
  const repo = manager.getRepository(AttachmentEntity)
  const attachment = await repo.findOne({ select: { id: true, personId: true, kind: true }, where: { id: attachmentId } })
  if (!attachment) return false
  await repo.delete({ id: attachmentId })
  await ctx.audit({ action: 'retention.purge', subjectId: attachment.personId, fields: [`attachment.${attachment.kind}`], reason: rule })
  return true
}
