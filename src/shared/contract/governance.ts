/**
 * Operations of the governance capability (REQUIREMENTS R-21..R-25, issue "Accountability and
 * hardening"): the audit trail (list, verify, anchor, export), the breach register (GDPR art. 33),
 * the record of processing activities (art. 30), privacy-statement versions and vault settings.
 * Everything here but the settings and the statement versions is for the privacy officer.
 */
import { z } from 'zod'
import { calendarDateSchema } from '../validation/calendarDate'
import { emailSchema } from '../validation/email'
import { isValidPhone } from '../validation/phone'
import { distinctList, optionalText, requiredText, strictInput, uuidSchema } from '../validation/fields'
import { operation } from './operation'

const PRIVACY_OFFICER = ['privacy_officer'] as const

/**
 * Categories of personal data the app holds (R-2..R-5), used by the breach register ("which data
 * was involved") and the record of processing activities.
 */
export const DATA_CATEGORIES = [
  'identity', // name, birth date, gender
  'contact', // NAW, e-mail, phone
  'cv', // CV, education, internships, work experience, references
  'availability', // availability, deployability, leave, particulars
  'employment', // nationality, work permit, VOG, employment periods, personnel data
  'bsn', // burgerservicenummer (UAVG art. 46)
  'id-document', // identity-document record and copies
  'financial', // IBAN, salary
  'absence', // absence registration (never the cause of an illness)
  'special', // special categories
  'business-contact', // contact persons of clients
  'other'
] as const
export type DataCategory = (typeof DATA_CATEGORIES)[number]

export const EXPORT_FORMATS = ['csv', 'html'] as const
export const DOCUMENT_LANGS = ['nl', 'en'] as const

/** A generated file: the renderer saves or previews it, the CLI writes it. No personal data in the name. */
export const exportFileSchema = z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() })
export type ExportFile = z.infer<typeof exportFileSchema>

// ---------------------------------------------------------------------------------------------
// Audit trail

const auditFilterShape = {
  /** A person's (or any record's) id; a statement version's subject is its version name. */
  subjectId: z.string().trim().min(1).max(36).optional(),
  /** A person's reference (kenmerk), resolved to its id. */
  personRef: z.string().trim().min(1).max(100).optional(),
  actorId: uuidSchema.optional(),
  action: z.string().regex(/^[a-z][a-z.-]{1,63}$/, 'validation.option').optional(),
  /** Calendar days in Europe/Amsterdam, both inclusive. */
  from: calendarDateSchema.optional(),
  to: calendarDateSchema.optional()
}

export const auditRowSchema = z.object({
  seq: z.number(),
  /** UTC instant. */
  at: z.string(),
  /** The same instant in Europe/Amsterdam wall-clock time, `YYYY-MM-DDTHH:mm`. */
  atLocal: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  subjectId: z.string().nullable(),
  /** An account's user name or a person's reference, when the subject is one; never a name. */
  subjectLabel: z.string().nullable(),
  fields: z.array(z.string()),
  reason: z.string().nullable()
})
export type AuditRow = z.infer<typeof auditRowSchema>

export const CHAIN_PROBLEMS = ['hash', 'link', 'sequence'] as const
export const ANCHOR_PROBLEMS = ['missing', 'mismatch'] as const

/**
 * Issue 15 point 2: an account's witnessed audit head that the trail no longer holds. `missing`:
 * the trail is shorter than what the account saw; `mismatch`: another entry sits at that number.
 */
export const witnessFailureSchema = z.object({
  accountId: z.string().nullable(),
  /** The account's display name, for the privacy officer's screen (never in logs or error text). */
  accountName: z.string().nullable(),
  seq: z.number(),
  problem: z.enum(['missing', 'mismatch']),
  witnessedAt: z.string()
})
export type WitnessFailure = z.infer<typeof witnessFailureSchema>

export const auditVerdictSchema = z.object({
  ok: z.boolean(),
  /** Entries walked: all of them when the chain holds, up to the first broken one otherwise. */
  entries: z.number(),
  /** The head hash when the chain holds. */
  head: z.string().nullable(),
  broken: z
    .object({
      seq: z.number(),
      problem: z.enum(CHAIN_PROBLEMS),
      entry: z.object({ seq: z.number(), at: z.string(), atLocal: z.string(), action: z.string(), actorId: z.string().nullable(), subjectId: z.string().nullable() }).nullable()
    })
    .nullable(),
  anchors: z.object({
    checked: z.number(),
    failed: z
      .object({ seq: z.number(), hash: z.string(), createdAt: z.string(), source: z.enum(['stored', 'external']), problem: z.enum(ANCHOR_PROBLEMS) })
      .nullable()
  }),
  /** Every account slot's witnessed head (issue 15 point 2). */
  witnesses: z.object({ checked: z.number(), failed: witnessFailureSchema.nullable() })
})
export type AuditVerdict = z.infer<typeof auditVerdictSchema>

export const auditAnchorSchema = z.object({
  id: z.string(),
  seq: z.number(),
  hash: z.string(),
  createdAt: z.string(),
  /** Europe/Amsterdam wall-clock time of `createdAt`, `YYYY-MM-DDTHH:mm`. */
  createdAtLocal: z.string(),
  /** The printable form, to keep outside the vault (paper, the accountant's mailbox). */
  text: z.string()
})
export type AuditAnchorView = z.infer<typeof auditAnchorSchema>

// ---------------------------------------------------------------------------------------------
// Breach register

export const BREACH_RISKS = ['none', 'low', 'high'] as const
export const BREACH_STATUSES = ['suspected', 'confirmed', 'closed'] as const
export const REGULATOR_REPORT_STATES = ['not-required', 'due', 'overdue', 'reported', 'reported-late'] as const
export const PERSONS_NOTICE_STATES = ['not-required', 'required', 'done'] as const

/**
 * Wall-clock time in Europe/Amsterdam, `YYYY-MM-DDTHH:mm`. Its format and meaning (a time that
 * exists that day, not in the future) are checked by the service, which knows the time zone.
 */
const localDateTimeSchema = z.string().trim().max(20, 'validation.tooLong')

const breachFields = {
  discoveredAtLocal: requiredText(20),
  description: requiredText(4000),
  dataCategories: distinctList(DATA_CATEGORIES),
  personsAffected: z.number().int('validation.type').min(0, 'validation.type').max(100_000_000, 'validation.tooLong'),
  risk: z.enum(BREACH_RISKS, 'validation.option'),
  reportedToRegulatorAtLocal: localDateTimeSchema.nullable().optional(),
  reportedToPersonsAtLocal: localDateTimeSchema.nullable().optional(),
  measures: optionalText(4000),
  status: z.enum(BREACH_STATUSES, 'validation.option'),
  /** Art. 33(1): why the report to the AP came after 72 hours; required then. */
  lateReason: optionalText(2000),
  /** Art. 34: the persons must be told (default: when the risk is high). */
  informPersons: z.boolean().optional(),
  /** The persons affected, by id, with a note about each (goes with the person, R-19a). Left out on update: unchanged. */
  affected: z
    .array(strictInput({ personId: uuidSchema, note: optionalText(1000) }))
    .max(1000, 'validation.tooLong')
    .optional()
}
export const breachInputSchema = strictInput(breachFields)
export type BreachInput = z.input<typeof breachInputSchema>

export const breachViewSchema = z.object({
  id: z.string(),
  discoveredAt: z.string(),
  discoveredAtLocal: z.string(),
  description: z.string(),
  dataCategories: z.array(z.string()),
  personsAffected: z.number(),
  risk: z.enum(BREACH_RISKS),
  reportedToRegulatorAt: z.string().nullable(),
  reportedToRegulatorAtLocal: z.string().nullable(),
  reportedToPersonsAt: z.string().nullable(),
  reportedToPersonsAtLocal: z.string().nullable(),
  measures: z.string().nullable(),
  status: z.enum(BREACH_STATUSES),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  /** Discovery + 72 hours, UTC instant and Amsterdam wall-clock time. */
  deadline: z.string(),
  deadlineLocal: z.string(),
  regulator: z.enum(REGULATOR_REPORT_STATES),
  persons: z.enum(PERSONS_NOTICE_STATES),
  lateReason: z.string().nullable(),
  informPersons: z.boolean(),
  /** Names and references of active records only. */
  affected: z.array(
    z.object({ personId: z.string(), personRef: z.string().nullable(), personName: z.string().nullable(), note: z.string().nullable() })
  )
})
export type BreachView = z.infer<typeof breachViewSchema>

// ---------------------------------------------------------------------------------------------
// Processors and DPIAs (R-28, GDPR art. 28 and 35)

const REGISTER_KEEPERS = ['privacy_officer', 'admin'] as const

const processorFields = {
  name: requiredText(200),
  purpose: requiredText(1000),
  dataCategories: distinctList(DATA_CATEGORIES),
  /** The processing agreement (art. 28(3)); null while there is none. */
  agreementOn: calendarDateSchema.nullable().optional(),
  location: requiredText(200),
  country: requiredText(100),
  subProcessors: optionalText(2000)
}
export const processorInputSchema = strictInput({ id: uuidSchema.optional(), ...processorFields })
export const processorViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  purpose: z.string(),
  dataCategories: z.array(z.enum(DATA_CATEGORIES)),
  agreementOn: calendarDateSchema.nullable(),
  location: z.string(),
  country: z.string(),
  subProcessors: z.string().nullable(),
  updatedAt: z.string()
})
export type ProcessorView = z.infer<typeof processorViewSchema>

const dpiaFields = {
  subject: requiredText(300),
  assessedOn: calendarDateSchema,
  outcome: requiredText(4000),
  nextReviewOn: calendarDateSchema
}
export const dpiaInputSchema = strictInput({ id: uuidSchema.optional(), ...dpiaFields })
export const dpiaViewSchema = z.object({
  id: z.string(),
  subject: z.string(),
  assessedOn: calendarDateSchema,
  outcome: z.string(),
  nextReviewOn: calendarDateSchema,
  /** The review date has come. */
  reviewDue: z.boolean(),
  updatedAt: z.string()
})
export type DpiaView = z.infer<typeof dpiaViewSchema>

// ---------------------------------------------------------------------------------------------
// Statement versions

export const statementVersionSchema = z.object({
  version: z.string(),
  validFrom: z.string(),
  createdAt: z.string(),
  /** The version in force today: the latest valid-from date on or before today. */
  current: z.boolean(),
  length: z.number()
})
export type StatementVersionView = z.infer<typeof statementVersionSchema>

// ---------------------------------------------------------------------------------------------
// Settings

export const settingsViewSchema = z.object({
  agency: z.object({ name: z.string(), email: z.string(), phone: z.string(), address: z.string() }),
  idleLockMinutes: z.number(),
  fourEyesErasure: z.boolean(),
  attachmentMaxMb: z.number()
})
export type SettingsView = z.infer<typeof settingsViewSchema>

export const settingsInputSchema = strictInput({
  agency: strictInput({
    name: requiredText(200),
    email: emailSchema,
    phone: requiredText(50).refine(isValidPhone, { error: 'validation.phone.invalid' }),
    address: z.string().trim().max(300, 'validation.tooLong')
  }),
  // Ranges are checked by the service (updateSettings) with their own message keys.
  idleLockMinutes: z.number().int('validation.type'),
  fourEyesErasure: z.boolean(),
  attachmentMaxMb: z.number().int('validation.type')
})

export const governanceOperations = {
  listAudit: operation({
    summary: 'One page of the audit trail, newest first, filtered by person, actor, action and period, with the number of matching entries (privacy officer).',
    access: PRIVACY_OFFICER,
    input: strictInput({ ...auditFilterShape, limit: z.number().int().min(1).max(1000).optional(), offset: z.number().int().min(0).optional() }),
    /** `total`: every entry the filter matches; `more`: entries beyond this page. */
    output: z.object({ entries: z.array(auditRowSchema), more: z.boolean(), total: z.number().int() })
  }),
  auditFilterOptions: operation({
    summary: 'The choices for the audit filters: every action name and every staff account (privacy officer).',
    access: PRIVACY_OFFICER,
    input: strictInput({}),
    output: z.object({ actions: z.array(z.string()), actors: z.array(z.object({ id: z.string(), username: z.string() })) })
  }),
  verifyAudit: operation({
    summary: 'Verify the hash chain and every stored anchor, plus an anchor kept outside the vault if given (privacy officer; audited).',
    access: PRIVACY_OFFICER,
    input: strictInput({ anchorText: z.string().max(2000).optional() }),
    output: auditVerdictSchema
  }),
  createAuditAnchor: operation({
    summary: 'Record the current head of the audit chain as an anchor and return its printable text (privacy officer; audited).',
    access: PRIVACY_OFFICER,
    input: strictInput({}),
    output: auditAnchorSchema
  }),
  listAuditAnchors: operation({
    summary: 'Anchors made so far, newest first (privacy officer).',
    access: PRIVACY_OFFICER,
    input: strictInput({}),
    output: z.array(auditAnchorSchema)
  }),
  exportAudit: operation({
    summary: 'The filtered audit trail as CSV or printable HTML (privacy officer; audited).',
    access: PRIVACY_OFFICER,
    input: strictInput({ ...auditFilterShape, format: z.enum(EXPORT_FORMATS), lang: z.enum(DOCUMENT_LANGS).default('nl') }),
    output: exportFileSchema
  }),

  listBreaches: operation({
    summary: 'The breach register, newest discovery first, with each 72-hour deadline; `asOf` is the main clock (privacy officer).',
    access: PRIVACY_OFFICER,
    input: strictInput({}),
    output: z.object({ asOf: z.string(), breaches: z.array(breachViewSchema) })
  }),
  createBreach: operation({
    summary: 'Register a suspected or confirmed data breach; times are Europe/Amsterdam wall-clock time (privacy officer; audited).',
    access: PRIVACY_OFFICER,
    input: breachInputSchema,
    output: breachViewSchema
  }),
  updateBreach: operation({
    summary: 'Update a registered breach: assessment, reports, measures, status (privacy officer; audited with the changed fields).',
    access: PRIVACY_OFFICER,
    input: strictInput({ id: uuidSchema, ...breachFields }),
    output: breachViewSchema
  }),
  exportBreaches: operation({
    summary: 'The breach register as CSV or printable HTML (privacy officer; audited).',
    access: PRIVACY_OFFICER,
    input: strictInput({ format: z.enum(EXPORT_FORMATS), lang: z.enum(DOCUMENT_LANGS).default('nl') }),
    output: exportFileSchema
  }),

  listProcessors: operation({
    summary: 'R-28: the register of processors (art. 28), by name (privacy officer, admin).',
    access: REGISTER_KEEPERS,
    input: strictInput({}),
    output: z.array(processorViewSchema)
  }),
  saveProcessor: operation({
    summary: 'R-28: add a processor, or change one (with `id`); audited with the changed fields (privacy officer, admin).',
    access: REGISTER_KEEPERS,
    input: processorInputSchema,
    output: processorViewSchema
  }),
  deleteProcessor: operation({
    summary: 'R-28: remove a processor the agency no longer uses (privacy officer, admin; audited).',
    access: REGISTER_KEEPERS,
    input: strictInput({ id: uuidSchema }),
    output: z.object({ deleted: z.literal(true) })
  }),
  listDpias: operation({
    summary: 'R-28: the register of data-protection impact assessments (art. 35), next review first (privacy officer, admin).',
    access: REGISTER_KEEPERS,
    input: strictInput({}),
    output: z.object({ asOf: calendarDateSchema, dpias: z.array(dpiaViewSchema) })
  }),
  saveDpia: operation({
    summary: 'R-28: add a DPIA, or change one (with `id`); the next review comes after the assessment (privacy officer, admin; audited).',
    access: REGISTER_KEEPERS,
    input: dpiaInputSchema,
    output: dpiaViewSchema
  }),
  deleteDpia: operation({
    summary: 'R-28: remove a DPIA entry (privacy officer, admin; audited).',
    access: REGISTER_KEEPERS,
    input: strictInput({ id: uuidSchema }),
    output: z.object({ deleted: z.literal(true) })
  }),

  getProcessingRegisterHtml: operation({
    summary: 'The record of processing activities (GDPR art. 30), generated from what the app does, as printable HTML.',
    access: ['privacy_officer', 'admin'],
    input: strictInput({ lang: z.enum(DOCUMENT_LANGS).default('nl') }),
    output: z.object({ html: z.string() })
  }),

  listStatementVersions: operation({
    summary: 'Every version of the privacy statement, newest valid-from first (the 2018 text is seeded on first use).',
    access: 'signedIn',
    input: strictInput({}),
    output: z.array(statementVersionSchema)
  }),
  getStatementVersion: operation({
    summary: 'One version of the privacy statement with its text.',
    access: 'signedIn',
    input: strictInput({ version: z.string().min(1).max(32) }),
    output: z.object({ version: z.string(), validFrom: z.string(), createdAt: z.string(), text: z.string() })
  }),
  addStatementVersion: operation({
    summary: 'Store a new version of the privacy statement (privacy officer; audited). Versions are never edited.',
    access: PRIVACY_OFFICER,
    input: strictInput({
      // The form of a version name is checked by the service (statementVersions.ts).
      version: requiredText(32),
      validFrom: calendarDateSchema,
      text: requiredText(200_000)
    }),
    output: statementVersionSchema
  }),
  personsNotShownVersion: operation({
    summary: 'Active persons whose recorded statement version is not the given one: count and id/reference only (privacy officer).',
    access: PRIVACY_OFFICER,
    input: strictInput({ version: z.string().min(1).max(32), limit: z.number().int().min(1).max(10_000).optional() }),
    output: z.object({ version: z.string(), count: z.number(), persons: z.array(z.object({ id: z.string(), ref: z.string().nullable() })), truncated: z.boolean() })
  }),

  getSettings: operation({
    summary: 'Agency contact details, idle lock, four-eyes erasure and attachment size limit.',
    access: 'signedIn',
    input: strictInput({}),
    output: settingsViewSchema
  }),
  updateSettings: operation({
    summary: 'Change the settings (admin; audited with the changed field names).',
    access: ['admin'],
    input: settingsInputSchema,
    output: settingsViewSchema
  })
}
