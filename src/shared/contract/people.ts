/**
 * Operations of the people capability (REQUIREMENTS R-1..R-3a, R-6, R-7, R-10, R-19, R-24):
 * intake, rectification, employment data, employment periods and W&S procedures, attachments,
 * the do-not-contact register and the `dossier-import/1` import.
 *
 * Inputs reuse the shared schemas (`person/personSchema.ts`, `validation/*`) so the form and the
 * service validate the same way. Where a rule needs today's date or the person's stored purposes,
 * the contract holds the static shape and the service parses again with the date-aware schema.
 * Every input is strict: an unknown key (a `bsn` at intake, special data) is an error (R-3a).
 */
import { z } from 'zod'
import {
  ATTACHMENT_KINDS,
  EMPLOYMENT_KINDS,
  GENDERS,
  PERSON_ROLES,
  PURPOSES,
  RETENTION_STATES,
  SOURCE_KINDS,
  SPECIAL_CATEGORIES,
  type CalendarDate
} from '../domain'
import {
  FREE_TEXT_MAX,
  ID_DOCUMENT_TYPES,
  MARITAL_STATUSES,
  NAME_MAX,
  addressSchema,
  employmentDataSchema,
  employmentPeriodSchema,
  intakeSchema,
  purposesSchema,
  recruitmentProcedureSchema,
  rolesSchema,
  sourceSchema
} from '../person/personSchema'
import { INTAKE_MATCH_KINDS, LEGAL_BASES } from '../vocabulary'
import { birthDateSchema, calendarDateSchema, pastDateSchema } from '../validation/calendarDate'
import { emailSchema } from '../validation/email'
import { distinctList, oneOf, optional, optionalText, requiredText, strictInput, uuidSchema } from '../validation/fields'
import { phoneSchema } from '../validation/phone'
import { operation } from './operation'

/** Office staff, privacy officers and administrators: everyone who works with person records. */
const STAFF = ['staff', 'privacy_officer', 'admin'] as const

// R-7: the legal ground of a purpose (GDPR art. 6(1); shared/vocabulary, with its labels);
// main/people/purposeLegalBasis.ts maps them.
export { LEGAL_BASES }
export type { LegalBasis } from '../vocabulary'

/**
 * R-10: why a person is on the do-not-contact register. Deliberately neutral: the register is never
 * a "bad worker" list (that would be special data, R-4).
 */
export const DO_NOT_CONTACT_REASONS = ['no-services', 'no-approach', 'objection'] as const
export type DoNotContactReason = (typeof DO_NOT_CONTACT_REASONS)[number]

/** R-10: which identifier matched a do-not-contact entry (never the stored data itself). */
export const DO_NOT_CONTACT_IDENTIFIERS = ['email', 'phone', 'url'] as const
export type DoNotContactIdentifier = (typeof DO_NOT_CONTACT_IDENTIFIERS)[number]

/** A reason typed by staff (rectification, opening a shielded record). */
const reasonSchema = requiredText(500)

/**
 * A field a rectification may clear: absent = unchanged; `null` or blank text = cleared; anything
 * else must satisfy `schema`.
 */
function clearable<S extends z.ZodType>(schema: S) {
  return z
    .preprocess((value: unknown) => (value === null || (typeof value === 'string' && value.trim() === '') ? null : value), schema.nullable())
    .optional()
}

/**
 * R-19 rectification: the intake fields (R-2, R-6, R-7, R-24) a staff member may change. Absent
 * fields stay as they are. Employment data (R-3) is changed with `recordEmploymentData`.
 * `today` adds the date rules (plausible birth date, nothing registered in the future); the
 * contract uses the static form (`today = null`), the service the dated one.
 */
export function makePersonChangesSchema(today: CalendarDate | null) {
  const past = today === null ? calendarDateSchema : pastDateSchema(today)
  const birth = today === null ? calendarDateSchema : birthDateSchema(today)
  return strictInput({
    ref: clearable(requiredText(100)),
    givenName: requiredText(NAME_MAX).optional(),
    familyName: requiredText(NAME_MAX).optional(),
    birthDate: clearable(birth),
    gender: oneOf(GENDERS).optional(),
    address: clearable(addressSchema),
    email: clearable(emailSchema),
    phone: clearable(phoneSchema),
    otherContact: clearable(requiredText(FREE_TEXT_MAX)),
    education: clearable(requiredText(FREE_TEXT_MAX)),
    internships: clearable(requiredText(FREE_TEXT_MAX)),
    workExperience: clearable(requiredText(FREE_TEXT_MAX)),
    availability: clearable(requiredText(FREE_TEXT_MAX)),
    deployability: clearable(requiredText(FREE_TEXT_MAX)),
    leave: clearable(requiredText(FREE_TEXT_MAX)),
    particulars: clearable(requiredText(FREE_TEXT_MAX)),
    source: sourceSchema.optional(),
    registeredOn: past.optional(),
    roles: rolesSchema.optional(),
    purposes: purposesSchema.optional(),
    statementVersion: requiredText(50).optional(),
    statementShownOn: past.optional()
  })
}
export const personChangesSchema = makePersonChangesSchema(null)
export type PersonChangesInput = z.input<typeof personChangesSchema>
export type PersonChanges = z.output<typeof personChangesSchema>

// ---------------------------------------------------------------------------------------------
// Outputs

const nullableText = z.string().nullable()
const nullableDate = z.string().nullable()

export const attachmentMetaSchema = z.object({
  id: z.string(),
  personId: z.string(),
  kind: z.enum(ATTACHMENT_KINDS),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  addedOn: z.string(),
  /** R-3a: an ID copy taken before employment is deleted on this date (added + 28 days). */
  deleteOn: nullableDate,
  addedBy: nullableText
})
export type AttachmentMeta = z.infer<typeof attachmentMetaSchema>

export const employmentOutSchema = z.object({
  id: z.string(),
  start: z.string(),
  end: nullableDate,
  kind: z.enum(EMPLOYMENT_KINDS),
  clientId: nullableText
})
export const recruitmentOutSchema = z.object({
  id: z.string(),
  clientId: nullableText,
  clientName: z.string(),
  start: z.string(),
  end: nullableDate
})

/** When a field was last changed and by whom (R-19, for the access report R-18). No values. */
export const fieldChangeOutSchema = z.object({
  field: z.string(),
  changedAt: z.string(),
  changedBy: nullableText,
  reason: nullableText
})

/** The person detail: every R-2 and R-3 field, the BSN masked unless revealed (audited). */
export const personDetailSchema = z.object({
  id: z.string(),
  ref: nullableText,
  givenName: z.string(),
  familyName: z.string(),
  birthDate: nullableDate,
  /** R-2: derived from the birth date on today's date, never stored. */
  age: z.number().int().nullable(),
  gender: z.enum(GENDERS).nullable(),
  address: z.object({ street: nullableText, houseNumber: nullableText, postcode: nullableText, city: nullableText }),
  email: nullableText,
  phone: nullableText,
  otherContact: nullableText,
  education: nullableText,
  internships: nullableText,
  workExperience: nullableText,
  availability: nullableText,
  deployability: nullableText,
  leave: nullableText,
  particulars: nullableText,
  source: z.object({ kind: z.enum(SOURCE_KINDS), detail: nullableText }),
  registeredOn: z.string(),
  unsubscribedOn: nullableDate,
  statementVersion: nullableText,
  statementShownOn: nullableDate,
  roles: z.array(z.enum(PERSON_ROLES)),
  purposes: z.array(z.object({ purpose: z.enum(PURPOSES), legalBasis: z.enum(LEGAL_BASES) })),
  employmentData: z.object({
    nationality: nullableText,
    /** Masked (`******782`) unless the caller asked `revealBsn` — that view is audited. */
    bsn: nullableText,
    bsnRevealed: z.boolean(),
    idDocument: z.object({ type: z.enum(ID_DOCUMENT_TYPES), number: z.string(), expiry: nullableDate }).nullable(),
    idVerifiedOn: nullableDate,
    workPermit: z.object({ number: nullableText, expiry: nullableDate }).nullable(),
    vogDate: nullableDate,
    iban: nullableText,
    maritalStatus: z.enum(MARITAL_STATUSES).nullable()
  }),
  employments: z.array(employmentOutSchema),
  recruitment: z.array(recruitmentOutSchema),
  attachments: z.array(attachmentMetaSchema),
  /** Per field: the last change (fields never changed since registration are absent). */
  fieldHistory: z.array(fieldChangeOutSchema),
  state: z.enum(RETENTION_STATES),
  shieldedOn: nullableDate,
  createdAt: z.string(),
  createdBy: nullableText,
  updatedAt: z.string(),
  /** Issue 17: the record's change count; an edit sends it back as `expectedVersion` */
  version: z.number().int().positive()
})
export type PersonDetail = z.infer<typeof personDetailSchema>

/** A search result row: list columns only, never special data, never the BSN. */
export const personListItemSchema = z.object({
  id: z.string(),
  ref: nullableText,
  givenName: z.string(),
  familyName: z.string(),
  birthDate: nullableDate,
  city: nullableText,
  roles: z.array(z.enum(PERSON_ROLES)),
  state: z.enum(RETENTION_STATES),
  /** R-26: present (true) when processing is restricted: only a privacy officer's search lists such a person */
  restricted: z.literal(true).optional()
})
export type PersonListItem = z.infer<typeof personListItemSchema>

export const SEARCH_PAGE_MAX = 100

/** The columns the records list sorts by (issue 16). */
export const PERSON_SORT_KEYS = ['name', 'birthDate', 'city', 'ref', 'state'] as const
export type PersonSortKey = (typeof PERSON_SORT_KEYS)[number]

export const personSearchSchema = strictInput({
  /** Name, e-mail, phone, postcode or ref (prefix). Never a BSN: BSN digits find nothing. */
  query: optional(z.string().trim().max(200, { error: 'validation.tooLong' })),
  roles: optional(distinctList(PERSON_ROLES)),
  states: optional(distinctList(RETENTION_STATES)),
  /** R-14: shielded and legal-hold records too — privacy officers only. */
  includeShielded: z.boolean().optional(),
  limit: z.number().int().min(1).max(SEARCH_PAGE_MAX, { error: 'validation.tooLong' }).optional(),
  offset: z.number().int().min(0).optional(),
  /** Issue 16: the list's sortable columns, sorted in the query (the list is paged); default by name */
  sort: optional(oneOf(PERSON_SORT_KEYS)),
  direction: optional(oneOf(['asc', 'desc'] as const)),
  /** Also count every match (`total`), e.g. for the first page's "123 personen" */
  withTotal: z.boolean().optional()
})
export type PersonSearch = z.output<typeof personSearchSchema>

const personChangeResultSchema = z.object({ personId: z.string(), changedFields: z.array(z.string()) })

/** R-4a: the issue key of free text that looks like special data (a warning: the row is imported). */
export const SPECIAL_DATA_WARNING = 'warning.specialDataInFreeText'

/** An imported row's free-text field that looks like special data: position, field, category — never the text. */
export const importWarningSchema = z.object({
  path: z.string(),
  key: z.literal(SPECIAL_DATA_WARNING),
  category: z.enum(SPECIAL_CATEGORIES)
})
export type ImportWarning = z.infer<typeof importWarningSchema>

export const importSummarySchema = z.object({
  persons: z.number().int(),
  doNotContact: z.number().int(),
  clients: z.number().int(),
  warnings: z.array(importWarningSchema)
})
export type ImportSummary = z.infer<typeof importSummarySchema>

/** 50 MB of JSON text (the UI reads the file and sends its text). */
export const IMPORT_TEXT_MAX = 50 * 1024 * 1024

/** Base64 of the largest attachment the settings allow (100 MB), with room for padding. */
const ATTACHMENT_BASE64_MAX = 140 * 1024 * 1024

/** A shielded record can be opened by a privacy officer who states why (R-14). */
const openReason = { reason: optionalText(500) }

export const peopleOperations = {
  createPerson: operation({
    summary: 'Register a person (intake, R-2): no BSN, no special data (R-3a); refuses do-not-contact matches and, unless confirmed, duplicates.',
    access: STAFF,
    input: intakeSchema.safeExtend({
      /** The user saw the duplicate warning and confirms this is another person. */
      confirmNotDuplicate: z.boolean().optional()
    }),
    output: z.object({ personId: z.string() })
  }),
  updatePerson: operation({
    summary: 'Rectify intake fields (R-19) with a reason; records which fields changed, when, by whom and why — never the old values.',
    access: STAFF,
    input: z.strictObject({
      personId: uuidSchema,
      changes: personChangesSchema,
      reason: reasonSchema,
      /** The record's `version` the edit started from: refused with RECORD_CHANGED when it has moved on (issue 17 point 4). */
      expectedVersion: z.number().int().positive().optional()
    }),
    output: personChangeResultSchema
  }),
  recordEmploymentData: operation({
    summary: 'Record R-3 employment data (nationality, BSN, ID record, work permit, VOG, IBAN, marital status) once the person has an employment.',
    access: STAFF,
    input: employmentDataSchema.safeExtend({
      personId: uuidSchema,
      /** Required when a value recorded earlier is changed (rectification, R-19). */
      reason: optionalText(500),
      /** Issue 16: the stored BSN stays as it is — the form did not reveal it, so it cannot send it (no `bsn` then). */
      keepBsn: z.literal(true).optional(),
      /** The record's `version` the form was filled from (issue 17 point 4): RECORD_CHANGED when it has moved on. */
      expectedVersion: z.number().int().positive().optional()
    }),
    output: personChangeResultSchema
  }),
  addEmployment: operation({
    summary: 'Add an employment period (dienstverband): start, end (null while it lasts), kind.',
    access: STAFF,
    input: employmentPeriodSchema.safeExtend({ personId: uuidSchema }),
    output: z.object({ employmentId: z.string() })
  }),
  endEmployment: operation({
    summary: 'Set (or correct) the end date of an employment period; retention counts from it (R-11).',
    access: STAFF,
    input: z.strictObject({ employmentId: uuidSchema, end: calendarDateSchema }),
    output: z.object({ employmentId: z.string() })
  }),
  addRecruitmentProcedure: operation({
    summary: 'Add a recruitment & selection (W&S) procedure for a client (R-13).',
    access: STAFF,
    input: recruitmentProcedureSchema.safeExtend({ personId: uuidSchema }),
    output: z.object({ procedureId: z.string() })
  }),
  endRecruitmentProcedure: operation({
    summary: 'Set (or correct) the end date of a W&S procedure; retention counts from it (R-13).',
    access: STAFF,
    input: z.strictObject({ procedureId: uuidSchema, end: calendarDateSchema }),
    output: z.object({ procedureId: z.string() })
  }),
  setUnsubscribed: operation({
    summary: 'Record the date the person asked to stop mediation (or clear it); retention counts from it (R-11, R-12).',
    access: STAFF,
    input: z.strictObject({ personId: uuidSchema, unsubscribedOn: calendarDateSchema.nullable(), reason: optionalText(500) }),
    output: personChangeResultSchema
  }),
  getPerson: operation({
    summary: 'The person detail (audited view). Shielded records: privacy officer with a reason only (R-14). `revealBsn` shows the BSN unmasked (audited).',
    access: STAFF,
    input: strictInput({
      personId: optional(uuidSchema),
      ref: optional(requiredText(100)),
      revealBsn: z.boolean().optional(),
      ...openReason
    }).superRefine((input, ctx) => {
      if ((input.personId === undefined) === (input.ref === undefined)) {
        ctx.addIssue({ code: 'custom', message: 'validation.required', path: ['personId'] })
      }
    }),
    output: personDetailSchema
  }),
  searchPersons: operation({
    summary: 'Search by name, e-mail, phone, postcode or ref (never BSN); list columns only; at most 100 per page.',
    access: STAFF,
    input: personSearchSchema,
    output: z.object({ items: z.array(personListItemSchema), hasMore: z.boolean(), total: z.number().int().optional() })
  }),
  getPersonHistory: operation({
    summary: 'Every recorded change of a person: when, by whom, which fields, why (no values).',
    access: STAFF,
    input: strictInput({ personId: uuidSchema, ...openReason }),
    output: z.object({
      createdAt: z.string(),
      createdBy: nullableText,
      changes: z.array(z.object({ changedAt: z.string(), changedBy: nullableText, fields: z.array(z.string()), reason: nullableText })),
      /** GDPR art. 34: data breaches the person was affected by and must be told about. */
      breaches: z.array(z.object({ discoveredOn: z.string(), toldOn: z.string().nullable() }))
    })
  }),
  addAttachment: operation({
    summary: 'Attach a file (PDF, DOCX, ODT, JPG, PNG; size limit from settings) stored encrypted in the vault.',
    access: STAFF,
    input: z.strictObject({
      personId: uuidSchema,
      kind: oneOf(ATTACHMENT_KINDS),
      fileName: requiredText(255),
      contentBase64: z.string().min(1, { error: 'validation.required' }).max(ATTACHMENT_BASE64_MAX, { error: 'validation.tooLong' })
    }),
    output: attachmentMetaSchema
  }),
  listAttachments: operation({
    summary: "A person's attachments (metadata only).",
    access: STAFF,
    input: strictInput({ personId: uuidSchema, ...openReason }),
    output: z.array(attachmentMetaSchema)
  }),
  getAttachmentContent: operation({
    summary: "An attachment's bytes as base64, for viewing from memory (audited view; no temp file).",
    access: STAFF,
    input: strictInput({ attachmentId: uuidSchema, ...openReason }),
    output: z.object({ id: z.string(), fileName: z.string(), mimeType: z.string(), contentBase64: z.string() })
  }),
  deleteAttachment: operation({
    summary: 'Delete an attachment definitively (its bytes leave the database file and journal).',
    access: STAFF,
    input: strictInput({ attachmentId: uuidSchema, reason: optionalText(500) }),
    output: z.object({ attachmentId: z.string() })
  }),
  markDoNotContact: operation({
    summary: 'R-10, R-29: keep only keyed hashes of e-mail, phone and profile URL with date and reason category; the record is deleted definitively, or an ex-worker reduced to the legal hold.',
    access: STAFF,
    input: z.strictObject({ personId: uuidSchema, reasonCategory: oneOf(DO_NOT_CONTACT_REASONS) }),
    output: z.object({ entryId: z.string(), identifiers: z.array(z.enum(DO_NOT_CONTACT_IDENTIFIERS)), outcome: z.enum(['deleted', 'legal-hold']) })
  }),
  checkDoNotContact: operation({
    summary: 'R-10: does an e-mail, phone or profile URL match the do-not-contact register? Says which identifier, never the stored data.',
    access: STAFF,
    input: strictInput({ email: optional(emailSchema), phone: optional(phoneSchema), profileUrl: optional(requiredText(500)) }),
    output: z.object({ matched: z.boolean(), identifier: z.enum(DO_NOT_CONTACT_IDENTIFIERS).nullable() })
  }),
  checkIntakeMatch: operation({
    summary:
      'Issue 16: while an intake is typed — is there already a person with this family name and birth date, e-mail or phone (the duplicate check), and does an e-mail or phone match the do-not-contact register (R-10)? Names the existing person only when the caller may open it.',
    access: STAFF,
    input: strictInput({
      familyName: optional(requiredText(200)),
      birthDate: optional(calendarDateSchema),
      email: optional(emailSchema),
      phone: optional(phoneSchema)
    }),
    output: z.object({
      doNotContact: z.enum(DO_NOT_CONTACT_IDENTIFIERS).nullable(),
      duplicate: z
        .object({
          personId: z.string(),
          /** not active: only a privacy officer opens it, stating a reason; then no name is given */
          shielded: z.boolean(),
          ref: nullableText,
          givenName: nullableText,
          familyName: nullableText,
          birthDate: nullableDate,
          /** which of the typed identifiers matched */
          matchedOn: z.enum(INTAKE_MATCH_KINDS)
        })
        .nullable()
    })
  }),
  liftDoNotContact: operation({
    summary: "R-29: at the person's own request, lift their do-not-contact entries (by entry id, or by e-mail, phone or profile URL) with a reason; audited.",
    access: ['privacy_officer'],
    input: strictInput({
      entryId: optional(uuidSchema),
      email: optional(emailSchema),
      phone: optional(phoneSchema),
      profileUrl: optional(requiredText(500)),
      reason: reasonSchema
    }).refine((i) => i.entryId !== undefined || i.email !== undefined || i.phone !== undefined || i.profileUrl !== undefined, {
      error: 'validation.required',
      path: ['entryId']
    }),
    output: z.object({ lifted: z.number().int(), entryIds: z.array(z.string()) })
  }),
  importPersons: operation({
    summary: 'Import a dossier-import/1 file (its JSON text): all or nothing; every bad row reported by position and field.',
    access: STAFF,
    input: z.strictObject({ text: z.string().min(1, { error: 'validation.required' }).max(IMPORT_TEXT_MAX, { error: 'validation.tooLong' }) }),
    output: importSummarySchema
  })
}
