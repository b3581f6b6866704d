import { AttachmentEntity } from '../vault/entities/Attachment'
import { type Person, PersonEntity } from '../vault/entities/Person'
import { filledFields, ID_RECORD_FIELDS } from './legalHoldData'
import type { Tx } from '../workspace/Workspace'

/**
 * R-16, Wet LB art. 28: the identity-document record, the BSN and the work permit have been kept
 * for 5 full calendar years after the year employment ended; now they go, with every ID copy.
 * The payroll data (`PAYROLL_HOLD_FIELDS`) stays until its own hold ends.
 */
export async function purgeIdRecord(tx: Tx, personId: string, rule: string): Promise<void> {
  const { manager } = tx
  const repo = manager.getRepository(PersonEntity)
  const person = await repo.findOneBy({ id: personId })
  if (!person) return
  tx.noteErasure({ kind: 'purge-id-record', personId, rule }) // issue 15 point 3: re-applied after a restore
  const attachments = manager.getRepository(AttachmentEntity)
  const copies = await attachments.count({ where: { personId, kind: 'id-copy' } })
  const cleared: Partial<Person> = Object.fromEntries(ID_RECORD_FIELDS.map((f) => [f, null]))
  await repo.update({ id: personId }, { ...cleared, idRecordPurgedOn: tx.today, updatedAt: tx.at })
  await attachments.delete({ personId, kind: 'id-copy' })
  await tx.audit({
    action: 'retention.purge',
    subjectId: personId,
    fields: [...filledFields(person, ID_RECORD_FIELDS), ...(copies > 0 ? ['attachment.id-copy'] : []), 'idRecordPurgedOn'],
    reason: rule
  })
}
