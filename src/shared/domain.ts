/**
 * The domain's closed vocabularies (REQUIREMENTS ). Shared by the main process,
 * the renderer and the import format; the values are the import format's wire values.
 */

/** the roles a person can hold (several at once). */
export const PERSON_ROLES = ['candidate', 'flexworker', 'ws-candidate', 'prospect', 'contact'] as const
export type PersonRole = (typeof PERSON_ROLES)[number]

/** purposes of processing. */
export const PURPOSES = [
  'mediation', // bemiddeling
  'temping', // uitzenden
  'secondment', // detachering
  'recruitment', // werving & selectie
  'development', // persoonlijke ontwikkeling en inzetbaarheid
  'suitability', // geschiktheid
  'payroll', // salarisadministratie
  'personnel', // personeelsmanagement
  'client-identification', // identificatie-eisen opdrachtgever (enkel BSN)
  'offers', // aanbiedingen en informatie
  'quality' // interne kwaliteit (audit, certificering)
] as const
export type Purpose = (typeof PURPOSES)[number]

/** UAVG art. 46: the BSN may only be processed for these purposes. */
export const BSN_PURPOSES: readonly Purpose[] = ['payroll', 'client-identification'] as const

/** how the data came in. */
export const SOURCE_KINDS = ['walk-in', 'website', 'mailing', 'phone', 'public-website'] as const
export type SourceKind = (typeof SOURCE_KINDS)[number]

/** kinds of employment (dienstverband). */
export const EMPLOYMENT_KINDS = ['uitzenden', 'detachering', 'payroll'] as const
export type EmploymentKind = (typeof EMPLOYMENT_KINDS)[number]

export const GENDERS = ['female', 'male', 'other', 'unspecified'] as const
export type Gender = (typeof GENDERS)[number]

/** special categories of personal data (bijzondere persoonsgegevens). */
export const SPECIAL_CATEGORIES = [
  'ethnicity',
  'religion',
  'political',
  'health',
  'sex-life',
  'union',
  'criminal',
  'behaviour'
] as const
export type SpecialCategory = (typeof SPECIAL_CATEGORIES)[number]

/** Staff roles. An account may hold several. */
export const STAFF_ROLES = ['staff', 'privacy_officer', 'admin'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

/** Attachment kinds. `id-copy` taken at registration lives at most 4 weeks (R-3a). */
export const ATTACHMENT_KINDS = ['cv', 'reference', 'testimonial', 'vog', 'id-copy', 'other'] as const
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number]

/** Retention state of a person record (R-11..R-16). */
export const RETENTION_STATES = ['active', 'shielded', 'legal-hold', 'due-for-deletion'] as const
export type RetentionState = (typeof RETENTION_STATES)[number]

/** A calendar date in Europe/Amsterdam, `YYYY-MM-DD`. Never a `Date`. */
export type CalendarDate = string

/**
 * The person's data fields (R-2 intake, R-3 employment) in report order: the one list the access
 * report, the portability export and the printable documents share. Bookkeeping columns (state,
 * search keys, timestamps) are not "data held".
 */
export const PERSON_DATA_FIELDS = [
  'givenName',
  'familyName',
  'birthDate',
  'gender',
  'street',
  'houseNumber',
  'postcode',
  'city',
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
  'nationality',
  'bsn',
  'idDocumentType',
  'idDocumentNumber',
  'idDocumentExpiry',
  'idVerifiedOn',
  'workPermitNumber',
  'workPermitExpiry',
  'vogDate',
  'iban',
  'maritalStatus'
] as const
export type PersonDataField = (typeof PERSON_DATA_FIELDS)[number]
