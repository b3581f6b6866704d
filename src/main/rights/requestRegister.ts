import { randomUUID } from 'node:crypto'
import { type EntityManager, In } from 'typeorm'
import type { SubjectRequestKind, SubjectRequestView } from '../../shared/contract/rights'
import type { CalendarDate } from '../../shared/domain'
import { DossierError } from '../../shared/errors'
import type { Workspace } from '../workspace/Workspace'
import { type SubjectRequest, SubjectRequestEntity } from '../vault/entities/Governance'
import { PersonEntity } from '../vault/entities/Person'
import { compareDates } from '../../shared/time'
import { compareForRegister, dueOn, extendedDeadline, isDueSoon, isOverdue, mayExtend, requestDeadline } from './requestDeadlines'

/**
 * The register of data-subject requests (GDPR art. 12(3)): received date, how the identity was
 * checked, the one-month deadline (extendable once by two months with a reason), status and the
 * documents produced for it. The privacy officer keeps it; office staff may log an access request
 * made at the desk. Every change is audited (`request.create`, `request.update`).
 *
 * a request names its person, or says the identity is still being checked (no person yet);
 * the person is linked once the identity is established (`linkRequestPerson`).
 */

export interface NewRequest {
  /** Absent: the identity is being checked; the person is linked later. */
  personId?: string | undefined
  kind: SubjectRequestKind
  /** Defaults to today. */
  receivedOn?: CalendarDate | undefined
  identityCheck?: string | undefined
}

export async function createRequest(ws: Workspace, input: NewRequest): Promise<SubjectRequestView> {
  // Staff log access requests at the desk; every other kind is the privacy officer's (brief, R-19).
  if (input.kind !== 'access' && !ws.hasRole('privacy_officer')) {
    throw new DossierError('FORBIDDEN', 'Only a privacy officer registers this kind of request.')
  }
  const today = ws.clock.today()
  const receivedOn = input.receivedOn ?? today
  if (compareDates(receivedOn, today) > 0) {
    throw new DossierError('FUTURE_DATE_NOT_ALLOWED', 'A request cannot be received in the future.', { issues: [{ path: 'receivedOn', key: 'validation.date.future' }] })
  }
  return ws.write(async ({ manager: m, audit }) => {
    if (input.personId !== undefined) await requirePerson(m, input.personId)
    const row: SubjectRequest = {
      id: randomUUID(),
      personId: input.personId ?? null,
      kind: input.kind,
      receivedOn,
      identityCheck: input.identityCheck ?? '',
      deadline: requestDeadline(receivedOn),
      extendedTo: null,
      extensionReason: null,
      extensionToldOn: null,
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

/**
 * Art. 12(3): extend once by two further months, with the reason, told to the person within the
 * first month. Refused (nothing written) when closed, already extended, past the first deadline,
 * or when the date the person was told is in the future, before receipt or after the first deadline.
 */
export async function extendRequest(ws: Workspace, id: string, reason: string, told?: CalendarDate): Promise<SubjectRequestView> {
  const today = ws.clock.today()
  const toldOn = told ?? today
  if (compareDates(toldOn, today) > 0) {
    throw new DossierError('FUTURE_DATE_NOT_ALLOWED', 'The person cannot have been told in the future.', { issues: [{ path: 'toldOn', key: 'validation.date.future' }] })
  }
  return ws.write(async ({ manager: m, audit }) => {
    const row = await findRequest(m, id)
    if (row.status !== 'open') throw new DossierError('CONFLICT', 'This request is closed; it cannot be extended.')
    if (row.extendedTo !== null) throw new DossierError('CONFLICT', 'This request was extended already; the law allows one extension of two months.')
    if (compareDates(today, row.deadline) > 0) throw new DossierError('CONFLICT', 'The first deadline has passed; an extension must be decided and told within the first month.')
    if (compareDates(toldOn, row.receivedOn) < 0 || compareDates(toldOn, row.deadline) > 0) {
      throw new DossierError('VALIDATION_FAILED', 'The person must be told between receipt and the first deadline.', { issues: [{ path: 'toldOn', key: 'validation.request.toldOutsideTerm' }] })
    }
    const changed = { extendedTo: extendedDeadline(row.deadline), extensionReason: reason, extensionToldOn: toldOn }
    await m.getRepository(SubjectRequestEntity).update({ id }, changed)
    await audit({ action: 'request.update', subjectId: row.personId ?? row.id, fields: ['extendedTo', 'extensionReason', 'extensionToldOn'], reason: 'extend' })
    return (await viewsOf(m, [{ ...row, ...changed }], today))[0]!
  })
}

/** once the identity is established, the request names its person. Only for a request without one. */
export async function linkRequestPerson(ws: Workspace, id: string, personId: string, identityCheck: string | undefined): Promise<SubjectRequestView> {
  const today = ws.clock.today()
  return ws.write(async ({ manager: m, audit }) => {
    const row = await findRequest(m, id)
    if (row.personId !== null) throw new DossierError('CONFLICT', 'This request names its person already.')
    await requirePerson(m, personId)
    const changed = { personId, ...(identityCheck !== undefined ? { identityCheck } : {}) }
    await m.getRepository(SubjectRequestEntity).update({ id }, changed)
    await audit({ action: 'request.update', subjectId: personId, fields: Object.keys(changed), reason: 'link' })
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

/** The dashboard: open requests that are overdue or due within a few days (`isDueSoon`). */
export async function listRequestsDue(ws: Workspace): Promise<{ asOf: CalendarDate; requests: SubjectRequestView[] }> {
  const { asOf, requests } = await listRequests(ws, false)
  return { asOf, requests: requests.filter((r) => r.overdue || r.dueSoon) }
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

async function requirePerson(m: EntityManager, personId: string): Promise<void> {
  if (!(await m.getRepository(PersonEntity).existsBy({ id: personId }))) {
    throw new DossierError('NOT_FOUND', 'No person with this id.', { issues: [{ path: 'personId', key: 'validation.request.unknownPerson' }] })
  }
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
      identityPending: r.personId === null,
      identityCheck: r.identityCheck,
      deadline: r.deadline,
      extendedTo: r.extendedTo,
      extensionReason: r.extensionReason,
      extensionToldOn: r.extensionToldOn,
      dueOn: dueOn(r),
      status: r.status,
      closedOn: r.closedOn,
      overdue: isOverdue(r, today),
      dueSoon: isDueSoon(r, today),
      extendable: mayExtend(r, today),
      documents: r.documents
    }
  })
}
