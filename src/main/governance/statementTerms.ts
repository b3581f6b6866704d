import { z } from 'zod'
import termsJson from '../../../resources/statement-terms.json'
import type { CalendarDate } from '../../shared/domain'
import { RETENTION_RULE_IDS, RETENTION_TERM_UNITS, type RetentionRuleId } from '../../shared/vocabulary'

/**
 * The retention terms each privacy-statement version states (R-11..R-13, R-24), as data in
 * `resources/statement-terms.json`: what the agency promised the person. They are maxima for the
 * retention policy (issue 13 point 6): keeping data longer than the statement says breaks the
 * promise; a shorter term keeps it. Pure.
 */
const termSchema = z.strictObject({
  rule: z.enum(RETENTION_RULE_IDS),
  amount: z.number().int().positive(),
  unit: z.enum(RETENTION_TERM_UNITS),
  /** The statement's own words, so a reader can check the number against the text. */
  quote: z.string().min(1)
})
const fileSchema = z.strictObject({
  note: z.string(),
  versions: z.array(z.strictObject({ version: z.string().min(1), text: z.string().min(1), terms: z.array(termSchema) }))
})

export type StatementTerm = z.infer<typeof termSchema>

export interface StatementTerms {
  /** The statement version that states these terms. */
  version: string
  /** The resource file holding that version's text. */
  text: string
  terms: Partial<Record<RetentionRuleId, StatementTerm>>
}

export const STATEMENT_TERMS: readonly StatementTerms[] = fileSchema.parse(termsJson).versions.map((v) => ({
  version: v.version,
  text: v.text,
  terms: Object.fromEntries(v.terms.map((t) => [t.rule, t])) as Partial<Record<RetentionRuleId, StatementTerm>>
}))

/**
 * The statement terms that bound the policy on `today`: those of the version in force. A version
 * added in the app whose terms are not recorded here yet is bounded by the latest recorded version
 * before it (the terms it did not change are still the last ones the agency wrote down); the
 * result names the version the bounds come from.
 */
export function boundingStatementTerms(versions: readonly { version: string; validFrom: CalendarDate }[], today: CalendarDate): StatementTerms | null {
  // Newest valid-from first: the first is the version in force (statementVersions.currentVersion).
  const inForce = versions.filter((v) => v.validFrom <= today).sort((a, b) => (a.validFrom < b.validFrom ? 1 : a.validFrom > b.validFrom ? -1 : 0))
  for (const v of inForce) {
    const recorded = STATEMENT_TERMS.find((s) => s.version === v.version)
    if (recorded) return recorded
  }
  return null
}
