import { forgetWrittenAbout } from './forgetWrittenAbout'
import { Not } from 'typeorm'
import { AttachmentEntity } from '../vault/entities/Attachment'
import { AbsenceEntity, ConsentEntity, SpecialDataEntity } from '../vault/entities/Consent'
import { DisclosureEntity } from '../vault/entities/Disclosure'
import { RecruitmentProcedureEntity } from '../vault/entities/Employment'
import { FieldChangeEntity } from '../vault/entities/FieldChange'
import { InformTaskEntity } from '../vault/entities/InformTask'
import { type Person, PersonEntity } from '../vault/entities/Person'
import { PersonPurposeEntity } from '../vault/entities/PersonRoleRow'
import { ProcessingConsentEntity } from '../vault/entities/ProcessingConsent'
import { CLEARED_AT_REDUCTION, filledFields } from './legalHoldData'
import type { Tx } from '../workspace/Workspace'

/**
 * R-11 then R-16: two years after the last employment ended (and mediation stopped), keep only
 * what a legal duty still covers — the payroll basic data and, while its own hold runs, the
 * ID/BSN record with the ID copies, plus the employment periods — restricted to payroll
 * (purpose `payroll`, basis legal obligation). Everything else goes now: contact and intake data,
 * CV and every other non-ID attachment, consents with their special data, disclosures, field
 * change history, absence entries, W&S procedures. `holdRule` is the legal hold that now governs
 * the record (it decides the deletion date). Noted in the erasure ledger (`tx.noteErasure`).
 */
export async function reduceToLegalHold(tx: Tx, personId: string, holdRule: string, opts: { endsMediation?: boolean } = {}): Promise<void> {
  const { manager } = tx
  const repo = manager.getRepository(PersonEntity)
  const person = await repo.findOneBy({ id: personId })
  if (!person) return
  // Issue 15 point 3: a restore of an older backup reduces the record again (an erasure's
  // reduction also ended mediation: `endsMediation`).
  tx.noteErasure({ kind: 'reduce-to-legal-hold', personId, rule: holdRule, ...(opts.endsMediation ? { endsMediation: true } : {}) })
  const removed: string[] = filledFields(person, CLEARED_AT_REDUCTION)
  const removeRows = async (name: string, count: () => Promise<number>, remove: () => Promise<unknown>) => {
    if ((await count()) === 0) return
    await remove()
    removed.push(name)
  }
  const attachments = manager.getRepository(AttachmentEntity)
  await removeRows('attachments', () => attachments.countBy({ personId, kind: Not('id-copy') }), () => attachments.delete({ personId, kind: Not('id-copy') }))
  const special = manager.getRepository(SpecialDataEntity)
  await removeRows('specialData', () => special.countBy({ personId }), () => special.delete({ personId }))
  const consents = manager.getRepository(ConsentEntity)
  await removeRows('consents', () => consents.countBy({ personId }), () => consents.delete({ personId }))
  const disclosures = manager.getRepository(DisclosureEntity)
  await removeRows('disclosures', () => disclosures.countBy({ personId }), () => disclosures.delete({ personId }))
  const processingConsents = manager.getRepository(ProcessingConsentEntity)
  await removeRows('processingConsents', () => processingConsents.countBy({ personId }), () => processingConsents.delete({ personId }))
  const changes = manager.getRepository(FieldChangeEntity)
  await removeRows('fieldChanges', () => changes.countBy({ personId }), () => changes.delete({ personId }))
  const absence = manager.getRepository(AbsenceEntity)
  await removeRows('absence', () => absence.countBy({ personId }), () => absence.delete({ personId }))
  const procedures = manager.getRepository(RecruitmentProcedureEntity)
  await removeRows('recruitmentProcedures', () => procedures.countBy({ personId }), () => procedures.delete({ personId }))
  // a record kept only for a legal duty is not approached any more.
  const informTasks = manager.getRepository(InformTaskEntity)
  await removeRows('informTasks', () => informTasks.countBy({ personId }), () => informTasks.delete({ personId }))

  // Restricted to the purpose of the legal duty.
  const purposes = manager.getRepository(PersonPurposeEntity)
  await purposes.delete({ personId })
  await purposes.insert({ personId, purpose: 'payroll', legalBasis: 'legal-obligation' })

  const cleared: Partial<Person> = Object.fromEntries(CLEARED_AT_REDUCTION.map((f) => [f, null]))
  await repo.update({ id: personId }, { ...cleared, state: 'legal-hold', reducedToLegalHoldOn: tx.today, retentionRule: holdRule, updatedAt: tx.at })
  await forgetWrittenAbout(tx, personId) // R-19a
  await tx.audit({ action: 'retention.reduce', subjectId: personId, fields: [...removed, 'purposes', 'state'], reason: holdRule })
}
