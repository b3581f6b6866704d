/**
 * R-4 rules over plain data: when a consent or a recorded legal basis is a valid ground for
 * special-category data, and what an absence (verzuim) record may hold. No database, no clock:
 * `today` is always an argument (STYLE: functional core).
 */
import { SPECIAL_CATEGORIES, type CalendarDate, type Purpose, type SpecialCategory } from '../../shared/domain'
import {
  ABSENCE_DURATIONS,
  ABSENCE_MEDICAL_FIELDS,
  CONSENT_BASES,
  CONSENT_METHODS,
  CONSENT_STATES,
  type ConsentBasis,
  type ConsentState
} from '../../shared/contract/consent'
import { addCalendarDays, addCalendarMonths, compareDates } from '../../shared/time'

/** the closed list of special categories (bijzondere persoonsgegevens). */
export { SPECIAL_CATEGORIES }
export type { SpecialCategory }

export { CONSENT_BASES, CONSENT_METHODS, CONSENT_STATES }
export type { ConsentBasis, ConsentState }

/** The facts of a consent record the rules look at. */
export interface ConsentFacts {
  basis: ConsentBasis
  legalBasisKey: string | null
  givenOn: CalendarDate | null
  endsOn: CalendarDate | null
  withdrawnOn: CalendarDate | null
}

/** The ground for (person,) category and purpose: exactly these two must match, nothing broader. */
export interface Ground extends ConsentFacts {
  category: SpecialCategory
  purpose: Purpose
}

/**
 * The state of a ground on `today`. A withdrawal takes effect on its own date (the data is
 * removed at once, R-4); an end date is the last valid day. `activeLegalBasisKeys` is the set of
 * keys the privacy officer lists as active.
 */
export function consentStateOn(c: ConsentFacts, today: CalendarDate, activeLegalBasisKeys: ReadonlySet<string>): ConsentState {
  if (c.withdrawnOn !== null && compareDates(c.withdrawnOn, today) <= 0) return 'withdrawn'
  if (c.endsOn !== null && compareDates(c.endsOn, today) < 0) return 'expired'
  if (c.basis === 'legal-basis') {
    if (!isLegalBasisActive(c.legalBasisKey, activeLegalBasisKeys)) return 'basis-inactive'
    if (c.givenOn !== null && compareDates(today, c.givenOn) < 0) return 'pending'
    return 'valid'
  }
  // Explicit consent without a date is no consent at all.
  if (c.givenOn === null) return 'expired'
  if (compareDates(today, c.givenOn) < 0) return 'pending'
  return 'valid'
}

export function isGroundValidOn(c: ConsentFacts, today: CalendarDate, activeLegalBasisKeys: ReadonlySet<string>): boolean {
  return consentStateOn(c, today, activeLegalBasisKeys) === 'valid'
}

/** Whether a legal-basis key exists in the privacy officer's list and is active. */
export function isLegalBasisActive(key: string | null, activeLegalBasisKeys: ReadonlySet<string>): boolean {
  return key !== null && activeLegalBasisKeys.has(key)
}

/**
 * the ground that allows saving special data of exactly this category and purpose on
 * `today`, or null. A consent for another category or another purpose never counts. Among
 * several valid grounds the one that lasts longest is preferred (an open end beats any date), so
 * data rests on the ground least likely to lapse first.
 */
export function validGroundFor<G extends Ground>(
  grounds: readonly G[],
  category: SpecialCategory,
  purpose: Purpose,
  today: CalendarDate,
  activeLegalBasisKeys: ReadonlySet<string>
): G | null {
  return validGroundsFor(grounds, category, purpose, today, activeLegalBasisKeys)[0] ?? null
}

/** Every valid ground for exactly this category and purpose, the longest-lasting first. */
export function validGroundsFor<G extends Ground>(
  grounds: readonly G[],
  category: SpecialCategory,
  purpose: Purpose,
  today: CalendarDate,
  activeLegalBasisKeys: ReadonlySet<string>
): G[] {
  const valid = grounds.filter((g) => g.category === category && g.purpose === purpose && isGroundValidOn(g, today, activeLegalBasisKeys))
  return valid.sort((a, b) => compareEnd(b.endsOn, a.endsOn))
}

/** Orders end dates with "no end" as the latest. */
function compareEnd(a: CalendarDate | null, b: CalendarDate | null): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return compareDates(a, b)
}

/** Privacy-officer review (issue 4): a valid ground whose end date falls within `days` days. */
export const REVIEW_EXPIRY_DAYS = 30

export function expiresWithin(c: ConsentFacts, today: CalendarDate, activeLegalBasisKeys: ReadonlySet<string>, days = REVIEW_EXPIRY_DAYS): boolean {
  if (c.endsOn === null) return false
  const state = consentStateOn(c, today, activeLegalBasisKeys)
  if (state !== 'valid' && state !== 'pending') return false
  return compareDates(c.endsOn, addCalendarDays(today, days)) <= 0
}

/** Privacy-officer review: withdrawn within the last calendar month (today included). */
export function withdrawnInLastMonth(c: ConsentFacts, today: CalendarDate): boolean {
  if (c.withdrawnOn === null) return false
  return compareDates(addCalendarMonths(today, -1), c.withdrawnOn) <= 0 && compareDates(c.withdrawnOn, today) <= 0
}

/**
 * Absence (verzuim), legal fact "Health data of employees" (UAVG art. 30, AP policy on sick
 * employees): an employer keeps only the dates, the expected duration and the availability for
 * (adapted) work — never the diagnosis, the cause or the nature of the illness.
 */
export const ABSENCE_FIELDS = ['startOn', 'endOn', 'expectedDuration', 'availability'] as const
export type AbsenceField = (typeof ABSENCE_FIELDS)[number]

/**
 * Expected duration is a closed list and availability a short practical note (hours, adapted
 * work), so neither can turn into a medical note. A field named like a diagnosis or cause is
 * refused with its own message (contract `recordAbsenceInputSchema`).
 */
export { ABSENCE_DURATIONS, ABSENCE_MEDICAL_FIELDS }

export function isAbsenceField(name: string): name is AbsenceField {
  return (ABSENCE_FIELDS as readonly string[]).includes(name)
}

export function isMedicalField(name: string): boolean {
  const lower = name.toLowerCase()
  return ABSENCE_MEDICAL_FIELDS.some((f) => lower.includes(f))
}
