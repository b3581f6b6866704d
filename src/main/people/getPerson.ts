import type { EntityManager } from 'typeorm'
import type { ParsedInputOf } from '../../shared/contract/operation'
import type { AttachmentMeta, LegalBasis, PersonDetail, peopleOperations } from '../../shared/contract/people'
import { DossierError } from '../../shared/errors'
import type { IdDocumentType, MaritalStatus } from '../../shared/person/personSchema'
import { maskBsn } from '../../shared/validation/bsn'
import { ageOn } from '../../shared/validation/calendarDate'
import type { Workspace } from '../workspace/Workspace'
import { AccountEntity } from '../vault/entities/Account'
import { type Attachment, AttachmentEntity } from '../vault/entities/Attachment'
import { AuditEntryEntity } from '../vault/entities/AuditEntry'
import { EmploymentEntity, RecruitmentProcedureEntity } from '../vault/entities/Employment'
import { FieldChangeEntity } from '../vault/entities/FieldChange'
import { type Person, PersonEntity } from '../vault/entities/Person'
import { PersonPurposeEntity } from '../vault/entities/PersonRoleRow'
import { openPerson, shieldedForStaff } from './personAccess'
import { refTakenOnServer } from '../server/hiddenRecords'
import { portableQuery } from '../vault/portableQuery'
import { rolesOf } from './personCollections'
import { consentHolds } from '../consent/processingConsent'
import { ProcessingConsentEntity } from '../vault/entities/ProcessingConsent'
import { purposeGround } from './purposeLegalBasis'
import { breachesToTell } from '../governance/breachesToTell'
import { inTurn } from '../workspace/inTurn'

type Ops = typeof peopleOperations

/**
 * The person detail, audited as `person.view`. Shielded records only
 * for a privacy officer with a reason (personAccess.ts). The BSN is masked unless the caller asks
 * `revealBsn`; the audit entry then names the field `bsn`.
 */
export async function getPerson(ws: Workspace, input: ParsedInputOf<Ops['getPerson']>): Promise<PersonDetail> {
  return ws.write(async ({ manager: m, audit }) => {
    const personId = input.personId ?? (await idByRef(m, input.ref!))
    const person = await openPerson(ws, m, audit, personId, input.reason)
    const reveal = input.revealBsn === true && person.bsn !== null
    const detail = await buildPersonDetail(ws, m, person, reveal)
    await audit({ action: 'person.view', subjectId: person.id, fields: reveal ? ['bsn'] : [] })
    return detail
  })
}

async function idByRef(m: EntityManager, ref: string): Promise<string> {
  const found = await m.getRepository(PersonEntity).findOne({ where: { ref }, select: { id: true } })
  // The office server: a record this login may not see is not active (hiddenRecords.ts).
  if (!found && (await refTakenOnServer(m, ref)) === true) throw shieldedForStaff()
  if (!found) throw new DossierError('NOT_FOUND', 'No person with this reference.')
  return found.id
}

/** Account id → display name, for "changed by". */
export async function accountNames(m: EntityManager): Promise<Map<string, string>> {
  const accounts = await m.getRepository(AccountEntity).find({ select: { id: true, displayName: true } })
  return new Map(accounts.map((a) => [a.id, a.displayName]))
}

/**
 * Who registered the person (from the audit trail, which keeps no values). On the office server
 * only the officers' logins may read the trail (server/serverRoles.ts): for a staff login the
 * answer is unknown (null), where a query would fail and abort the whole transaction.
 */
export async function createdByOf(m: EntityManager, personId: string, names: Map<string, string>): Promise<string | null> {
  // On the office server staff may not read the trail's history: the owner's function gives this one fact (server/serverChecks.ts).
  const actorId =
    m.connection.driver.options.type === 'postgres'
      ? (await portableQuery<{ actorId: string | null }>(m, 'SELECT "dossier_person_created_by"(:personId) AS "actorId"', { personId }))[0]?.actorId
      : (await m.getRepository(AuditEntryEntity).findOne({ where: { subjectId: personId, action: 'person.create' }, order: { seq: 'ASC' } }))?.actorId
  return actorId ? (names.get(actorId) ?? null) : null
}

export function toAttachmentMeta(a: Attachment, names: Map<string, string>): AttachmentMeta {
  return {
    id: a.id,
    personId: a.personId,
    kind: a.kind,
    fileName: a.fileName,
    mimeType: a.mimeType,
    sizeBytes: a.sizeBytes,
    addedOn: a.addedOn,
    deleteOn: a.deleteOn,
    addedBy: a.addedBy ? (names.get(a.addedBy) ?? null) : null
  }
}

async function buildPersonDetail(ws: Workspace, m: EntityManager, p: Person, revealBsn: boolean): Promise<PersonDetail> {
  const names = await accountNames(m)
  const [roles, purposes, employments, recruitment, attachments, changes, createdBy] = await inTurn([
    () => rolesOf(m, p.id),
    () => m.getRepository(PersonPurposeEntity).find({ where: { personId: p.id }, order: { purpose: 'ASC' } }),
    () => m.getRepository(EmploymentEntity).find({ where: { personId: p.id }, order: { start: 'ASC' } }),
    () => m.getRepository(RecruitmentProcedureEntity).find({ where: { personId: p.id }, order: { start: 'ASC' } }),
    () => m.getRepository(AttachmentEntity).find({ where: { personId: p.id }, order: { createdAt: 'ASC' } }),
    () => m.getRepository(FieldChangeEntity).find({ where: { personId: p.id }, order: { changedAt: 'DESC' } }),
    () => createdByOf(m, p.id, names)
  ])
  // Issue 14 point 4: the ground of each purpose follows the person's relation and recorded
  // consents (purposeLegalBasis.ts); a record reduced to the legal hold keeps its stored ground.
  const offersConsents = await m.getRepository(ProcessingConsentEntity).findBy({ personId: p.id, subject: 'offers' })
  const groundFacts = { employed: employments.length > 0, offersConsent: offersConsents.some((c) => consentHolds(c, ws.clock.today())) }
  // Per field, the most recent change (rows come newest first).
  const lastChange = new Map<string, PersonDetail['fieldHistory'][number]>()
  for (const change of changes) {
    for (const field of change.fields) {
      if (!lastChange.has(field)) {
        lastChange.set(field, { field, changedAt: change.changedAt, changedBy: change.actorId ? (names.get(change.actorId) ?? null) : null, reason: change.reason })
      }
    }
  }
  return {
    id: p.id,
    ref: p.ref,
    givenName: p.givenName,
    familyName: p.familyName,
    birthDate: p.birthDate,
    age: p.birthDate ? ageOn(p.birthDate, ws.clock.today()) : null,
    gender: p.gender,
    address: { street: p.street, houseNumber: p.houseNumber, postcode: p.postcode, city: p.city },
    email: p.email,
    phone: p.phone,
    otherContact: p.otherContact,
    education: p.education,
    internships: p.internships,
    workExperience: p.workExperience,
    availability: p.availability,
    deployability: p.deployability,
    leave: p.leave,
    particulars: p.particulars,
    source: { kind: p.sourceKind, detail: p.sourceDetail },
    registeredOn: p.registeredOn,
    unsubscribedOn: p.unsubscribedOn,
    statementVersion: p.statementVersion,
    statementShownOn: p.statementShownOn,
    roles,
    purposes: purposes.map((row) => ({ purpose: row.purpose, legalBasis: p.state === 'active' ? purposeGround(row.purpose, groundFacts).bases[0]! : (row.legalBasis as LegalBasis) })),
    employmentData: {
      nationality: p.nationality,
      bsn: p.bsn === null ? null : revealBsn ? p.bsn : maskBsn(p.bsn),
      bsnRevealed: revealBsn,
      idDocument: p.idDocumentType && p.idDocumentNumber ? { type: p.idDocumentType as IdDocumentType, number: p.idDocumentNumber, expiry: p.idDocumentExpiry } : null,
      idVerifiedOn: p.idVerifiedOn,
      workPermit: p.workPermitExpiry || p.workPermitNumber ? { number: p.workPermitNumber, expiry: p.workPermitExpiry } : null,
      vogDate: p.vogDate,
      iban: p.iban,
      maritalStatus: p.maritalStatus as MaritalStatus | null
    },
    employments: employments.map((e) => ({ id: e.id, start: e.start, end: e.end, kind: e.kind, clientId: e.clientId })),
    recruitment: recruitment.map((r) => ({ id: r.id, clientId: r.clientId, clientName: r.clientName, start: r.start, end: r.end })),
    attachments: attachments.map((a) => toAttachmentMeta(a, names)),
    fieldHistory: [...lastChange.values()].sort((a, b) => a.field.localeCompare(b.field)),
    state: p.state,
    shieldedOn: p.shieldedOn,
    createdAt: p.createdAt,
    createdBy,
    updatedAt: p.updatedAt,
    version: p.version
  }
}

/** Every recorded change of a person: when, by whom, which fields, why — no values. */
export async function getPersonHistory(ws: Workspace, input: ParsedInputOf<Ops['getPersonHistory']>) {
  return ws.write(async ({ manager: m, audit }) => {
    const person = await openPerson(ws, m, audit, input.personId, input.reason)
    const names = await accountNames(m)
    const changes = await m.getRepository(FieldChangeEntity).find({ where: { personId: person.id }, order: { changedAt: 'DESC' } })
    await audit({ action: 'person.view', subjectId: person.id, fields: ['history'] })
    return {
      createdAt: person.createdAt,
      createdBy: await createdByOf(m, person.id, names),
      changes: changes.map((c) => ({ changedAt: c.changedAt, changedBy: c.actorId ? (names.get(c.actorId) ?? null) : null, fields: c.fields, reason: c.reason })),
      // Art. 34: breaches the person must be told about (only those).
      breaches: (await breachesToTell(m, person.id)).map(({ discoveredOn, toldOn }) => ({ discoveredOn, toldOn }))
    }
  })
}
