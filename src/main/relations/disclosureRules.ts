import { z } from 'zod'
import rulesJson from '../../../resources/disclosure-allowed-fields.json'
import {
  DISCLOSURE_FIELDS,
  DISCLOSURE_PURPOSES,
  type DisclosureBlocker,
  type DisclosureField,
  type DisclosurePurpose,
  type FieldVerdict,
  type VerdictWhy
} from '../../shared/contract/relations'
import { PURPOSES, type CalendarDate, type Purpose } from '../../shared/domain'
import { DossierError, type ErrorCode, type ErrorIssue } from '../../shared/errors'

/**
 * R-9a as data, R-9 and R-4 as code. Which fields a client may receive per disclosure purpose is
 * configuration (`resources/disclosure-allowed-fields.json`); the legal limits are not:
 * - the BSN goes to a client only for its identification duty, and then nothing else does (R-9,
 *   UAVG art. 46);
 * - a copy of an identity document never goes;
 * - special-category data never leaves through this path (R-4: it is kept for the agency's own
 *   purposes under a consent that does not cover giving it to a client).
 * The parser refuses a rules document that tries to lift a limit, and `classifyField` applies the
 * limits before it even looks at the document, so a bad document cannot open them either way.
 *
 * Pure: no database, no clock (dates come in as arguments).
 */

export interface PurposeRule {
  /** Pre-selected; shared without a reason. */
  allowed: readonly DisclosureField[]
  /** the person must have one of these purposes recorded (empty: no condition). */
  personPurposes: readonly Purpose[]
  /** only to a client the person is (or is about to be) placed with. */
  requiresAssignment: boolean
}

export interface DisclosureRules {
  version: number
  purposes: Readonly<Record<DisclosurePurpose, PurposeRule>>
  /** R-9a: only with a recorded reason and the person's consent to this disclosure. */
  neverWithoutConsent: readonly DisclosureField[]
  /** Never shared, whatever the reason. */
  never: readonly DisclosureField[]
}

const field = z.enum(DISCLOSURE_FIELDS)
const purposeRuleSchema = z.object({
  allowed: z.array(field),
  personPurposes: z.array(z.enum(PURPOSES)),
  requiresAssignment: z.boolean()
})
const rulesDocumentSchema = z.object({
  version: z.number().int().min(1),
  purposes: z.object({
    presentation: purposeRuleSchema,
    assignment: purposeRuleSchema,
    'client-identification': purposeRuleSchema
  }),
  neverWithoutConsent: z.array(field),
  never: z.array(field)
})

/** The limits of that no configuration can lift (null: the rules document decides). */
export function legalLimit(purpose: DisclosurePurpose, f: DisclosureField): VerdictWhy | null {
  if (f === 'idCopy') return 'id-copy-never'
  if (f === 'specialData') return 'special-never'
  if (purpose === 'client-identification' && f !== 'bsn') return 'identification-bsn-only'
  if (f === 'bsn' && purpose !== 'client-identification') return 'bsn-identification-only' // R-9, UAVG art. 46
  return null
}

/**
 * Reads a rules document (the shipped default or a stored version). Refuses, with the offending
 * path, a document that would lift a legal limit or contradict itself.
 */
export function parseDisclosureRules(doc: unknown): DisclosureRules {
  const parsed = rulesDocumentSchema.safeParse(doc)
  if (!parsed.success) {
    throw invalidRules(parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), key: 'validation.type' })))
  }
  const rules = parsed.data
  const issues: ErrorIssue[] = []
  for (const purpose of DISCLOSURE_PURPOSES) {
    const rule = rules.purposes[purpose]
    rule.allowed.forEach((f, i) => {
      const path = `purposes.${purpose}.allowed.${i}`
      if (legalLimit(purpose, f) !== null) issues.push({ path, key: 'validation.option' })
      else if (rules.never.includes(f) || rules.neverWithoutConsent.includes(f)) issues.push({ path, key: 'validation.duplicate' })
    })
  }
  // UAVG art. 46: the BSN is processed for a client's identification duty only with that purpose.
  const identification = rules.purposes['client-identification']
  if (!identification.personPurposes.includes('client-identification')) {
    issues.push({ path: 'purposes.client-identification.personPurposes', key: 'validation.required' })
  }
  for (const never of ['idCopy', 'specialData'] as const) {
    if (!rules.never.includes(never)) issues.push({ path: 'never', key: 'validation.required' })
  }
  if (issues.length > 0) throw invalidRules(issues)
  return rules
}

function invalidRules(issues: ErrorIssue[]): DossierError {
  return new DossierError('VALIDATION_FAILED', 'The disclosure rules are not valid.', { issues })
}

/** The shipped default (R-9a). */
export const DEFAULT_DISCLOSURE_RULES: DisclosureRules = parseDisclosureRules(rulesJson)

export interface FieldRuling {
  verdict: FieldVerdict
  why: VerdictWhy
}

/** What the rules say about one field for one purpose. */
export function classifyField(rules: DisclosureRules, purpose: DisclosurePurpose, f: DisclosureField): FieldRuling {
  const limit = legalLimit(purpose, f)
  if (limit !== null) return { verdict: 'forbidden', why: limit }
  if (rules.never.includes(f)) return { verdict: 'forbidden', why: 'never-list' }
  if (rules.neverWithoutConsent.includes(f)) return { verdict: 'needs-consent', why: 'consent-required' }
  if (rules.purposes[purpose].allowed.includes(f)) return { verdict: 'allowed', why: 'on-list' }
  return { verdict: 'needs-reason', why: 'outside-list' }
}

export interface DisclosureRequest {
  purpose: DisclosurePurpose
  fields: readonly DisclosureField[]
  /** Why, for the whole disclosure; stands in for the reason of an extra field without its own. */
  reason?: string | undefined
  fieldReasons?: Partial<Record<DisclosureField, string>> | undefined
  consentedFields?: readonly DisclosureField[] | undefined
}

/** The error a field would raise, most serious first. */
export type FieldProblem = Extract<ErrorCode, 'FIELD_NOT_ALLOWED' | 'CONSENT_REQUIRED' | 'REASON_REQUIRED'>
const PROBLEM_ORDER: readonly FieldProblem[] = ['FIELD_NOT_ALLOWED', 'CONSENT_REQUIRED', 'REASON_REQUIRED']

export interface FieldDecision extends FieldRuling {
  field: DisclosureField
  /** The field's own reason, or the disclosure's reason standing in for it; null when none. */
  reason: string | null
  ownReason: boolean
  consented: boolean
  problem: FieldProblem | null
}

export interface DisclosureDecision {
  decisions: FieldDecision[]
  /** The most serious problem of any field, or null when the disclosure may go ahead. */
  problem: FieldProblem | null
}

function hasText(s: string | undefined): s is string {
  return s !== undefined && s.trim() !== ''
}

/**
 * R-9a: decides a request field by field. A forbidden field is refused whatever the reason; a
 * field outside the list needs a reason; a consent field needs a reason and the person's consent.
 */
export function decideDisclosure(rules: DisclosureRules, request: DisclosureRequest): DisclosureDecision {
  const general = hasText(request.reason) ? request.reason.trim() : null
  const decisions = request.fields.map((f): FieldDecision => {
    const ruling = classifyField(rules, request.purpose, f)
    const own = request.fieldReasons?.[f]
    const reason = hasText(own) ? own.trim() : general
    const consented = request.consentedFields?.includes(f) ?? false
    let problem: FieldProblem | null = null
    if (ruling.verdict === 'forbidden') problem = 'FIELD_NOT_ALLOWED'
    else if (ruling.verdict === 'needs-consent' && !consented) problem = 'CONSENT_REQUIRED'
    else if (ruling.verdict !== 'allowed' && reason === null) problem = 'REASON_REQUIRED'
    return { field: f, ...ruling, reason: ruling.verdict === 'allowed' ? null : reason, ownReason: hasText(own), consented, problem }
  })
  const problem = PROBLEM_ORDER.find((p) => decisions.some((d) => d.problem === p)) ?? null
  return { decisions, problem }
}

/**
 * The reason stored with the disclosure (R-8 "why"): the general reason, then one line per extra
 * field that has its own reason, marking the fields shared with the person's consent. Field keys,
 * not labels, so the text reads the same whatever the screen language.
 */
export function disclosureReasonText(decision: DisclosureDecision, generalReason: string | undefined): string | null {
  const lines: string[] = []
  if (hasText(generalReason)) lines.push(generalReason.trim())
  for (const d of decision.decisions) {
    if (d.verdict === 'allowed') continue
    const name = d.verdict === 'needs-consent' ? `${d.field} [consent]` : d.field
    if (d.ownReason && d.reason !== null) lines.push(`${name}: ${d.reason}`)
    else if (d.verdict === 'needs-consent') lines.push(name)
  }
  return lines.length > 0 ? lines.join('\n') : null
}

/** An employment at the client that has not ended before today (current or about to start). */
export function isCurrentAssignment(e: { clientId: string | null; end: CalendarDate | null }, clientId: string, today: CalendarDate): boolean {
  return e.clientId === clientId && (e.end === null || e.end >= today)
}

/** conditions of the purpose the person does not meet. */
export function disclosureBlockers(
  rules: DisclosureRules,
  purpose: DisclosurePurpose,
  facts: { personPurposes: readonly Purpose[]; hasCurrentAssignment: boolean }
): DisclosureBlocker[] {
  const rule = rules.purposes[purpose]
  const blockers: DisclosureBlocker[] = []
  if (rule.requiresAssignment && !facts.hasCurrentAssignment) blockers.push('assignment-required')
  if (rule.personPurposes.length > 0 && !rule.personPurposes.some((p) => facts.personPurposes.includes(p))) blockers.push('purpose-not-recorded')
  return blockers
}
