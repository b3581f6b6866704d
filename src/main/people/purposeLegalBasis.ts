import type { LegalBasis } from '../../shared/contract/people'
import type { Purpose } from '../../shared/domain'

/**
 * R-7 (issue 14 point 4): the legal grounds (GDPR art. 6(1)) of each purpose, per relation of the
 * person with the agency, as data. The access report (R-18a) and the record of processing
 * activities (GDPR art. 30) both read this table, so they cannot say different things.
 *
 * - `no-contract`: a prospect or candidate without an employment. Mediation rests on the agency's
 *   legitimate interest (no contract exists yet); a person whose data came from a public website
 *   or a third party is told so within a month (GDPR art. 14, R-27).
 * - `employment`: the person has (or had) an employment with the agency: the employment contract,
 *   and for payroll also the legal obligations (wage tax, social insurance, pension).
 * - Offers and information: a recorded consent (date, how, wording — `processing_consent`), or
 *   for an existing relation (an employment) the legitimate interest with an opt-out.
 */
export type PurposeRelation = 'no-contract' | 'employment'

/** What the ground needs besides itself, as the report explains it to the person. */
export type GroundCondition = 'art14-notice' | 'recorded-consent' | 'opt-out'

export interface PurposeGround {
  /** Every basis that applies, the main one first. */
  bases: readonly LegalBasis[]
  condition: GroundCondition | null
}

const g = (bases: LegalBasis[], condition: GroundCondition | null = null): PurposeGround => ({ bases, condition })

export const PURPOSE_GROUNDS: Readonly<Record<Purpose, Readonly<Record<PurposeRelation, PurposeGround>>>> = {
  mediation: { 'no-contract': g(['legitimate-interest'], 'art14-notice'), employment: g(['contract']) },
  temping: { 'no-contract': g(['legitimate-interest']), employment: g(['contract']) }, // uitzendovereenkomst
  secondment: { 'no-contract': g(['legitimate-interest']), employment: g(['contract']) }, // detacheringsovereenkomst
  payroll: { 'no-contract': g(['contract', 'legal-obligation']), employment: g(['contract', 'legal-obligation']) }, // Wet LB, AWR, pension
  personnel: { 'no-contract': g(['contract']), employment: g(['contract']) },
  'client-identification': { 'no-contract': g(['legal-obligation']), employment: g(['legal-obligation']) }, // Wet LB, WAV
  recruitment: { 'no-contract': g(['legitimate-interest']), employment: g(['legitimate-interest']) },
  development: { 'no-contract': g(['legitimate-interest']), employment: g(['legitimate-interest']) },
  suitability: { 'no-contract': g(['legitimate-interest']), employment: g(['legitimate-interest']) },
  quality: { 'no-contract': g(['legitimate-interest']), employment: g(['legitimate-interest']) }, // audit, certification
  offers: { 'no-contract': g(['consent'], 'recorded-consent'), employment: g(['legitimate-interest'], 'opt-out') }
}

export interface PurposeGroundFacts {
  /** the person has or had an employment with the agency */
  employed: boolean
  /** a recorded, not withdrawn consent to receive offers */
  offersConsent: boolean
}

/** The grounds of one purpose for this person; a recorded consent to offers always counts as consent. */
export function purposeGround(purpose: Purpose, facts: PurposeGroundFacts): PurposeGround {
  if (purpose === 'offers' && facts.offersConsent) return g(['consent'], 'recorded-consent')
  return PURPOSE_GROUNDS[purpose][facts.employed ? 'employment' : 'no-contract']
}

/** The main ground of a purpose when it is recorded (a new registration: no contract yet). */
export function purposeLegalBasis(purpose: Purpose): LegalBasis {
  return PURPOSE_GROUNDS[purpose]['no-contract'].bases[0]!
}

/** Every basis a purpose can rest on, for the record of processing activities. */
export function purposeBases(purpose: Purpose): LegalBasis[] {
  const grounds = PURPOSE_GROUNDS[purpose]
  return [...new Set([...grounds['no-contract'].bases, ...grounds.employment.bases])]
}
