import type { CalendarDate, Gender, PersonRole, Purpose, SourceKind } from '../../shared/domain'
import type { Person } from '../vault/entities/Person'
import type { PersonPurposeRow, PersonRoleRow } from '../vault/entities/PersonRoleRow'
import { purposeLegalBasis } from './purposeLegalBasis'
import { familySearchKey, givenSearchKey } from './searchKeys'

/** What a new person record is made from: intake or an imported row. */
export interface NewPersonFields {
  ref?: string | undefined
  givenName: string
  familyName: string
  birthDate?: CalendarDate | undefined
  gender?: Gender | undefined
  address?: { street?: string | undefined; houseNumber?: string | undefined; postcode?: string | undefined; city?: string | undefined } | undefined
  email?: string | undefined
  phone?: string | undefined
  otherContact?: string | undefined
  education?: string | undefined
  internships?: string | undefined
  workExperience?: string | undefined
  availability?: string | undefined
  deployability?: string | undefined
  leave?: string | undefined
  particulars?: string | undefined
  source: { kind: SourceKind; detail?: string | undefined }
  registeredOn: CalendarDate
  unsubscribedOn?: CalendarDate | undefined
  /** R-11a: the last contact a legacy system recorded (import only; never before `registeredOn`) */
  lastContactOn?: CalendarDate | undefined
  /** Only from an import where the row has an employment and a BSN purpose (R-3a, UAVG 46). */
  bsn?: string | undefined
  statementVersion?: string | undefined
  statementShownOn?: CalendarDate | undefined
}

/**
 * A complete `person` row (every column present, absent values `null`), with the search keys
 * derived from the names. Used by intake, import and the demo's bulk insert alike, so the three
 * cannot drift apart.
 */
export function newPersonRow(id: string, f: NewPersonFields, createdAt: string): Person {
  const v = <T>(value: T | undefined): T | null => (value === undefined ? null : value)
  return {
    id,
    ref: v(f.ref),
    givenName: f.givenName,
    familyName: f.familyName,
    birthDate: v(f.birthDate),
    gender: v(f.gender),
    street: v(f.address?.street),
    houseNumber: v(f.address?.houseNumber),
    postcode: v(f.address?.postcode),
    city: v(f.address?.city),
    email: v(f.email),
    phone: v(f.phone),
    otherContact: v(f.otherContact),
    education: v(f.education),
    internships: v(f.internships),
    workExperience: v(f.workExperience),
    availability: v(f.availability),
    deployability: v(f.deployability),
    leave: v(f.leave),
    particulars: v(f.particulars),
    nationality: null,
    bsn: v(f.bsn),
    idDocumentType: null,
    idDocumentNumber: null,
    idDocumentExpiry: null,
    idVerifiedOn: null,
    workPermitNumber: null,
    workPermitExpiry: null,
    vogDate: null,
    iban: null,
    maritalStatus: null,
    sourceKind: f.source.kind,
    sourceDetail: v(f.source.detail),
    registeredOn: f.registeredOn,
    unsubscribedOn: v(f.unsubscribedOn),
    // R-11a: intake and import are activity; the engine adds the employment and procedure dates
    lastActivityOn: f.lastContactOn !== undefined && f.lastContactOn > f.registeredOn ? f.lastContactOn : f.registeredOn,
    statementVersion: v(f.statementVersion),
    statementShownOn: v(f.statementShownOn),
    state: 'active',
    shieldedOn: null,
    retentionRule: null,
    reducedToLegalHoldOn: null,
    idRecordPurgedOn: null,
    retentionCheckOn: null,
    createdAt,
    updatedAt: createdAt,
    version: 1,
    searchGiven: givenSearchKey(f.givenName),
    searchFamily: familySearchKey(f.familyName)
  }
}

export function roleRows(personId: string, roles: readonly PersonRole[]): PersonRoleRow[] {
  return roles.map((role) => ({ personId, role }))
}

/** each purpose with its legal basis. */
export function purposeRows(personId: string, purposes: readonly Purpose[]): PersonPurposeRow[] {
  return purposes.map((purpose) => ({ personId, purpose, legalBasis: purposeLegalBasis(purpose) }))
}
