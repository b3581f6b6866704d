import { EntitySchema } from 'typeorm'
import type { CalendarDate, Gender, RetentionState, SourceKind } from '../../../shared/domain'
import { date, pk, text } from './columns'

/**
 * R-1..R-3: one record per natural person. Intake fields and employment fields (R-3, asked
 * only once the person works for the agency, R-3a). `search*` columns are normalised copies for
 * indexed prefix search; they are deleted with the row.
 */
export interface Person {
  id: string
  ref: string | null
  givenName: string
  familyName: string
  birthDate: CalendarDate | null
  gender: Gender | null
  street: string | null
  houseNumber: string | null
  postcode: string | null
  city: string | null
  email: string | null
  phone: string | null
  otherContact: string | null
  education: string | null
  internships: string | null
  workExperience: string | null
  availability: string | null
  deployability: string | null
  leave: string | null
  particulars: string | null
  nationality: string | null
  /** Burgerservicenummer (Dutch citizen service number): only with a BSN purpose (UAVG art. 46). */
  bsn: string | null
  idDocumentType: string | null
  idDocumentNumber: string | null
  idDocumentExpiry: CalendarDate | null
  idVerifiedOn: CalendarDate | null
  workPermitNumber: string | null
  workPermitExpiry: CalendarDate | null
  /** VOG: Verklaring Omtrent het Gedrag (certificate of conduct), date only. */
  vogDate: CalendarDate | null
  iban: string | null
  maritalStatus: string | null
  sourceKind: SourceKind
  sourceDetail: string | null
  registeredOn: CalendarDate
  unsubscribedOn: CalendarDate | null
  /** R-11a: the last activity (intake, contact, employment, procedure, consent, confirmation); the re-confirmation clock runs from it */
  lastActivityOn: CalendarDate | null
  statementVersion: string | null
  statementShownOn: CalendarDate | null
  state: RetentionState
  shieldedOn: CalendarDate | null
  retentionRule: string | null
  reducedToLegalHoldOn: CalendarDate | null
  idRecordPurgedOn: CalendarDate | null
  /** Issue 18: the next date the retention run evaluates this record; null = at the next run (cleared by triggers when a fact changes) */
  retentionCheckOn: CalendarDate | null
  createdAt: string
  updatedAt: string
  /** Issue 17: the record's change count, for optimistic locking (migration PersonVersion1796800000000 keeps it) */
  version: number
  searchGiven: string
  searchFamily: string
}

const t = () => text(true)
const d = () => date(true)

export const PersonEntity = new EntitySchema<Person>({
  name: 'Person',
  tableName: 'person',
  columns: {
    id: pk(),
    ref: { type: 'varchar', length: 100, nullable: true, unique: true },
    givenName: text(),
    familyName: text(),
    birthDate: d(),
    gender: { type: 'varchar', length: 16, nullable: true },
    street: t(),
    houseNumber: t(),
    postcode: { type: 'varchar', length: 7, nullable: true },
    city: t(),
    email: t(),
    phone: { type: 'varchar', length: 32, nullable: true },
    otherContact: t(),
    education: t(),
    internships: t(),
    workExperience: t(),
    availability: t(),
    deployability: t(),
    leave: t(),
    particulars: t(),
    nationality: t(),
    // text: sealed on the office server (vault/sealedColumns.ts, migration SealedColumnWidth1796900000000)
    bsn: t(),
    idDocumentType: t(),
    idDocumentNumber: t(),
    idDocumentExpiry: d(),
    idVerifiedOn: d(),
    workPermitNumber: t(),
    workPermitExpiry: d(),
    vogDate: d(),
    iban: t(),
    maritalStatus: t(),
    sourceKind: { type: 'varchar', length: 16 },
    sourceDetail: t(),
    registeredOn: date(),
    unsubscribedOn: d(),
    lastActivityOn: d(),
    statementVersion: { type: 'varchar', length: 32, nullable: true },
    statementShownOn: d(),
    state: { type: 'varchar', length: 20, default: 'active' },
    shieldedOn: d(),
    retentionRule: { type: 'varchar', length: 40, nullable: true },
    reducedToLegalHoldOn: d(),
    idRecordPurgedOn: d(),
    // A calendar date only (`YYYY-MM-DD`), as migration RetentionCheckDate1796700000002 made it.
    retentionCheckOn: { type: 'varchar', length: 10, nullable: true },
    createdAt: date(),
    updatedAt: date(),
    version: { type: 'integer', default: 1 },
    searchGiven: text(),
    searchFamily: text()
  },
  indices: [
    // Record search (people/searchPersons.ts, migration SearchCoveringIndexes1796700000000).
    { name: 'idx_person_list', columns: ['searchFamily', 'searchGiven', 'id', 'state', 'ref', 'givenName', 'familyName', 'birthDate', 'city'] },
    { name: 'idx_person_given_list', columns: ['searchGiven', 'searchFamily', 'id', 'state'] },
    { name: 'idx_person_email', columns: ['email'] },
    { name: 'idx_person_phone', columns: ['phone'] },
    { name: 'idx_person_postcode_list', columns: ['postcode', 'searchFamily', 'searchGiven', 'id', 'state'] },
    // A postcode's four digits, then the name order (migration PostcodeAreaIndex1797000000000): an expression index, made by the migration only.
    { name: 'idx_person_postcode_area', columns: ['postcode', 'searchFamily', 'searchGiven', 'id', 'state'], synchronize: false },
    { name: 'idx_person_state', columns: ['state'] },
    // Who is due for re-confirmation (retention/reconfirmation.ts, migration PersonLastActivity1796400000000).
    { name: 'idx_person_last_activity', columns: ['lastActivityOn'] },
    // The retention run's candidates (migration RetentionCheckDate1796700000002).
    { name: 'idx_person_retention_check', columns: ['retentionCheckOn', 'id'] },
    // The intake duplicate check (people/findDuplicatePerson.ts, migration DuplicateCheckIndex1796700000001).
    { name: 'idx_person_birthdate_family', columns: ['birthDate', 'searchFamily'] }
  ]
})
