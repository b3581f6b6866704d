import { randomUUID } from 'node:crypto'
import { type EntityManager, In } from 'typeorm'
import type { SubjectRequestKind, SubjectRequestView } from '../../shared/contract/rights'
import type { CalendarDate } from '../../shared/domain'
import { DossierError } from '../../shared/errors'
import type { Workspace } from '../workspace/Workspace'
import { type SubjectRequest, SubjectRequestEntity } from '../vault/entities/Governance'
import { PersonEntity } from '../vault/entities/Person'
import { compareDates } from '../../shared/time'
import { compareForRegister, dueOn, extendedDeadline, isOverdue, mayExtend, requestDeadline } from './requestDeadlines'

/**
 * The register of data-subject requests (GDPR art. 12(3)): received date, how the identity was
 * checked, the one-month deadline (extendable once by two months with a reason), status and the
 * documents produced for it. The privacy officer keeps it; office staff may log an access request
 * made at the desk. Every change is audited (`request.create`, `request.update`).
 */

export interface NewRequest {
  personId?: string | undefined
  kind: SubjectRequestKind
  receivedOn: CalendarDate
  identityCheck: string
}

export async function createRequest(ws: Workspace, input: NewRequest): Promise<SubjectRequestView> {
  // Staff log access requests at the desk; every other kind is the privacy officer's (brief, R-19).
  if (input.kind !== 'access' && !ws.hasRole('privacy_officer')) {
    throw new DossierError('FORBIDDEN', 'Only a privacy officer registers this kind of request.')
  }
  const today = ws.clock.today()
  if (compareDates(input.receivedOn, today) > 0) {
    throw new DossierError('FUTURE_DATE_NOT_ALLOWED', 'A request cannot be received in the future.', { issues: [{ path: 'receivedOn', key: 'validation.date.future' }] })
  }
  return ws.write(async ({ manager: m, audit }) => {
    if (input.personId !== undefined && !(await m.getRepository(PersonEntity).existsBy({ id: input.personId }))) {
      throw new DossierError('NOT_FOUND', 'No person with this id.')
    }
    const row: SubjectRequest = {
      id: randomUUID(),
      personId: input.personId ?? null,
      kind: input.kind,
      receivedOn: input.receivedOn,
      identityCheck: input.identityCheck,
      deadline: requestDeadline(input.receivedOn),
      extendedTo: null,
      extensionReason: null,
      status: 'open',
      closedOn: null,
      documents: [],
      createdBy: ws.requireActor().accountId
    }
    await m.getRepository(SubjectRequestEntity).insert(row)
    await audit({ action: 'request.create', subjectId: row.personId ?? row.id, fields: ['kind', 'receivedOn', 'identityCheck', 'deadline'], reason: row.kind })
    return (await viewsOf(m, [row], today))[0]!
  })
}

export async function extendRequest(ws: Workspace, id: string, reason: string): Promise<SubjectRequestView> {
  const today = ws.clock.today()
  return ws.write(async ({ manager: m, audit }) => {
    const row = await findRequest(m, id)
    if (!mayExtend(row, today)) throw new DossierError('CONFLICT', 'Only an open request, before its deadline and not yet extended, can be extended.')
    const changed = { extendedTo: extendedDeadline(row.deadline), extensionReason: reason }
    await m.getRepository(SubjectRequestEntity).update({ id }, changed)
    await audit({ action: 'request.update', subjectId: row.personId ?? row.id, fields: ['extendedTo', 'extensionReason'], reason: 'extend' })
    return (await viewsOf(m, [{ ...row, ...changed }], today))[0]!
  })
}

export async function closeRequest(ws: Workspace, id: string, status: 'done' | 'rejected'): Promise<SubjectRequestView> {
  const today = ws.clock.today()
  return ws.write(async ({ manager: m, audit }) => {
    const row = await findRequest(m, id)
    if (row.status !== 'open') throw new DossierError('CONFLICT', 'This request is already closed.')
    const changed = { status, closedOn: today }
    await m.getRepository(SubjectRequestEntity).update({ id }, changed)
    await audit({ action: 'request.update', subjectId: row.personId ?? row.id, fields: ['status', 'closedOn'], reason: status })
    return (await viewsOf(m, [{ ...row, ...changed }], today))[0]!
  })
}

export async function listRequests(ws: Workspace, includeClosed: boolean): Promise<{ asOf: CalendarDate; requests: SubjectRequestView[] }> {
  const today = ws.clock.today()
  return ws.write(async ({ manager: m, audit }) => {
    const rows = await m.getRepository(SubjectRequestEntity).find({ where: includeClosed ? {} : { status: 'open' } })
    rows.sort(compareForRegister)
    const requests = await viewsOf(m, rows, today)
    // The register shows names of active records: a view of personal data.
    if (requests.some((r) => r.personName !== null)) await audit({ action: 'request.list', subjectId: null, fields: ['personName', 'ref'] })
    return { asOf: today, requests }
  })
}

/**
 * Documents produced for a request (a report issued, printed, an export, an erasure) are noted on
 * the person's oldest open request of the matching kind, inside the caller's transaction.
 */
export async function noteDocumentOnOpenRequest(
  manager: EntityManager,
  personId: string,
  kinds: readonly SubjectRequestKind[],
  document: { kind: string; producedAt: string; reference: string }
): Promise<string | null> {
  const repo = manager.getRepository(SubjectRequestEntity)
  const open = await repo.find({ where: { personId, status: 'open', kind: In([...kinds]) }, order: { receivedOn: 'ASC', id: 'ASC' } })
  const request = open.sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind))[0]
  if (!request) return null
  await repo.update({ id: request.id }, { documents: [...request.documents, document] })
  return request.id
}

async function findRequest(m: EntityManager, id: string): Promise<SubjectRequest> {
  const row = await m.getRepository(SubjectRequestEntity).findOneBy({ id })
  if (!row) throw new DossierError('NOT_FOUND', 'No request with this id.')
  return row
}

/** the person's name is shown only while the record is active; shielded or deleted records show their state. */
async function viewsOf(m: EntityManager, rows: SubjectRequest[], today: CalendarDate): Promise<SubjectRequestView[]> {
  const ids = [...new Set(rows.flatMap((r) => (r.personId ? [r.personId] : [])))]
  const persons = ids.length
    ? await m.getRepository(PersonEntity).find({ select: { id: true, ref: true, givenName: true, familyName: true, state: true }, where: { id: In(ids) } })
    : []
  const byId = new Map(persons.map((p) => [p.id, p]))
  return rows.map((r) => {
    const person = r.personId ? byId.get(r.personId) : undefined
    const active = person?.state === 'active'
    return {
      id: r.id,
      personId: r.personId,
      personRef: active ? person.ref : null,
      personName: active ? `${person.givenName} ${person.familyName}` : null,
      personState: r.personId === null ? null : (person?.state ?? 'deleted'),
      kind: r.kind,
      receivedOn: r.receivedOn,
      identityCheck: r.identityCheck,
      deadline: r.deadline,
      extendedTo: r.extendedTo,
      extensionReason: r.extensionReason,
      dueOn: dueOn(r),
      status: r.status,
      closedOn: r.closedOn,
      overdue: isOverdue(r, today),
      documents: r.documents
    }
  })
}
