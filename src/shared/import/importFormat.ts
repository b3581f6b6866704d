/**
 * The import file `dossier-import/1` (legacy data, one JSON file): persons with their employments,
 * W&S procedures and special-category data, and client companies with their contact persons.
 * The JSON Schema `resources/dossier-import-1.schema.json` is generated from this schema (see
 * test/shared/import/importSchemaFile.test.ts) and documents the canonical form a producer should
 * write. This schema is the authority and differs in two ways: it is more lenient on input (blank
 * or null optional fields count as absent; e-mail, phone, postcode and BSN are normalised) and it
 * enforces the rules that need more than one field or today's date (listed at `makePersonSchema`).
 *
 * What this module must never do: let a BSN or special data in where intake would refuse it
 * (R-3a, R-4), or report a rejected value (issues carry positions, field names and i18n keys).
 */
import { z } from 'zod'
import { EMPLOYMENT_KINDS, GENDERS, PURPOSES, SPECIAL_CATEGORIES, type CalendarDate } from '../domain'
import { CONSENT_METHODS } from '../vocabulary'
import {
  FREE_TEXT_FIELDS,
  FREE_TEXT_MAX,
  NAME_MAX,
  addressSchema,
  checkPeriod,
  checkPersonFacts,
  hasBsnEmployment,
  hasBsnPurpose,
  purposesSchema,
  rolesSchema,
  sourceSchema
} from '../person/personSchema'
import { bsnSchema } from '../validation/bsn'
import { birthDateSchema, calendarDateSchema, pastDateSchema } from '../validation/calendarDate'
import { emailSchema } from '../validation/email'
import { flagSchema, listOf, oneOf, optional, requiredText, strictInput } from '../validation/fields'
import { isValidationMessageKey, keyed, type ValidationMessageKey } from '../validation/messages'
import { phoneSchema } from '../validation/phone'
import { postcodeSchema } from '../validation/postcode'

export const IMPORT_FORMAT = 'dossier-import/1'

// how explicit consent was given (shared/vocabulary, with its labels).
export { CONSENT_METHODS }
export type { ConsentMethod } from '../vocabulary'

/** A legal-basis key such as `uavg-30-absence`: lower-case words joined by `-` or `.`. */
const legalBasisSchema = z
  .string(keyed('validation.special.legalBasis'))
  .trim()
  .max(100, { error: 'validation.special.legalBasis' })
  .regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, { error: 'validation.special.legalBasis' })

/** An optional end date: absent or `null` means the period is still running. */
const openEndSchema = calendarDateSchema.nullable().optional()

function makeConsentSchema(today: CalendarDate) {
  return strictInput({
    givenOn: pastDateSchema(today),
    how: oneOf(CONSENT_METHODS),
    wording: requiredText(FREE_TEXT_MAX), // the text the person agreed to
    statementVersion: requiredText(50),
    endsOn: optional(calendarDateSchema)
  }).superRefine((consent, ctx) => {
    if (consent.endsOn !== undefined && consent.endsOn < consent.givenOn) {
      ctx.addIssue({ code: 'custom', message: 'validation.period.endBeforeStart', path: ['endsOn'] })
    }
  })
}

/** one special-category value with exactly one ground: explicit consent or a legal basis. */
function makeSpecialSchema(today: CalendarDate) {
  return strictInput({
    category: oneOf(SPECIAL_CATEGORIES),
    purpose: oneOf(PURPOSES),
    value: requiredText(FREE_TEXT_MAX),
    consent: optional(makeConsentSchema(today)),
    legalBasis: optional(legalBasisSchema)
  }).superRefine((special, ctx) => {
    if ((special.consent === undefined) === (special.legalBasis === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'validation.special.basis' })
    }
  })
}

const employmentSchema = strictInput({
  start: calendarDateSchema,
  end: openEndSchema,
  kind: oneOf(EMPLOYMENT_KINDS)
}).superRefine(checkPeriod)

const recruitmentSchema = strictInput({
  client: requiredText(200), // a client's name, in this file or not
  start: calendarDateSchema,
  end: openEndSchema
}).superRefine(checkPeriod)

/**
 * One person. Besides the field formats and checkPersonFacts (birth date and contact means):
 * - a BSN needs a BSN purpose (UAVG art. 46) and an employment (R-3a: none at registration) that
 *   has started or starts within 4 weeks (R-16a);
 * - health data needs an employment (R-3a: no health questions at registration);
 * - each special value's purpose is one of the person's purposes;
 * - `unsubscribedOn` (R-12 counts from it) and `lastContactOn` (R-11a) are not before `registeredOn`.
 */
function makePersonSchema(today: CalendarDate) {
  return strictInput({
    ref: requiredText(100), // the legacy system's id; unique within the file
    givenName: requiredText(NAME_MAX),
    familyName: requiredText(NAME_MAX),
    birthDate: optional(birthDateSchema(today)),
    gender: optional(oneOf(GENDERS)),
    email: optional(emailSchema),
    phone: optional(phoneSchema),
    address: optional(addressSchema),
    // R-2 free text, as at intake; text that looks like special data is a warning (R-4a), not a refusal.
    ...FREE_TEXT_FIELDS,
    source: sourceSchema,
    registeredOn: pastDateSchema(today),
    roles: rolesSchema,
    purposes: purposesSchema,
    bsn: optional(bsnSchema),
    employments: optional(listOf(employmentSchema)),
    recruitment: optional(listOf(recruitmentSchema)),
    unsubscribedOn: optional(pastDateSchema(today)),
    // R-11a: the last contact the legacy system recorded (the re-confirmation clock runs from it).
    lastContactOn: optional(pastDateSchema(today)),
    doNotContact: optional(flagSchema),
    statementVersion: optional(requiredText(50)), // R-24, when the legacy system knows it
    special: optional(listOf(makeSpecialSchema(today)))
  }).superRefine((person, ctx) => {
    checkPersonFacts(person, ctx)
    const employed = (person.employments ?? []).length > 0
    if (person.bsn !== undefined) {
      if (!hasBsnPurpose(person.purposes)) ctx.addIssue({ code: 'custom', message: 'validation.bsn.purpose', path: ['bsn'] })
      if (!employed) ctx.addIssue({ code: 'custom', message: 'validation.bsn.notAtRegistration', path: ['bsn'] })
      else if (!hasBsnEmployment((person.employments ?? []).map((e) => e.start), today)) {
        ctx.addIssue({ code: 'custom', message: 'validation.bsn.employmentNotStarted', path: ['bsn'] })
      }
    }
    ;(person.special ?? []).forEach((special, index) => {
      if (special.category === 'health' && !employed) {
        ctx.addIssue({ code: 'custom', message: 'validation.special.notAtRegistration', path: ['special', index, 'category'] })
      }
      if (!person.purposes.includes(special.purpose)) {
        ctx.addIssue({ code: 'custom', message: 'validation.special.purpose', path: ['special', index, 'purpose'] })
      }
    })
    for (const field of ['unsubscribedOn', 'lastContactOn'] as const) {
      const date = person[field]
      if (date !== undefined && date < person.registeredOn) ctx.addIssue({ code: 'custom', message: 'validation.date.beforeRegistration', path: [field] })
    }
  })
}

/** a client's contact person. */
const clientContactSchema = strictInput({
  givenName: requiredText(NAME_MAX),
  familyName: requiredText(NAME_MAX),
  email: optional(emailSchema),
  phone: optional(phoneSchema),
  function: optional(requiredText(200))
})

/** a client company (opdrachtgever). */
const clientSchema = strictInput({
  name: requiredText(200), // unique within the file (case-insensitive)
  street: optional(requiredText(200)),
  houseNumber: optional(requiredText(20)),
  postcode: optional(postcodeSchema),
  city: optional(requiredText(100)),
  email: optional(emailSchema),
  phone: optional(phoneSchema),
  contacts: listOf(clientContactSchema)
})

/** Reports the second and later occurrences of a value, at `[list, index, field]`. */
function reportRepeats(
  items: unknown,
  list: string,
  field: string,
  normalise: (value: string) => string,
  message: ValidationMessageKey,
  ctx: z.RefinementCtx
): void {
  if (!Array.isArray(items)) return
  const seen = new Set<string>()
  items.forEach((item: unknown, index) => {
    const value = typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[field] : undefined
    if (typeof value !== 'string') return
    const normalised = normalise(value)
    if (seen.has(normalised)) ctx.addIssue({ code: 'custom', message, path: [list, index, field] })
    seen.add(normalised)
  })
}

/**
 * The whole file. Dates are checked against `today` (no registration, unsubscription or consent
 * in the future; plausible birth dates). Duplicate `ref`s and client names are reported even when
 * other rows have errors, so one run lists them all.
 */
export function makeImportSchema(today: CalendarDate) {
  return strictInput({
    format: z.literal(IMPORT_FORMAT, keyed('validation.import.format')),
    persons: listOf(makePersonSchema(today)),
    clients: optional(listOf(clientSchema))
  })
    .superRefine(
      (file, ctx) => {
        // Runs on partly parsed input too (`when`), so it reads it defensively.
        if (typeof file !== 'object' || file === null) return
        const raw = file as { persons?: unknown; clients?: unknown }
        reportRepeats(raw.persons, 'persons', 'ref', (ref) => ref.trim(), 'validation.import.duplicateRef', ctx)
        reportRepeats(raw.clients, 'clients', 'name', (name) => name.trim().toLowerCase(), 'validation.import.duplicateClient', ctx)
      },
      { when: () => true }
    )
    .meta({
      title: 'Dossier import file (dossier-import/1)',
      description:
        'Legacy data for Dossier. Rules across fields (BSN only with a BSN purpose and an employment that ' +
        'has started or starts within 4 weeks, ' +
        'exactly one of consent or legal basis, unique refs, plausible dates) are checked by the app.'
    })
}
export type ImportSchema = ReturnType<typeof makeImportSchema>
export type ImportFileInput = z.input<ImportSchema>
export type ImportFile = z.output<ImportSchema>
export type ImportPerson = ImportFile['persons'][number]
export type ImportClient = NonNullable<ImportFile['clients']>[number]

/** One problem in an import file: where (`persons[3].email`) and what (an i18n key). */
export interface ImportIssue {
  readonly path: string
  readonly key: ValidationMessageKey
}

/** A field name from the file is shown only when it looks like a field name. */
function safeSegment(segment: PropertyKey): string {
  if (typeof segment === 'number') return `[${segment}]`
  const name = String(segment)
  return /^[A-Za-z0-9_-]{1,64}$/.test(name) ? `.${name}` : '.?'
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map(safeSegment).join('').replace(/^\./, '')
}

function keyOf(issue: z.core.$ZodIssue): ValidationMessageKey {
  if (isValidationMessageKey(issue.message)) return issue.message
  // Every schema here sets its messages; this is a net for issues zod raises on its own.
  if (issue.code === 'unrecognized_keys') return 'validation.unknownField'
  if (issue.code === 'too_big') return 'validation.tooLong'
  if (issue.code === 'invalid_value') return 'validation.option'
  return 'validation.type'
}

/**
 * The issues of a failed parse as positions and i18n keys, never values. An unknown field is
 * reported at its own path (`persons[0].bsn` for a BSN where none is allowed).
 */
export function formatImportIssues(error: z.ZodError): ImportIssue[] {
  return error.issues.flatMap((issue): ImportIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((name) => ({ path: formatPath([...issue.path, name]), key: 'validation.unknownField' }))
    }
    return [{ path: formatPath(issue.path), key: keyOf(issue) }]
  })
}
