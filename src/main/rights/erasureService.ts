import { randomUUID } from 'node:crypto'
import { type EntityManager, In, Not } from 'typeorm'
import type { ErasureApprovalView, ErasurePreview, ErasureResult } from '../../shared/contract/rights'
import { DossierError } from '../../shared/errors'
import { deletePersonDefinitively } from '../retention/deletePerson'
import { purgeIdRecord } from '../retention/purgeIdRecord'
import { reduceToLegalHold } from '../retention/reduceToLegalHold'
import { currentPolicy } from '../retention/policyStore'
import type { Workspace } from '../workspace/Workspace'
import { readSettings } from '../governance/settings'
import { AccountEntity } from '../vault/entities/Account'
import { AttachmentEntity } from '../vault/entities/Attachment'
import { AbsenceEntity, ConsentEntity, SpecialDataEntity } from '../vault/entities/Consent'
import { DisclosureEntity } from '../vault/entities/Disclosure'
import { EmploymentEntity, RecruitmentProcedureEntity } from '../vault/entities/Employment'
import { FieldChangeEntity } from '../vault/entities/FieldChange'
import { type ErasureApproval, ErasureApprovalEntity } from '../vault/entities/Governance'
import { type Person, PersonEntity } from '../vault/entities/Person'
import { findPerson } from './loadPersonRecord'
import { approvalRefusal, approverOnRequest, fourEyesDecision } from './fourEyes'
import { ERASABLE_FIELDS, planErasure, type ErasurePlan, type ErasureSubject } from './planErasure'
import { noteDocumentOnOpenRequest } from './requestRegister'
import { inTurn } from '../workspace/inTurn'

/**
 * R-19 erasure on request, for privacy officers: preview (what goes, what the law keeps and until
 * when), request with a reason, approval by a second privacy officer when the `fourEyesErasure`
 * setting is on (never by the one who asked: the pure rule in fourEyes.ts), and application
 * through the retention sweep's own deletion path: `deletePersonDefinitively` (tombstone, cause
 * `erasure`; `secure_delete` zeroes the freed pages) or, while a legal duty runs,
 * `reduceToLegalHold` (+ `purgeIdRecord` when only the payroll term is left); then a WAL
 * checkpoint so nothing survives in the journal. "Erase" as the screen and the CLI offer
 * it is one composition of these (`requestAndApplyErasure`, `approveAndApplyErasure`).
 */

/** The tombstone's rule for an erasure on request. */
export const ERASURE_RULE = 'erasure-request'

export async function previewErasure(ws: Workspace, personId: string): Promise<ErasurePreview> {
  return ws.write(async ({ manager: m, store, audit }) => {
    const person = await findPerson(m, personId)
    const plan = await planFor(ws, m, person)
    await audit({ action: 'erasure.preview', subjectId: personId, fields: plan.deleted.fields })
    return {
      personId,
      ref: person.ref,
      givenName: person.givenName,
      familyName: person.familyName,
      birthDate: person.birthDate,
      state: person.state,
      outcome: plan.outcome,
      blockedBy: plan.blockedBy,
      deleted: plan.deleted,
      kept: plan.kept,
      fourEyes: (await readSettings(store)).fourEyesErasure
    }
  })
}

export async function requestErasure(ws: Workspace, personId: string, reason: string): Promise<ErasureApprovalView> {
  const row = await ws.write(async ({ manager: m, store, audit }) => {
    const fourEyes = (await readSettings(store)).fourEyesErasure
    const person = await findPerson(m, personId)
    assertNotBlocked(await planFor(ws, m, person))
    if (await m.getRepository(ErasureApprovalEntity).existsBy({ personId })) {
      throw new DossierError('CONFLICT', 'An erasure of this person is already waiting.')
    }
    const now = ws.clock.now().toISOString()
    // Without four eyes the requesting privacy officer's confirmation is the approval.
    const approvedBy = approverOnRequest({ settings: { fourEyesErasure: fourEyes }, requester: ws.requireActor().accountId })
    const approval: ErasureApproval = {
      id: randomUUID(),
      personId,
      requestedBy: ws.requireActor().accountId,
      requestedAt: now,
      reason,
      approvedBy,
      approvedAt: approvedBy === null ? null : now
    }
    await m.getRepository(ErasureApprovalEntity).insert(approval)
    await audit({ action: 'erasure.request', subjectId: personId, reason })
    return approval
  })
  return (await approvalViews(ws, [row]))[0]!
}

export async function approveErasure(ws: Workspace, approvalId: string): Promise<ErasureApprovalView> {
  const row = await ws.write(async ({ manager: m, audit }) => {
    const approval = await findApproval(m, approvalId)
    const refusal = approvalRefusal({ requester: approval.requestedBy, approvedBy: approval.approvedBy, approver: ws.requireActor().accountId })
    if (refusal === 'already-approved') throw new DossierError('CONFLICT', 'This erasure is already approved.')
    if (refusal === 'own-request') throw new DossierError('APPROVAL_REQUIRED', 'A second privacy officer must approve this erasure.')
    const changed = { approvedBy: ws.requireActor().accountId, approvedAt: ws.clock.now().toISOString() }
    await m.getRepository(ErasureApprovalEntity).update({ id: approvalId }, changed)
    await audit({ action: 'erasure.approve', subjectId: approval.personId, reason: approval.id })
    return { ...approval, ...changed }
  })
  return (await approvalViews(ws, [row]))[0]!
}

export async function applyErasure(ws: Workspace, approvalId: string): Promise<ErasureResult> {
  const result = await ws.write(async (tx): Promise<ErasureResult> => {
    const { manager: m, store, audit, today } = tx
    const fourEyes = (await readSettings(store)).fourEyesErasure
    const approval = await findApproval(m, approvalId)
    // Four eyes: approved, and by someone other than the requester (also when the setting was
    // switched on after an approval by the requester alone).
    if (fourEyesDecision({ settings: { fourEyesErasure: fourEyes }, requester: approval.requestedBy, approver: approval.approvedBy }) !== 'approved') {
      throw new DossierError('APPROVAL_REQUIRED', 'A second privacy officer must approve this erasure.')
    }
    const person = await findPerson(m, approval.personId)
    const policy = await currentPolicy(m, ws.clock)
    const plan = await planFor(ws, m, person)
    assertNotBlocked(plan)

    let tombstoneId: string | null = null
    if (plan.outcome === 'delete') {
      tombstoneId = (await deletePersonDefinitively(tx, person.id, { rule: ERASURE_RULE, policyVersion: policy.version, cause: 'erasure' })).id
    } else {
      // The request ends mediation: R-11's clock and the legal holds count from here, so the sweep
      // deletes the kept subset when its term ends.
      if (person.unsubscribedOn === null) await m.getRepository(PersonEntity).update({ id: person.id }, { unsubscribedOn: today, updatedAt: tx.at })
      if (person.reducedToLegalHoldOn === null) await reduceToLegalHold(tx, person.id, plan.holdRule!, { endsMediation: true })
      if (plan.purgeIdRecord) await purgeIdRecord(tx, person.id, 'legal-hold-id-bsn')
      await audit({
        action: 'erasure.apply',
        subjectId: person.id,
        fields: [...plan.deleted.fields, ...plan.deleted.records.map((r) => r.kind)],
        reason: `legal-hold ${plan.holdRule}`
      })
    }
    await m.getRepository(ErasureApprovalEntity).delete({ personId: person.id })
    await noteDocumentOnOpenRequest(m, person.id, ['erasure'], {
      kind: 'erasure',
      producedAt: tx.at,
      reference: tombstoneId ?? `legal-hold ${plan.kept.map((h) => h.keptUntil).sort().at(-1)}`
    })
    return { personId: person.id, outcome: tombstoneId ? 'deleted' : 'legal-hold', tombstoneId, kept: plan.kept }
  })
  // the freed pages are zeroed (secure_delete); move the WAL into the file and truncate it.
  ws.vault.checkpoint()
  return result
}

/**
 * "Erase" on the screen and in the CLI (`dossier erase`): request the erasure, and apply it at
 * once when it needs no second privacy officer (four eyes off). With four eyes on it stays a
 * request (`result: null`) until another officer runs `approveAndApplyErasure`.
 */
export async function requestAndApplyErasure(ws: Workspace, personId: string, reason: string): Promise<{ approval: ErasureApprovalView; result: ErasureResult | null }> {
  const approval = await requestErasure(ws, personId, reason)
  if (approval.status !== 'approved') return { approval, result: null }
  return { approval, result: await applyErasure(ws, approval.approvalId) }
}

/** The second privacy officer's "approve" on the screen and in the CLI (`dossier erase-approve`): approve, then apply. */
export async function approveAndApplyErasure(ws: Workspace, approvalId: string): Promise<ErasureResult> {
  await approveErasure(ws, approvalId)
  return applyErasure(ws, approvalId)
}

export async function listErasureApprovals(ws: Workspace): Promise<ErasureApprovalView[]> {
  const rows = await ws.read(({ store }) => store.erasureApproval.find({ order: { requestedAt: 'ASC', id: 'ASC' } }))
  return approvalViews(ws, rows)
}

/** The facts an erasure plan needs, read from the vault. */
export async function erasureSubjectOf(m: EntityManager, person: Person): Promise<ErasureSubject> {
  const personId = person.id
  const where = { personId }
  const [employments, idCopies, attachments, consents, specialData, disclosures, fieldChanges, absence, recruitmentProcedures] = await inTurn([
    () => m.getRepository(EmploymentEntity).find({ select: { start: true, end: true }, where }),
    () => m.getRepository(AttachmentEntity).countBy({ personId, kind: 'id-copy' }),
    () => m.getRepository(AttachmentEntity).countBy({ personId, kind: Not('id-copy') }),
    () => m.getRepository(ConsentEntity).countBy(where),
    () => m.getRepository(SpecialDataEntity).countBy(where),
    () => m.getRepository(DisclosureEntity).countBy(where),
    () => m.getRepository(FieldChangeEntity).countBy(where),
    () => m.getRepository(AbsenceEntity).countBy(where),
    () => m.getRepository(RecruitmentProcedureEntity).countBy(where)
  ])
  return {
    filledFields: ERASABLE_FIELDS.filter((f) => {
      const value = person[f as keyof Person]
      return value !== null && value !== ''
    }),
    records: { employments: employments.length, idCopies, attachments, consents, specialData, disclosures, fieldChanges, absence, recruitmentProcedures },
    employments: employments.map((e) => ({ start: e.start, end: e.end }))
  }
}

async function planFor(ws: Workspace, m: EntityManager, person: Person): Promise<ErasurePlan> {
  return planErasure(await erasureSubjectOf(m, person), await currentPolicy(m, ws.clock), ws.clock.today())
}

function assertNotBlocked(plan: ErasurePlan): void {
  if (plan.outcome === 'blocked') {
    throw new DossierError('CONFLICT', 'The person is still employed; erasure waits until the employment has ended.', { detail: { blockedBy: plan.blockedBy ?? 'unknown' } })
  }
}

async function findApproval(m: EntityManager, id: string): Promise<ErasureApproval> {
  const approval = await m.getRepository(ErasureApprovalEntity).findOneBy({ id })
  if (!approval) throw new DossierError('NOT_FOUND', 'No erasure request with this id.')
  return approval
}

async function approvalViews(ws: Workspace, rows: ErasureApproval[]): Promise<ErasureApprovalView[]> {
  return ws.read(async ({ manager: m, store }) => {
    const settings = await readSettings(store)
    const staffIds = [...new Set(rows.flatMap((r) => (r.approvedBy ? [r.requestedBy, r.approvedBy] : [r.requestedBy])))]
    const personIds = [...new Set(rows.map((r) => r.personId))]
    const [accounts, persons] = await inTurn([
      () => staffIds.length ? m.getRepository(AccountEntity).find({ select: { id: true, displayName: true }, where: { id: In(staffIds) } }) : [],
      () => personIds.length ? m.getRepository(PersonEntity).find({ select: { id: true, ref: true }, where: { id: In(personIds) } }) : []
    ])
    const staff = new Map(accounts.map((a) => [a.id, a.displayName]))
    const refs = new Map(persons.map((p) => [p.id, p.ref]))
    return rows.map((r) => ({
      approvalId: r.id,
      personId: r.personId,
      ref: refs.get(r.personId) ?? null,
      requestedBy: staff.get(r.requestedBy) ?? null,
      requestedAt: r.requestedAt,
      reason: r.reason,
      approvedBy: r.approvedBy ? (staff.get(r.approvedBy) ?? null) : null,
      approvedAt: r.approvedAt,
      status: fourEyesDecision({ settings, requester: r.requestedBy, approver: r.approvedBy })
    }))
  })
}
