/**
 * Input schemas for a person (R-1..R-3a, R-6, R-7, R-24): what the intake form, the IPC contract
 * and the services accept. Every object is strict: a field that is not listed is an error, never
 * silently dropped. Rules that depend on the date take `today` (the main process's clock).
 *
 * What this module must never do: accept a BSN or special-category data at registration (R-3a);
 * put a submitted value into an error message.
 */
import { z } from 'zod'
import {
  BSN_PURPOSES,
  EMPLOYMENT_KINDS,
  GENDERS,
  PERSON_ROLES,
  PURPOSES,
  SOURCE_KINDS,
  type CalendarDate,
  type PersonRole,
  type Purpose
} from '../domain'
import { bsnSchema } from '../validation/bsn'
import { birthDateSchema, calendarDateSchema, pastDateSchema } from '../validation/calendarDate'
import { emailSchema } from '../validation/email'
import { distinctList, oneOf, optional, optionalText, requiredText, strictInput, uuidSchema } from '../validation/fields'
import { ibanSchema } from '../validation/iban'
import { keyed } from '../validation/messages'
import { phoneSchema } from '../validation/phone'
import { postcodeSchema } from '../validation/postcode'
import { addCalendarDays } from '../time'

import { ID_DOCUMENT_TYPES, MARITAL_STATUSES } from '../vocabulary'

// identity documents and marital status (shared/vocabulary, with their labels).
export { ID_DOCUMENT_TYPES, MARITAL_STATUSES }
export type { IdDocumentType, MaritalStatus } from '../vocabulary'

/** Roles of people the agency registers and works with; they need a birth date and e-mail or phone. */
export const REGISTERED_ROLES: readonly PersonRole[] = ['candidate', 'flexworker', 'ws-candidate']

/** UAVG art. 46: the BSN may be processed only when the person has one of the BSN purposes. */
export function hasBsnPurpose(purposes: readonly Purpose[]): boolean {
  return purposes.some((purpose) => BSN_PURPOSES.includes(purpose))
}

/** R-16a: how many days before an employment starts its BSN may be recorded (4 weeks). */
export const BSN_LEAD_DAYS = 28

/**
 * R-16a (and R-3a: never at registration): a BSN is accepted only for an employment that has
 * started or starts within 4 weeks of `today` — not for one that starts in 2031.
 */
export function hasBsnEmployment(employmentStarts: readonly CalendarDate[], today: CalendarDate): boolean {
  const latestStart = addCalendarDays(today, BSN_LEAD_DAYS)
  return employmentStarts.some((start) => start <= latestStart)
}

// ---------------------------------------------------------------------------------------------
// Parts shared by the intake and the import (import/importFormat.ts).

export const NAME_MAX = 100
export const FREE_TEXT_MAX = 4000

/** R-2 NAW. Every part is optional; a postcode, when given, must be a Dutch postcode. */
export const addressSchema = strictInput({
  street: optional(requiredText(200)),
  houseNumber: optional(requiredText(20)),
  postcode: optional(postcodeSchema),
  city: optional(requiredText(100))
})

/** how the data came in; for a public website, which one (the agency must inform the person). */
export const sourceSchema = strictInput({
  kind: oneOf(SOURCE_KINDS),
  detail: optional(requiredText(500))
}).superRefine((source, ctx) => {
  if (source.kind === 'public-website' && source.detail === undefined) {
    ctx.addIssue({ code: 'custom', message: 'validation.source.detailRequired', path: ['detail'] })
  }
})

/** one or more roles, each once. */
export const rolesSchema = distinctList(PERSON_ROLES)
/** one or more purposes, each once. */
export const purposesSchema = distinctList(PURPOSES)

interface PersonFacts {
  readonly roles: readonly PersonRole[]
  readonly birthDate?: string | undefined
  readonly email?: string | undefined
  readonly phone?: string | undefined
  readonly otherContact?: string | undefined
}

/**
 * Cross-field rules common to intake and import: people the agency registers (REGISTERED_ROLES)
 * need a birth date and an e-mail address or phone number; anyone else (prospect, contact)
 * needs at least some way to be reached (R-6: a prospect must be informed).
 */
export function checkPersonFacts(person: PersonFacts, ctx: z.RefinementCtx): void {
  const registered = person.roles.some((role) => REGISTERED_ROLES.includes(role))
  if (registered && person.birthDate === undefined) {
    ctx.addIssue({ code: 'custom', message: 'validation.required', path: ['birthDate'] })
  }
  const reachable = registered
    ? person.email !== undefined || person.phone !== undefined
    : person.email !== undefined || person.phone !== undefined || person.otherContact !== undefined
  if (!reachable) ctx.addIssue({ code: 'custom', message: 'validation.contact.required', path: ['email'] })
}

// ---------------------------------------------------------------------------------------------
// Intake (R-2, R-3a, R-24)

/** Date rules relative to today, or plain calendar dates when there is no today (static schemas). */
function datesFor(today: CalendarDate | null) {
  return {
    past: today === null ? calendarDateSchema : pastDateSchema(today),
    birth: today === null ? calendarDateSchema : birthDateSchema(today)
  }
}

/** R-2 free text a person gives at intake (and an import carries): one shape for both schemas. */
export const FREE_TEXT_FIELDS = {
  otherContact: optionalText(FREE_TEXT_MAX),
  education: optionalText(FREE_TEXT_MAX),
  internships: optionalText(FREE_TEXT_MAX),
  workExperience: optionalText(FREE_TEXT_MAX),
  availability: optionalText(FREE_TEXT_MAX),
  deployability: optionalText(FREE_TEXT_MAX),
  leave: optionalText(FREE_TEXT_MAX),
  particulars: optionalText(FREE_TEXT_MAX),
}

function buildIntakeSchema(today: CalendarDate | null) {
  const dates = datesFor(today)
  return strictInput({
    ref: optional(requiredText(100)),
    givenName: requiredText(NAME_MAX),
    familyName: requiredText(NAME_MAX),
    birthDate: optional(dates.birth),
    gender: oneOf(GENDERS),
    address: optional(addressSchema),
    email: optional(emailSchema),
    phone: optional(phoneSchema),
    ...FREE_TEXT_FIELDS,
    source: sourceSchema,
    registeredOn: dates.past,
    roles: rolesSchema,
    purposes: purposesSchema,
    // which privacy statement was shown (a registered version; absent: the one in force on
    // `statementShownOn`, issue 14 point 7)…
    statementVersion: optional(requiredText(50)),
    statementShownOn: dates.past // …and when
  }).superRefine(checkPersonFacts)
}

/**
 * The registration form. R-3a: no BSN, no identity-document number, no health or other special
 * data — the object is strict, so a payload carrying such a field is rejected.
 * `birthDate` is optional in the shape but required for REGISTERED_ROLES (checkPersonFacts).
 * Dates are checked against `today`: nothing registered in the future, a plausible birth date.
 */
export function makeIntakeSchema(today: CalendarDate) {
  // Built once per day: building it (zod compiles its checks) cost ~0.8 ms of every intake save (issue 18).
  if (intakeForDay?.today !== today) intakeForDay = { today, schema: buildIntakeSchema(today) }
  return intakeForDay.schema
}

let intakeForDay: { today: CalendarDate; schema: ReturnType<typeof buildIntakeSchema> } | null = null

/**
 * The same shape and rules without the date-relative checks, for places that need one static
 * schema (the IPC contract's input). The service must still parse with `makeIntakeSchema(today)`.
 */
export const intakeSchema = buildIntakeSchema(null)

export type IntakeSchema = ReturnType<typeof makeIntakeSchema>
/** What the form sends (before trimming and normalisation). */
export type IntakeInput = z.input<IntakeSchema>
/** What the service receives after parsing. */
export type Intake = z.output<IntakeSchema>

// ---------------------------------------------------------------------------------------------
// Employment data, asked only once the person enters employment.

export const idDocumentSchema = strictInput({
  type: oneOf(ID_DOCUMENT_TYPES),
  number: requiredText(50).overwrite((number) => number.replace(/\s/g, '').toUpperCase()),
  expiry: calendarDateSchema
})

export const workPermitSchema = strictInput({
  number: optional(requiredText(50)),
  expiry: calendarDateSchema
})

export interface EmploymentDataContext {
  /** The clock's date: verification and VOG dates cannot lie after it. */
  readonly today: CalendarDate
  /** The person's stored purposes (never taken from the request): decide whether a BSN may be kept. */
  readonly purposes: readonly Purpose[]
  /** The starts of the person's stored employments: a BSN needs one started or within 4 weeks (R-16a). */
  readonly employmentStarts: readonly CalendarDate[]
}

function buildEmploymentDataSchema(context: EmploymentDataContext | null) {
  const dates = datesFor(context?.today ?? null)
  return strictInput({
    nationality: z
      .string(keyed('validation.nationality.invalid'))
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, { error: 'validation.nationality.invalid' })
      .meta({ description: 'ISO 3166-1 alpha-2 country code, e.g. NL' }),
    bsn: optional(bsnSchema),
    idDocument: idDocumentSchema,
    idVerifiedOn: dates.past,
    workPermit: optional(workPermitSchema),
    vogDate: optional(dates.past), // VOG: verklaring omtrent het gedrag
    iban: optional(ibanSchema),
    maritalStatus: optional(oneOf(MARITAL_STATUSES))
  }).superRefine((data, ctx) => {
    if (context !== null && data.bsn !== undefined && !hasBsnPurpose(context.purposes)) {
      ctx.addIssue({ code: 'custom', message: 'validation.bsn.purpose', path: ['bsn'] })
    }
    if (context !== null && data.bsn !== undefined && !hasBsnEmployment(context.employmentStarts, context.today)) {
      ctx.addIssue({ code: 'custom', message: 'validation.bsn.employmentNotStarted', path: ['bsn'] })
    }
    // A document is verified while it is valid.
    if (data.idDocument.expiry < data.idVerifiedOn) {
      ctx.addIssue({ code: 'custom', message: 'validation.idDocument.expired', path: ['idDocument', 'expiry'] })
    }
  })
}

/**
 * R-3 employment data for one person. The BSN rules (UAVG art. 46, R-16a) depend on the person's
 * stored purposes and employments, so the service builds the schema per person:
 * `makeEmploymentDataSchema({ today, purposes, employmentStarts }).parse(data)`. A form can do the
 * same with the purposes and employments it shows.
 */
export function makeEmploymentDataSchema(context: EmploymentDataContext) {
  return buildEmploymentDataSchema(context)
}

/**
 * The shape and the rules that need neither today nor the person's purposes, for the IPC
 * contract's static input. The service must still parse with `makeEmploymentDataSchema`.
 */
export const employmentDataSchema = buildEmploymentDataSchema(null)
export type EmploymentDataSchema = ReturnType<typeof makeEmploymentDataSchema>
export type EmploymentDataInput = z.input<EmploymentDataSchema>
export type EmploymentData = z.output<EmploymentDataSchema>

// ---------------------------------------------------------------------------------------------
// Periods (R-11, R-13: retention runs from their ends)

/** Reports `end` before `start` on the `end` field. */
export function checkPeriod(
  period: { readonly start: string; readonly end?: string | null | undefined },
  ctx: z.RefinementCtx
): void {
  if (typeof period.end === 'string' && period.end < period.start) {
    ctx.addIssue({ code: 'custom', message: 'validation.period.endBeforeStart', path: ['end'] })
  }
}

/** R-3 dienstverband: `end: null` while it lasts. */
export const employmentPeriodSchema = strictInput({
  start: calendarDateSchema,
  end: calendarDateSchema.nullable(),
  kind: oneOf(EMPLOYMENT_KINDS),
  clientId: optional(uuidSchema)
}).superRefine(checkPeriod)
export type EmploymentPeriodInput = z.input<typeof employmentPeriodSchema>
export type EmploymentPeriod = z.output<typeof employmentPeriodSchema>

/** R-13 W&S procedure for a client: either a client in the vault (`clientId`) or a name, not both. */
export const recruitmentProcedureSchema = strictInput({
  clientId: optional(uuidSchema),
  clientName: optional(requiredText(200)),
  start: calendarDateSchema,
  end: calendarDateSchema.nullable()
}).superRefine((procedure, ctx) => {
  if ((procedure.clientId === undefined) === (procedure.clientName === undefined)) {
    ctx.addIssue({ code: 'custom', message: 'validation.recruitment.client', path: ['clientName'] })
  }
  checkPeriod(procedure, ctx)
})
export type RecruitmentProcedureInput = z.input<typeof recruitmentProcedureSchema>
export type RecruitmentProcedure = z.output<typeof recruitmentProcedureSchema>
