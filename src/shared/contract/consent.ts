/**
 * Operations of the consent capability (REQUIREMENTS R-4, R-3a, legal fact "Health data of
 * employees"): explicit consent or a recorded legal basis per person, special category and
 * purpose; special-category data saved only under a valid ground, shown only on request (audited);
 * withdrawal that removes the data at once; the privacy officer's list of legal bases and review;
 * absence (verzuim) registration without diagnosis or cause.
 *
 * Every input is strict: an unknown key (a smuggled `consentId`, an absence `diagnosis`) is an
 * error, never silently dropped. Rules that need today's date or stored facts are checked again in
 * the main process (src/main/consent/).
 */
import { z } from 'zod'
import { PURPOSES, SPECIAL_CATEGORIES } from '../domain'
import {
  CONSENT_BASES,
  CONSENT_METHODS,
  CONSENT_STATES,
  DISCLOSURE_PURPOSES,
  GROUND_MISFIT_REASONS,
  GROUND_ROLES,
  GROUND_VALUE_SHAPES,
  SPECIAL_DATA_GROUNDS
} from '../vocabulary'
import { FREE_TEXT_MAX } from '../person/personSchema'
import { calendarDateSchema } from '../validation/calendarDate'
import { oneOf, optional, requiredText, strictInput, uuidSchema } from '../validation/fields'
import { operation } from './operation'
import { DISCLOSURE_FIELDS } from './relations'

/** Person-level work on consents and special data: office staff and privacy officers (not admin-only accounts). */
const DESK = ['staff', 'privacy_officer'] as const
const OFFICER = ['privacy_officer'] as const

// explicit consent or a legal basis; a ground's state on today's date; how consent was given
// (shared/vocabulary, with their labels).
export { CONSENT_BASES, CONSENT_METHODS, CONSENT_STATES }
export type { ConsentBasis, ConsentState } from '../vocabulary'

/**
 * Absence (verzuim): expected duration as a closed list, so the field cannot become a medical
 * note (UAVG art. 30: never the diagnosis, cause or nature of the illness).
 */
export const ABSENCE_DURATIONS = ['days', 'up-to-2-weeks', 'up-to-6-weeks', 'longer', 'unknown'] as const
export type AbsenceDuration = (typeof ABSENCE_DURATIONS)[number]
export const ABSENCE_AVAILABILITY_MAX = 300

/** Field names that would hold what an employer may not keep; refused with their own message. */
export const ABSENCE_MEDICAL_FIELDS = ['diagnosis', 'cause', 'illness', 'nature', 'symptom', 'medication', 'medical', 'reason'] as const

/** A legal-basis key such as `uavg-30-absence`: lower-case words joined by `-` or `.` (as in the import format). */
export const legalBasisKeySchema = z
  .string({ error: 'validation.special.legalBasis' })
  .trim()
  .min(1, { error: 'validation.required' })
  .max(64, { error: 'validation.special.legalBasis' })
  .regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, { error: 'validation.special.legalBasis' })

const category = oneOf(SPECIAL_CATEGORIES)
const purpose = oneOf(PURPOSES)
const endsOn = optional(calendarDateSchema)

const consentGround = strictInput({
  personId: uuidSchema,
  category,
  purpose,
  basis: z.literal('consent'),
  givenOn: calendarDateSchema,
  how: oneOf(CONSENT_METHODS),
  /** The exact text the person agreed to (the agency's wording, printed on the form). */
  wording: requiredText(FREE_TEXT_MAX),
  /** the privacy-statement version the person was shown. */
  statementVersion: requiredText(50),
  endsOn
})
const legalGround = strictInput({
  personId: uuidSchema,
  category,
  purpose,
  basis: z.literal('legal-basis'),
  legalBasisKey: legalBasisKeySchema,
  endsOn
})

/**
 * The gap the wording template leaves for what the consent is about ("Het gaat om: …", "This
 * concerns: …"): a wording that still has it cannot be recorded (issue 16).
 */
export const WORDING_PLACEHOLDER = /(?:het gaat om|this concerns)\s*:\s*(?:…|\.\.\.)/i

export const recordConsentInputSchema = z.discriminatedUnion('basis', [consentGround, legalGround]).superRefine((c, ctx) => {
  if (c.basis === 'consent' && c.endsOn !== undefined && c.endsOn < c.givenOn) {
    ctx.addIssue({ code: 'custom', message: 'validation.period.endBeforeStart', path: ['endsOn'] })
  }
  if (c.basis === 'consent' && WORDING_PLACEHOLDER.test(c.wording)) {
    ctx.addIssue({ code: 'custom', message: 'validation.consent.placeholder', path: ['wording'] })
  }
})
export type RecordConsentInput = z.input<typeof recordConsentInputSchema>
export type RecordConsent = z.output<typeof recordConsentInputSchema>

export const consentViewSchema = z.object({
  id: z.string(),
  personId: z.string(),
  category: z.enum(SPECIAL_CATEGORIES),
  purpose: z.enum(PURPOSES),
  basis: z.enum(CONSENT_BASES),
  legalBasisKey: z.string().nullable(),
  legalBasisLabel: z.string().nullable(),
  givenOn: z.string().nullable(),
  how: z.enum(CONSENT_METHODS).nullable(),
  wording: z.string().nullable(),
  statementVersion: z.string().nullable(),
  endsOn: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
  withdrawnOn: z.string().nullable(),
  withdrawnBy: z.string().nullable(),
  expiredPurgedOn: z.string().nullable(),
  state: z.enum(CONSENT_STATES),
  /** How many special-data items rest on this ground (never their values). */
  specialDataCount: z.number().int()
})
export type ConsentView = z.infer<typeof consentViewSchema>

export const specialDataItemSchema = z.object({
  id: z.string(),
  consentId: z.string(),
  category: z.enum(SPECIAL_CATEGORIES),
  purpose: z.enum(PURPOSES),
  value: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable()
})
export type SpecialDataItem = z.infer<typeof specialDataItemSchema>

export const legalBasisSchema = z.object({ key: z.string(), label: z.string(), description: z.string(), active: z.boolean() })
export type LegalBasisView = z.infer<typeof legalBasisSchema>

export const absenceViewSchema = z.object({
  id: z.string(),
  personId: z.string(),
  startOn: z.string(),
  endOn: z.string().nullable(),
  expectedDuration: z.enum(ABSENCE_DURATIONS).nullable(),
  availability: z.string().nullable(),
  createdAt: z.string()
})
export type AbsenceView = z.infer<typeof absenceViewSchema>

function isMedicalKey(key: string): boolean {
  const lower = key.toLowerCase()
  return ABSENCE_MEDICAL_FIELDS.some((f) => lower.includes(f))
}

/**
 * Absence input: strict, and a diagnosis/cause-like field gets its own message so the screen can
 * say why (legal fact "Health data of employees").
 */
export const recordAbsenceInputSchema = z
  .strictObject(
    {
      personId: uuidSchema,
      startOn: calendarDateSchema,
      endOn: optional(calendarDateSchema),
      expectedDuration: optional(oneOf(ABSENCE_DURATIONS)),
      availability: optional(requiredText(ABSENCE_AVAILABILITY_MAX))
    },
    {
      error: (issue) => {
        if (issue.code === 'unrecognized_keys') {
          return (issue as { keys?: string[] }).keys?.some(isMedicalKey) ? 'validation.absence.medical' : 'validation.unknownField'
        }
        return issue.input === undefined ? 'validation.required' : 'validation.type'
      }
    }
  )
  .superRefine((a, ctx) => {
    if (a.endOn !== undefined && a.endOn < a.startOn) ctx.addIssue({ code: 'custom', message: 'validation.period.endBeforeStart', path: ['endOn'] })
  })
export type RecordAbsence = z.output<typeof recordAbsenceInputSchema>

/**
 * R-4a: the grounds policy (resources/special-category-grounds.json): per special category, which
 * grounds may cover it, for which roles and purposes, and in what form. Validated when main loads
 * it, and the output of `getSpecialCategoryGrounds` (the read-only table on the legal-bases screen).
 */
export const categoryGroundSchema = z
  .object({
    ground: z.enum(SPECIAL_DATA_GROUNDS),
    /** The article or statute, for the table. */
    law: z.string().min(1),
    roles: z.array(z.enum(GROUND_ROLES)).min(1),
    purposes: z.array(z.enum(PURPOSES)).min(1),
    shapes: z.array(z.enum(GROUND_VALUE_SHAPES)).min(1),
    /** R-3a: not on the day of registration (no health questions at intake). */
    notAtRegistration: z.boolean().optional()
  })
  .strict()
export type CategoryGround = z.infer<typeof categoryGroundSchema>

export const groundsPolicySchema = z
  .object({
    version: z.number().int().positive(),
    requirement: z.string(),
    description: z.string().min(1),
    categories: z.array(
      z.object({ category: z.enum(SPECIAL_CATEGORIES), note: z.string().min(1), grounds: z.array(categoryGroundSchema) }).strict()
    )
  })
  .strict()
  .superRefine((p, ctx) => {
    // Every category exactly once: a category missing from the file must not silently mean "anything goes".
    for (const category of SPECIAL_CATEGORIES) {
      const n = p.categories.filter((c) => c.category === category).length
      if (n !== 1) ctx.addIssue({ code: 'custom', message: `grounds.category.${n === 0 ? 'missing' : 'duplicate'}`, path: ['categories'] })
    }
  })
export type GroundsPolicy = z.infer<typeof groundsPolicySchema>

const reviewItemSchema = z.object({
  consentId: z.string(),
  personId: z.string(),
  personName: z.string(),
  category: z.enum(SPECIAL_CATEGORIES),
  purpose: z.enum(PURPOSES),
  basis: z.enum(CONSENT_BASES),
  endsOn: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  state: z.enum(CONSENT_STATES)
})
const unsupportedItemSchema = z.object({
  specialDataId: z.string(),
  personId: z.string(),
  personName: z.string(),
  category: z.enum(SPECIAL_CATEGORIES),
  purpose: z.enum(PURPOSES),
  createdAt: z.string()
})
const misfitItemSchema = unsupportedItemSchema.extend({
  basis: z.enum(CONSENT_BASES),
  legalBasisKey: z.string().nullable(),
  reason: z.enum(GROUND_MISFIT_REASONS)
})
export const consentReviewSchema = z.object({
  today: z.string(),
  /** valid grounds whose end date falls within 30 days */
  expiringSoon: z.array(reviewItemSchema),
  /** special data without a valid ground for its category and purpose (should be none) */
  withoutValidBasis: z.array(unsupportedItemSchema),
  /** R-4a: special data resting on a valid ground that no longer fits its category (grondslag past niet) */
  groundDoesNotFit: z.array(misfitItemSchema),
  /** withdrawals of the last calendar month */
  recentWithdrawals: z.array(reviewItemSchema)
})
export type ConsentReview = z.infer<typeof consentReviewSchema>

const lang = z.enum(['nl', 'en'])

/**
 * Issue 14 point 4, R-9a: a consent that is not about special data — to receive offers and
 * information, or to one field going to a client for one disclosure purpose (IBAN, nationality,
 * marital status…: the rules' `neverWithoutConsent` list). Date, how and the wording shown.
 */
const consentHow = { givenOn: calendarDateSchema, how: oneOf(CONSENT_METHODS), wording: requiredText(FREE_TEXT_MAX) }
export const recordProcessingConsentInputSchema = z.union([
  strictInput({ personId: uuidSchema, subject: z.literal('offers'), ...consentHow }),
  strictInput({
    personId: uuidSchema,
    subject: z.literal('disclosure'),
    disclosurePurpose: oneOf(DISCLOSURE_PURPOSES),
    field: oneOf(DISCLOSURE_FIELDS),
    ...consentHow
  })
])
export type RecordProcessingConsentInput = z.input<typeof recordProcessingConsentInputSchema>

export const processingConsentViewSchema = z.object({
  id: z.string(),
  personId: z.string(),
  subject: z.enum(['offers', 'disclosure']),
  disclosurePurpose: z.enum(DISCLOSURE_PURPOSES).nullable(),
  field: z.string().nullable(),
  givenOn: z.string(),
  how: z.enum(CONSENT_METHODS),
  wording: z.string(),
  withdrawnOn: z.string().nullable()
})
export type ProcessingConsentView = z.infer<typeof processingConsentViewSchema>

export const consentOperations = {
  listConsents: operation({
    summary: "A person's consents and legal bases for special data with their state today (no special-data values).",
    access: DESK,
    input: strictInput({ personId: uuidSchema }),
    output: z.object({ today: z.string(), personName: z.string(), hasEmployment: z.boolean(), consents: z.array(consentViewSchema) })
  }),
  recordConsent: operation({
    summary: 'Record explicit consent (date, how, wording, statement version, optional end) or a legal basis for one special category and purpose.',
    access: DESK,
    input: recordConsentInputSchema,
    output: consentViewSchema
  }),
  withdrawConsent: operation({
    summary: 'Withdraw consent (by id, or by person, category and purpose): that category and purpose\'s special data is deleted at once; the record keeps the fact and dates.',
    access: DESK,
    input: z.union([strictInput({ consentId: uuidSchema }), strictInput({ personId: uuidSchema, category, purpose })]),
    output: z.object({ personId: z.string(), withdrawn: z.array(z.string()), deletedSpecialData: z.number().int() })
  }),
  saveSpecialData: operation({
    summary: 'Save one special-category value; refused (CONSENT_REQUIRED, nothing written) without a valid consent or active legal basis for exactly that category and purpose.',
    access: DESK,
    input: strictInput({ personId: uuidSchema, category, purpose, value: requiredText(FREE_TEXT_MAX) }),
    output: z.object({ id: z.string(), consentId: z.string() })
  }),
  viewSpecialData: operation({
    summary:
      "Show a person's special-category data (an explicit click on its own tab); every call is audited. Privacy officers only: the values are sealed to the restricted key, which office staff's key slots do not hold (issue 15).",
    access: OFFICER,
    input: strictInput({ personId: uuidSchema }),
    output: z.object({ items: z.array(specialDataItemSchema) })
  }),
  deleteSpecialData: operation({
    summary: 'Delete one special-category value (rectification, R-19); securely deleted at once.',
    access: DESK,
    input: strictInput({ specialDataId: uuidSchema }),
    output: z.object({ specialDataId: z.string() })
  }),
  listLegalBases: operation({
    summary: "The privacy officer's list of legal bases for special data (seeded with defaults on first use).",
    access: DESK,
    input: strictInput({}),
    output: z.array(legalBasisSchema)
  }),
  saveLegalBasis: operation({
    summary: 'Add or change a legal basis (key, label, description, active) — privacy officer.',
    access: OFFICER,
    input: strictInput({
      key: legalBasisKeySchema,
      label: requiredText(200),
      description: requiredText(FREE_TEXT_MAX),
      active: z.boolean()
    }),
    output: legalBasisSchema
  }),
  getConsentReview: operation({
    summary: 'Privacy-officer review: grounds expiring within 30 days, special data without a valid ground, withdrawals of the last month.',
    access: OFFICER,
    input: strictInput({}),
    output: consentReviewSchema
  }),
  getSpecialCategoryGrounds: operation({
    summary: 'The grounds policy (R-4a): which ground may cover which special category, for whom, for which purposes and in what form (read-only).',
    access: DESK,
    input: strictInput({}),
    output: groundsPolicySchema
  }),
  getConsentFormHtml: operation({
    summary: 'The printable consent form (self-contained HTML) for a recorded consent or a draft; audited.',
    access: DESK,
    input: z.union([
      strictInput({ consentId: uuidSchema, lang }),
      strictInput({ personId: uuidSchema, category, purpose, wording: requiredText(FREE_TEXT_MAX), statementVersion: requiredText(50), lang })
    ]),
    output: z.object({ html: z.string() })
  }),
  recordAbsence: operation({
    summary: 'Register absence (verzuim): dates, expected duration, availability only — a diagnosis or cause field is refused.',
    access: DESK,
    input: recordAbsenceInputSchema,
    output: absenceViewSchema
  }),
  endAbsence: operation({
    summary: 'Record the end date of an absence (recovery).',
    access: DESK,
    input: strictInput({ absenceId: uuidSchema, endOn: calendarDateSchema }),
    output: absenceViewSchema
  }),
  listAbsences: operation({
    summary: "A person's absence registrations (audited view).",
    access: DESK,
    input: strictInput({ personId: uuidSchema }),
    output: z.array(absenceViewSchema)
  }),
  recordProcessingConsent: operation({
    summary:
      "Record a person's consent to offers, or to one field (IBAN, nationality…) going to clients for one disclosure purpose (R-9a): date, how, wording. Audited.",
    access: DESK,
    input: recordProcessingConsentInputSchema,
    output: processingConsentViewSchema
  }),
  withdrawProcessingConsent: operation({
    summary: 'Withdraw a consent to offers or to a disclosure field: from today it no longer unlocks anything; the record keeps the fact and dates.',
    access: DESK,
    input: strictInput({ consentId: uuidSchema }),
    output: processingConsentViewSchema
  }),
  listProcessingConsents: operation({
    summary: "A person's consents to offers and to disclosure fields, withdrawn ones included.",
    access: DESK,
    input: strictInput({ personId: uuidSchema }),
    output: z.array(processingConsentViewSchema)
  })
}
