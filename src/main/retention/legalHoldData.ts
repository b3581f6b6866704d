import type { Person } from '../vault/entities/Person'

/**
 * Which data each legal duty covers (R-16, "Dutch legal facts" in REQUIREMENTS.md), as field
 * lists the reduction and the purges act on. See README.md ("What the legal holds keep").
 * Every column of `person` is in exactly one list; a new column does not compile until someone
 * decides which duty, if any, covers it.
 */

/**
 * Payroll and wage-tax basic data (loonadministratie, AWR art. 52: 7 years after the end of the
 * calendar year of the last employment, R-16a): who was paid, born
 * when, living where, which nationality, paid into which account. Kept by the reduction, deleted
 * with the record when the payroll hold ends.
 */
export const PAYROLL_HOLD_FIELDS = ['givenName', 'familyName', 'birthDate', 'street', 'houseNumber', 'postcode', 'city', 'nationality', 'iban'] as const

/**
 * The identity-document record, BSN and work permit (Wet LB art. 28 / Uitvoeringsregeling LB
 * art. 66; Wet arbeid vreemdelingen art. 15): 5 full calendar years after the year employment
 * ended. Kept by the reduction, cleared by `purgeIdRecord` (with the ID copies).
 */
export const ID_RECORD_FIELDS = ['bsn', 'idDocumentType', 'idDocumentNumber', 'idDocumentExpiry', 'idVerifiedOn', 'workPermitNumber', 'workPermitExpiry'] as const

/**
 * No legal duty keeps these once R-11's term has passed: contact details, intake and personnel
 * data (the 2-year guideline), gender, marital status, VOG date, where the data came from.
 */
export const CLEARED_AT_REDUCTION = [
  'gender',
  'email',
  'phone',
  'otherContact',
  'education',
  'internships',
  'workExperience',
  'availability',
  'deployability',
  'leave',
  'particulars',
  'vogDate',
  'maritalStatus',
  'sourceDetail'
] as const

/**
 * Bookkeeping of the record itself, no personal content beyond what the holds keep: identifiers,
 * dates of the record's life, the statement version shown, the retention columns, and the
 * normalised name copies used for search (deleted with the name).
 */
export const RECORD_FIELDS = [
  'id',
  'ref',
  'sourceKind',
  'registeredOn',
  'unsubscribedOn',
  'lastActivityOn',
  'statementVersion',
  'statementShownOn',
  'state',
  'shieldedOn',
  'retentionRule',
  'reducedToLegalHoldOn',
  'idRecordPurgedOn',
  'retentionCheckOn',
  'createdAt',
  'updatedAt',
  'version',
  'searchGiven',
  'searchFamily'
] as const

type Listed = (typeof PAYROLL_HOLD_FIELDS)[number] | (typeof ID_RECORD_FIELDS)[number] | (typeof CLEARED_AT_REDUCTION)[number] | (typeof RECORD_FIELDS)[number]
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const everyColumnDecided: Same<Listed, keyof Person> = true
void everyColumnDecided

/** The names of the given fields that hold a value (for audit entries: names, never values). */
export function filledFields(person: Partial<Person>, fields: readonly (keyof Person)[]): string[] {
  return fields.filter((f) => person[f] !== null && person[f] !== undefined && person[f] !== '')
}
