/**
 * Operations of the rights capability (REQUIREMENTS R-18..R-20, R-8, R-16, R-25; GDPR art. 12(3)):
 * the access report (inzageverslag) as HTML and PDF, the machine-readable export and its format
 * `dossier-export/1`, erasure with its preview of what the law makes us keep, four-eyes approval,
 * and the register of data-subject requests with their one-month deadline.
 *
 * Who may do what: office staff print access reports and export (a shielded or legal-hold record
 * only by a privacy officer, R-14) and may log an access request at the desk; the privacy officer
 * runs erasure and keeps the request register.
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
  SPECIAL_CATEGORIES
} from '../domain'
import { CONSENT_BASES, REPORTED_CONSENT_STATES, REQUEST_KINDS, REQUEST_STATUSES, type RequestKind } from '../vocabulary'
import { calendarDateSchema } from '../validation/calendarDate'
import { requiredText, strictInput, uuidSchema } from '../validation/fields'
import { operation } from './operation'

const STAFF = ['staff', 'privacy_officer', 'admin'] as const
const PRIVACY_OFFICER = ['privacy_officer'] as const

export const REPORT_LANGS = ['nl', 'en'] as const
export type ReportLang = (typeof REPORT_LANGS)[number]

/** `INZ-2026-000123`: an access report's reference, printed in its header and every page footer. */
export const ACCESS_REPORT_REFERENCE = /^INZ-\d{4}-\d{6}$/

/** How a report left the app: the OS print dialog, a saved PDF, or an HTML file (CLI `--out FILE.html`). */
export const REPORT_OUTPUTS = ['print', 'pdf', 'html'] as const

/** GDPR art. 15-21 requests this register keeps, and their status (shared/vocabulary, with their labels). */
export const SUBJECT_REQUEST_KINDS = REQUEST_KINDS
export type SubjectRequestKind = RequestKind
export const SUBJECT_REQUEST_STATUSES = REQUEST_STATUSES
/** What a privacy officer closes a request with. */
export const CLOSING_STATUSES = ['done', 'rejected'] as const

/** The legal duties an erasure must respect; ids of the retention policy's rules. */
export const ERASURE_HOLD_RULES = ['legal-hold-payroll', 'legal-hold-id-bsn'] as const
export type ErasureHoldRule = (typeof ERASURE_HOLD_RULES)[number]

const nullableText = z.string().nullable()
const nullableDate = calendarDateSchema.nullable()
const personIdInput = { personId: uuidSchema }

// ---------------------------------------------------------------------------------------------
// Access report

export const accessReportHtmlSchema = z.object({
  reference: z.string().regex(ACCESS_REPORT_REFERENCE),
  issuedOn: calendarDateSchema,
  lang: z.enum(REPORT_LANGS),
  /** The footer line the PDF paths print on every page (no personal data). */
  footerText: z.string(),
  /** One self-contained document (inline CSS, no scripts, CSP inside): show it in a sandboxed frame. */
  html: z.string()
})
export type AccessReportHtml = z.infer<typeof accessReportHtmlSchema>

export const accessReportPdfSchema = z.object({
  reference: z.string().regex(ACCESS_REPORT_REFERENCE),
  /** `inzageverslag-INZ-2026-000123.pdf`: never the person's name (no personal data in file names). */
  fileName: z.string(),
  pdfBase64: z.string()
})

// ---------------------------------------------------------------------------------------------
// Export: the `dossier-export/1` format. `resources/dossier-export-1.schema.json` is
// generated from this schema (test/main/rights/exportSchemaFile.test.ts keeps them equal).

export const EXPORT_FORMAT = 'dossier-export/1'

/** Every data field of a person record; null when not held. */
const exportDataSchema = z.strictObject({
  givenName: z.string(),
  familyName: z.string(),
  birthDate: nullableDate,
  gender: z.enum(GENDERS).nullable(),
  street: nullableText,
  houseNumber: nullableText,
  postcode: nullableText,
  city: nullableText,
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
  nationality: nullableText,
  bsn: nullableText.meta({ description: 'Burgerservicenummer, masked (R-3): only the last three digits are shown.' }),
  idDocumentType: nullableText,
  idDocumentNumber: nullableText,
  idDocumentExpiry: nullableDate,
  idVerifiedOn: nullableDate,
  workPermitNumber: nullableText,
  workPermitExpiry: nullableDate,
  vogDate: nullableDate.meta({ description: 'Date of the VOG (Verklaring Omtrent het Gedrag, certificate of conduct).' }),
  iban: nullableText,
  maritalStatus: nullableText
})

export const personExportSchema = z
  .strictObject({
    format: z.literal(EXPORT_FORMAT),
    exportedOn: calendarDateSchema,
    controller: z
      .strictObject({ name: z.string(), email: z.string(), phone: z.string(), address: z.string() })
      .meta({ description: 'R-25: who holds the data (the agency, controller under the GDPR) and how to reach it.' }),
    person: z.strictObject({
      id: z.string(),
      ref: nullableText,
      roles: z.array(z.enum(PERSON_ROLES)),
      registeredOn: calendarDateSchema,
      unsubscribedOn: nullableDate,
      state: z.enum(RETENTION_STATES)
    }),
    data: exportDataSchema,
    fieldHistory: z
      .array(z.strictObject({ fields: z.array(z.string()), changedAt: z.string() }))
      .meta({ description: 'Which fields changed when (R-19); old values are not kept.' }),
    source: z.strictObject({ kind: z.enum(SOURCE_KINDS), detail: nullableText }),
    statement: z.strictObject({ version: z.string(), shownOn: nullableDate }).nullable(),
    purposes: z.array(z.strictObject({ purpose: z.enum(PURPOSES), legalBasis: z.string() })),
    employments: z.array(z.strictObject({ start: calendarDateSchema, end: nullableDate, kind: z.enum(EMPLOYMENT_KINDS), client: nullableText })),
    recruitmentProcedures: z.array(z.strictObject({ client: z.string(), start: calendarDateSchema, end: nullableDate })),
    absence: z.array(z.strictObject({ startOn: calendarDateSchema, endOn: nullableDate, expectedDuration: nullableText, availability: nullableText })),
    attachments: z.array(
      z.strictObject({
        id: z.string(),
        kind: z.enum(ATTACHMENT_KINDS),
        fileName: z.string(),
        mimeType: z.string(),
        sizeBytes: z.number().int().min(0),
        addedOn: calendarDateSchema,
        deleteOn: nullableDate,
        file: nullableText.meta({ description: 'Path of the file inside the export zip (attachments/<id>.<ext>); null in a JSON-only export.' })
      })
    ),
    consents: z.array(
      z.strictObject({
        category: z.enum(SPECIAL_CATEGORIES),
        purpose: z.enum(PURPOSES),
        basis: z.enum(CONSENT_BASES),
        legalBasis: nullableText,
        givenOn: nullableDate,
        how: nullableText,
        wording: nullableText,
        statementVersion: nullableText,
        endsOn: nullableDate,
        withdrawnOn: nullableDate,
        state: z.enum(REPORTED_CONSENT_STATES)
      })
    ),
    processingConsents: z
      .array(
        z.strictObject({
          subject: z.enum(['offers', 'disclosure']),
          disclosurePurpose: nullableText,
          field: nullableText,
          givenOn: calendarDateSchema,
          how: z.string(),
          wording: z.string(),
          withdrawnOn: nullableDate
        })
      )
      .meta({ description: 'R-9a, R-18: the consents the person gave to offers and to sharing a field with clients, with how and when, and when withdrawn.' }),
    specialData: z.array(z.strictObject({ category: z.enum(SPECIAL_CATEGORIES), purpose: z.enum(PURPOSES), value: z.string() })),
    disclosures: z.array(
      z.strictObject({ recipient: z.string(), disclosedOn: calendarDateSchema, fields: z.array(z.string()), purpose: z.string(), reason: nullableText })
    ),
    retention: z
      .strictObject({
      state: z.enum(RETENTION_STATES),
      rule: nullableText,
      nextAction: nullableText,
      nextRule: nullableText,
      dueDate: nullableDate,
      deletionDate: nullableDate
    })
      .meta({ description: 'R-11..R-16: the record\'s retention state, the rule governing it, the next step, the rule it comes from and its date, and when the whole record is deleted.' }),
    requests: z.array(
      z.strictObject({ kind: z.enum(SUBJECT_REQUEST_KINDS), receivedOn: calendarDateSchema, deadline: calendarDateSchema, status: z.enum(SUBJECT_REQUEST_STATUSES) })
    )
  })
  .meta({
    $id: 'https://dossier.invalid/schemas/dossier-export-1.schema.json',
    title: 'dossier-export/1',
    description: 'A person’s data exported from Dossier (GDPR art. 20, REQUIREMENTS R-20).'
  })
export type PersonExport = z.infer<typeof personExportSchema>

export const personArchiveSchema = z.object({
  /** `dossier-export-<personId>.zip`: the record id, never the person's name. */
  fileName: z.string(),
  zipBase64: z.string(),
  attachmentCount: z.number().int()
})

// ---------------------------------------------------------------------------------------------
// Erasure

const recordCountSchema = z.object({ kind: z.string(), count: z.number().int() })

/** One legal duty that keeps part of the record after an erasure, and until when. */
export const erasureHoldSchema = z.object({
  rule: z.enum(ERASURE_HOLD_RULES),
  /** The statute (`AWR art. 52`, `Wet LB art. 28…`). */
  law: z.string(),
  fields: z.array(z.string()),
  records: z.array(recordCountSchema),
  /** The last day the data is kept; the sweep deletes it the day after (`deletedOn`). */
  keptUntil: calendarDateSchema,
  deletedOn: calendarDateSchema
})
export type ErasureHold = z.infer<typeof erasureHoldSchema>

export const ERASURE_OUTCOMES = ['delete', 'legal-hold', 'blocked'] as const
export const erasurePreviewSchema = z.object({
  personId: z.string(),
  ref: nullableText,
  /** Issue 16: the screen names whose record it is, and asks for the reference or family name to confirm. */
  givenName: z.string(),
  familyName: z.string(),
  birthDate: calendarDateSchema.nullable(),
  state: z.enum(RETENTION_STATES),
  /** delete: nothing must stay (tombstone); legal-hold: the kept subset stays, restricted; blocked: see `blockedBy`. */
  outcome: z.enum(ERASURE_OUTCOMES),
  blockedBy: z.enum(['employment-ongoing']).nullable(),
  deleted: z.object({ fields: z.array(z.string()), records: z.array(recordCountSchema) }),
  kept: z.array(erasureHoldSchema),
  /** Setting `fourEyesErasure`: a second privacy officer must approve. */
  fourEyes: z.boolean()
})
export type ErasurePreview = z.infer<typeof erasurePreviewSchema>

export const erasureApprovalSchema = z.object({
  approvalId: z.string(),
  personId: z.string(),
  ref: nullableText,
  requestedBy: nullableText,
  requestedAt: z.string(),
  reason: z.string(),
  approvedBy: nullableText,
  approvedAt: nullableText,
  status: z.enum(['awaiting-approval', 'approved'])
})
export type ErasureApprovalView = z.infer<typeof erasureApprovalSchema>

export const erasureResultSchema = z.object({
  personId: z.string(),
  outcome: z.enum(['deleted', 'legal-hold']),
  /** The proof of deletion when the whole record went. */
  tombstoneId: nullableText,
  kept: z.array(erasureHoldSchema)
})
export type ErasureResult = z.infer<typeof erasureResultSchema>

// ---------------------------------------------------------------------------------------------
// Request register (GDPR art. 12(3))

export const subjectRequestSchema = z.object({
  id: z.string(),
  personId: nullableText,
  /** The person's reference and name while the record is active; null once shielded or deleted. */
  personRef: nullableText,
  personName: nullableText,
  personState: z.enum([...RETENTION_STATES, 'deleted'] as const).nullable(),
  /** no person named yet, the identity is being checked. */
  identityPending: z.boolean(),
  kind: z.enum(SUBJECT_REQUEST_KINDS),
  receivedOn: calendarDateSchema,
  identityCheck: z.string(),
  deadline: calendarDateSchema,
  extendedTo: nullableDate,
  extensionReason: nullableText,
  /** The date the person was told of the extension (art. 12(3)). */
  extensionToldOn: nullableDate,
  /** `extendedTo ?? deadline`. */
  dueOn: calendarDateSchema,
  status: z.enum(SUBJECT_REQUEST_STATUSES),
  closedOn: nullableDate,
  overdue: z.boolean(),
  /** Open and due within a few days (the dashboard's warning). */
  dueSoon: z.boolean(),
  /** Open, not extended, first deadline not passed. */
  extendable: z.boolean(),
  documents: z.array(z.object({ kind: z.string(), producedAt: z.string(), reference: z.string() }))
})
export type SubjectRequestView = z.infer<typeof subjectRequestSchema>

const reasonText = requiredText(500)

export const rightsOperations = {
  getAccessReportHtml: operation({
    summary:
      'R-18: issue an access report (new INZ reference) as one self-contained HTML document in nl/en. Audited report.access; noted on the person’s open access request. Shielded/legal-hold records: privacy officer only.',
    access: STAFF,
    input: strictInput({ ...personIdInput, lang: z.enum(REPORT_LANGS) }),
    output: accessReportHtmlSchema
  }),
  getAccessReportPdf: operation({
    summary:
      'R-18: the access report as PDF (base64), made in the main process (Electron printToPDF or headless Chromium). With `reference`: the PDF of a report already issued to this person. Audited report.print.',
    access: STAFF,
    input: strictInput({ ...personIdInput, lang: z.enum(REPORT_LANGS), reference: z.string().regex(ACCESS_REPORT_REFERENCE).optional() }),
    output: accessReportPdfSchema
  }),
  printAccessReport: operation({
    summary:
      'R-18: print an access report already issued to this person (its `reference`) with the OS print dialog — the printer the shell injects (Electron webContents.print). Where there is none (CLI, test harness): PRINT_UNAVAILABLE. Audited report.print when printed, not when cancelled.',
    access: STAFF,
    input: strictInput({ ...personIdInput, lang: z.enum(REPORT_LANGS), reference: z.string().regex(ACCESS_REPORT_REFERENCE) }),
    output: z.object({ printed: z.boolean() })
  }),
  recordReportPrinted: operation({
    summary: 'R-22: record that an issued access report was printed or saved as PDF (audited report.print; noted on the open access request).',
    access: STAFF,
    input: strictInput({ ...personIdInput, reference: z.string().regex(ACCESS_REPORT_REFERENCE), how: z.enum(REPORT_OUTPUTS) }),
    output: z.object({ recorded: z.literal(true) })
  }),
  exportPerson: operation({
    summary: 'R-20: the person’s data as `dossier-export/1` JSON (resources/dossier-export-1.schema.json). Audited export.person. Shielded: privacy officer only.',
    access: STAFF,
    input: strictInput(personIdInput),
    output: personExportSchema
  }),
  exportPersonArchive: operation({
    summary: 'R-20: a zip with the export JSON and every attachment, named by attachment id (base64). Audited export.person.',
    access: STAFF,
    input: strictInput(personIdInput),
    output: personArchiveSchema
  }),
  previewErasure: operation({
    summary: 'R-19/R-16: what an erasure would delete, what a legal duty keeps (which law, until when). Changes nothing; audited erasure.preview.',
    access: PRIVACY_OFFICER,
    input: strictInput(personIdInput),
    output: erasurePreviewSchema
  }),
  requestErasure: operation({
    summary: 'R-19: ask for an erasure with a reason. With `fourEyesErasure` on it awaits a second privacy officer; otherwise it is approved at once.',
    access: PRIVACY_OFFICER,
    input: strictInput({ ...personIdInput, reason: reasonText }),
    output: erasureApprovalSchema
  }),
  approveErasure: operation({
    summary: 'Four eyes: a second privacy officer approves an erasure request (never the one who asked: APPROVAL_REQUIRED).',
    access: PRIVACY_OFFICER,
    input: strictInput({ approvalId: uuidSchema }),
    output: erasureApprovalSchema
  }),
  applyErasure: operation({
    summary:
      'R-19: run an approved erasure — the retention sweep’s deletion path (tombstone, secure delete, WAL checkpoint), or the reduction to the legal-hold subset when a legal duty remains.',
    access: PRIVACY_OFFICER,
    input: strictInput({ approvalId: uuidSchema }),
    output: erasureResultSchema
  }),
  requestAndApplyErasure: operation({
    summary:
      'R-19 "erase" as the screen and the CLI do it: requestErasure, then applyErasure at once when it needs no second privacy officer (`fourEyesErasure` off). With four eyes on, `result` is null and the request awaits approveAndApplyErasure.',
    access: PRIVACY_OFFICER,
    input: strictInput({ ...personIdInput, reason: reasonText }),
    output: z.object({ approval: erasureApprovalSchema, result: erasureResultSchema.nullable() })
  }),
  approveAndApplyErasure: operation({
    summary: 'Four eyes, as the screen and the CLI do it: a second privacy officer approves an erasure request (approveErasure) and applies it (applyErasure).',
    access: PRIVACY_OFFICER,
    input: strictInput({ approvalId: uuidSchema }),
    output: erasureResultSchema
  }),
  listErasureApprovals: operation({
    summary: 'Erasure requests not yet applied (awaiting approval or approved).',
    access: PRIVACY_OFFICER,
    input: strictInput({}),
    output: z.array(erasureApprovalSchema)
  }),
  createRequest: operation({
    summary:
      'GDPR art. 12(3): register a data-subject request; deadline = received (default today) + 1 calendar month. Without `personId` the identity is being checked (R-29; link the person later). Staff may register access requests only.',
    access: STAFF,
    input: strictInput({
      personId: uuidSchema.optional(),
      kind: z.enum(SUBJECT_REQUEST_KINDS, 'validation.option'),
      receivedOn: calendarDateSchema.optional(),
      identityCheck: z.string().trim().max(300, 'validation.tooLong').optional()
    }),
    output: subjectRequestSchema
  }),
  extendRequest: operation({
    summary:
      'Extend an open request by two further calendar months (art. 12(3)), with the reason and the date the person was told (default today; between receipt and the first deadline). Once only, before the first deadline: CONFLICT otherwise.',
    access: PRIVACY_OFFICER,
    input: strictInput({ id: uuidSchema, reason: reasonText, toldOn: calendarDateSchema.optional() }),
    output: subjectRequestSchema
  }),
  linkRequestPerson: operation({
    summary: 'R-29: name the person of a request registered while the identity was being checked (CONFLICT when it names one already).',
    access: PRIVACY_OFFICER,
    input: strictInput({ id: uuidSchema, personId: uuidSchema, identityCheck: z.string().trim().max(300, 'validation.tooLong').optional() }),
    output: subjectRequestSchema
  }),
  closeRequest: operation({
    summary: 'Close a request as done or rejected.',
    access: PRIVACY_OFFICER,
    input: strictInput({ id: uuidSchema, status: z.enum(CLOSING_STATUSES) }),
    output: subjectRequestSchema
  }),
  listRequests: operation({
    summary: 'The request register: open requests by deadline (overdue flagged), then closed ones when asked.',
    access: PRIVACY_OFFICER,
    input: strictInput({ includeClosed: z.boolean().optional() }),
    output: z.object({ asOf: calendarDateSchema, requests: z.array(subjectRequestSchema) })
  }),
  listRequestsDue: operation({
    summary: 'The dashboard: open requests that are overdue or due within a few days, by deadline.',
    access: PRIVACY_OFFICER,
    input: strictInput({}),
    output: z.object({ asOf: calendarDateSchema, requests: z.array(subjectRequestSchema) })
  })
}
