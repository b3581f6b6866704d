import { randomUUID } from 'node:crypto'
import type { ParsedInputOf } from '../../shared/contract/operation'
import type { ProcessingLimitView, restrictionOperations } from '../../shared/contract/restrictions'
import type { Purpose } from '../../shared/domain'
import { DossierError } from '../../shared/errors'
import { PURPOSES, type ObjectionPurpose } from '../../shared/vocabulary'
import { openPerson } from '../people/personAccess'
import { accountNames } from '../people/getPerson'
import { objectionsOf, restrictionInForce } from './processingLimitState'
import { PersonPurposeEntity } from '../vault/entities/PersonRoleRow'
import { type ProcessingLimit, ProcessingLimitEntity } from '../vault/entities/ProcessingLimit'
import type { Workspace } from '../workspace/Workspace'

type Ops = typeof restrictionOperations

/**
 * restriction of processing (GDPR art. 18) and objection to a purpose (art. 21) as recorded
 * states, each with its date and reason; lifting records when, by whom and why. What the states
 * mean for the rest of the app is processingLimitState.ts, which every path asks:
 * - `refuseIfRestricted`: a restricted person's data is kept but not used — edits (rectification,
 *   employment data, periods, procedures, attachments, consents, unsubscribing) and disclosures
 *   refuse with PROCESSING_RESTRICTED; erasure, do-not-contact and retention still apply.
 * - `restrictedClause`: staff search leaves restricted persons out (a privacy officer sees them,
 *   marked `restricted`).
 * - `objectionsOf`: an objection removes its purpose from the person; rectification cannot add it
 *   back, and a disclosure for it refuses (OBJECTION_IN_FORCE, relations/disclosureSubject.ts).
 * The reasons are free text about the person: the rows go with the person, and a reduction to the
 * legal hold blanks them (retention/forgetWrittenAbout.ts, R-19a).
 * Must never: lift anything by itself, or let a restriction stop an erasure or the retention sweep.
 */

export async function listProcessingLimits(ws: Workspace, input: ParsedInputOf<Ops['listProcessingLimits']>): Promise<{ restricted: boolean; limits: ProcessingLimitView[] }> {
  return ws.write(async ({ manager: m, audit }) => {
    const person = await openPerson(ws, m, audit, input.personId, input.reason)
    const rows = await m.getRepository(ProcessingLimitEntity).find({ where: { personId: person.id }, order: { recordedOn: 'DESC', id: 'ASC' } })
    const names = await accountNames(m)
    const name = (id: string | null) => (id === null ? null : (names.get(id) ?? null))
    await audit({ action: 'person.view', subjectId: person.id, fields: ['processingLimits'] })
    // In force first, then lifted ones; newest first within each.
    const ordered = [...rows.filter((r) => r.liftedOn === null), ...rows.filter((r) => r.liftedOn !== null)]
    return {
      restricted: rows.some((r) => r.kind === 'restriction' && r.liftedOn === null),
      limits: ordered.map((r) => ({ ...r, recordedBy: name(r.recordedBy), liftedBy: name(r.liftedBy) }))
    }
  })
}

export async function recordRestriction(ws: Workspace, input: ParsedInputOf<Ops['recordRestriction']>): Promise<{ limitId: string }> {
  ws.requireRole('privacy_officer')
  return ws.write(async (tx) => {
    const person = await openPerson(ws, tx.manager, tx.audit, input.personId, input.reason)
    if (await restrictionInForce(tx.manager, person.id)) throw new DossierError('CONFLICT', 'A restriction is already in force for this person.', { detail: { restricted: true } })
    const limit = newLimit(ws, person.id, 'restriction', null, input.reason, tx.today)
    await tx.store.processingLimit.insert(limit)
    await tx.audit({ action: 'person.restrict', subjectId: person.id, fields: ['processingLimits'], reason: input.reason })
    return { limitId: limit.id }
  })
}

export async function recordObjection(ws: Workspace, input: ParsedInputOf<Ops['recordObjection']>): Promise<{ limitId: string; purposeRemoved: boolean }> {
  ws.requireRole('privacy_officer')
  return ws.write(async (tx) => {
    const person = await openPerson(ws, tx.manager, tx.audit, input.personId, input.reason)
    if ((await objectionsOf(tx.manager, person.id)).has(input.purpose)) {
      throw new DossierError('CONFLICT', 'An objection to this purpose is already in force.', { issues: [{ path: 'purpose', key: 'restrictions.issue.objectionInForce' }] })
    }
    const limit = newLimit(ws, person.id, 'objection', input.purpose, input.reason, tx.today)
    await tx.store.processingLimit.insert(limit)
    // The purpose is no longer pursued: it leaves the person's purposes.
    const purpose = (PURPOSES as readonly string[]).includes(input.purpose) ? (input.purpose as Purpose) : null
    const removed = purpose !== null && ((await tx.manager.getRepository(PersonPurposeEntity).delete({ personId: person.id, purpose })).affected ?? 0) > 0
    await tx.audit({ action: 'person.object', subjectId: person.id, fields: removed ? ['processingLimits', 'purposes'] : ['processingLimits'], reason: `${input.purpose}: ${input.reason}` })
    return { limitId: limit.id, purposeRemoved: removed }
  })
}

export async function liftProcessingLimit(ws: Workspace, input: ParsedInputOf<Ops['liftProcessingLimit']>): Promise<{ limitId: string; kind: ProcessingLimit['kind'] }> {
  ws.requireRole('privacy_officer')
  return ws.write(async (tx) => {
    const limit = await tx.store.processingLimit.findOneBy({ id: input.limitId })
    if (!limit) throw new DossierError('NOT_FOUND', 'No restriction or objection with this id.', { issues: [{ path: 'limitId', key: 'validation.uuid.invalid' }] })
    if (limit.liftedOn !== null) throw new DossierError('CONFLICT', 'This restriction or objection was already lifted.', { detail: { lifted: true } })
    await openPerson(ws, tx.manager, tx.audit, limit.personId, input.reason)
    await tx.store.processingLimit.update({ id: limit.id }, { liftedOn: tx.today, liftedBy: ws.requireActor().accountId, liftReason: input.reason })
    await tx.audit({
      action: limit.kind === 'restriction' ? 'person.restrict-lift' : 'person.object-lift',
      subjectId: limit.personId,
      fields: ['processingLimits'],
      reason: limit.purpose === null ? input.reason : `${limit.purpose}: ${input.reason}`
    })
    return { limitId: limit.id, kind: limit.kind }
  })
}

function newLimit(ws: Workspace, personId: string, kind: ProcessingLimit['kind'], purpose: ObjectionPurpose | null, reason: string, today: string): ProcessingLimit {
  return { id: randomUUID(), personId, kind, purpose, recordedOn: today, recordedBy: ws.requireActor().accountId, reason, liftedOn: null, liftedBy: null, liftReason: null }
}
