import { z } from 'zod'
import policyJson from '../../../resources/retention-policy.json'
import { DossierError } from '../../shared/errors'
import {
  RETENTION_ACTION_KINDS,
  RETENTION_RULE_IDS,
  RETENTION_TERM_UNITS,
  type RetentionActionKind,
  type RetentionRuleId,
  type RetentionTermUnit
} from '../../shared/vocabulary'

/**
 * The retention policy is data (R-11..R-16, R-3a, R-4): each rule's term lives in
 * `resources/retention-policy.json`. Which facts start a rule's clock is code
 * (`evaluateRetention`); so is each rule's action, which the file states and this parser checks,
 * so the file cannot claim something the engine does not do.
 */

export { RETENTION_ACTION_KINDS, RETENTION_RULE_IDS } from '../../shared/vocabulary'
export type { RetentionActionKind, RetentionRuleId } from '../../shared/vocabulary'

/** Every rule the engine knows (shared/vocabulary's list), with the action it ends in. */
export const RULE_ACTIONS = {
  'unsubscribed-never-worked': 'delete',
  'ws-procedure-ended': 'delete',
  'worked-stopped': 'reduce-to-legal-hold', // R-11 (or delete when no legal hold runs)
  'legal-hold-id-bsn': 'purge-id-record', // R-16, Wet LB art. 28
  'legal-hold-payroll': 'delete', // R-16, AWR art. 52
  'id-copy-registration': 'purge-attachment', // R-3a, Waadi art. 7c
  'consent-expired': 'purge-consent-data',
  'inactivity-reconfirm': 'reconfirm', // R-11a: 12 months without activity
  'reconfirm-no-reply': 'deem-unsubscribed' // R-11a: no reply within the term
} as const satisfies Record<RetentionRuleId, RetentionActionKind>

/** A term's unit (shared/vocabulary); `fullCalendarYearsAfterYearEnd` ends the day after the last full year. */
export const TERM_UNITS = RETENTION_TERM_UNITS
export type TermUnit = RetentionTermUnit
export interface RetentionTerm {
  amount: number
  unit: TermUnit
}

export interface RetentionRule {
  id: RetentionRuleId
  /** Requirement id in REQUIREMENTS.md, e.g. `R-12`. */
  requirement: string
  /** The statute, for legal holds. */
  law?: string
  description: string
  term: RetentionTerm
  action: RetentionActionKind
}

export interface RetentionPolicy {
  version: number
  timeZone: 'Europe/Amsterdam'
  rules: Record<RetentionRuleId, RetentionRule>
}

const ruleSchema = z
  .object({
    id: z.enum(RETENTION_RULE_IDS),
    requirement: z.string().regex(/^R-\d+[a-z]?$/),
    law: z.string().min(1).optional(),
    description: z.string().min(1),
    term: z.object({ amount: z.number().int().min(0), unit: z.enum(TERM_UNITS) }).strict(),
    action: z.enum(RETENTION_ACTION_KINDS)
  })
  .strict()
  .refine((r) => r.action === RULE_ACTIONS[r.id], { path: ['action'], message: 'retention.actionMismatch' })

const policySchema = z
  .object({
    version: z.number().int().positive(),
    timeZone: z.literal('Europe/Amsterdam'),
    rules: z.array(ruleSchema)
  })
  .strict()
  .superRefine((p, ctx) => {
    // Every known rule exactly once: a missing term must not silently mean "keep forever".
    for (const id of RETENTION_RULE_IDS) {
      const count = p.rules.filter((r) => r.id === id).length
      if (count !== 1) ctx.addIssue({ code: 'custom', path: ['rules'], message: 'retention.ruleMissingOrDuplicate' })
    }
  })

/** Validates a policy document; throws `VALIDATION_FAILED` with field paths on a bad one. */
export function parseRetentionPolicy(json: unknown): RetentionPolicy {
  const parsed = policySchema.safeParse(json)
  if (!parsed.success) {
    throw new DossierError('VALIDATION_FAILED', 'Invalid retention policy', {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), key: i.message }))
    })
  }
  const rules = Object.fromEntries(parsed.data.rules.map((r) => [r.id, r])) as Record<RetentionRuleId, RetentionRule>
  return { version: parsed.data.version, timeZone: parsed.data.timeZone, rules }
}

/** The shipped policy, version 1 (the seed of every vault; the R-11a rules were added before any release). */
export const DEFAULT_POLICY: RetentionPolicy = parseRetentionPolicy(policyJson)
