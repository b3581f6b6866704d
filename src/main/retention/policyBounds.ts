import type { ErrorIssue } from '../../shared/errors'
import { compareDates } from '../../shared/time'
import { termEnd } from './evaluateRetention'
import { DEFAULT_POLICY, RETENTION_RULE_IDS, type RetentionPolicy, type RetentionRuleId, type RetentionTerm } from './policy'

/**
 * What a privacy officer may not change when editing the policy (R-16 "law first"): a statutory
 * retention duty is a minimum (AWR art. 52, Wet LB art. 28: keep at least that long), the Waadi
 * art. 7c ID-copy term is a maximum (keep at most 4 weeks). The statement's own terms (R-11..R-13,
 * R-4) are the agency's policy and free to change. Pure.
 */
const LEGAL_MINIMUM: readonly RetentionRuleId[] = ['legal-hold-id-bsn', 'legal-hold-payroll']
const LEGAL_MAXIMUM: readonly RetentionRuleId[] = ['id-copy-registration']

/** Start dates that exercise month ends, leap days and year ends. */
const PROBES = ['2024-01-31', '2024-02-29', '2025-03-15', '2025-08-31', '2025-12-31', '2026-01-01']

/** True when `a` ends before `b` for at least one start date. */
export function endsEarlier(a: RetentionTerm, b: RetentionTerm): boolean {
  return PROBES.some((start) => compareDates(termEnd(start, a), termEnd(start, b)) < 0)
}

export function policyBoundIssues(policy: RetentionPolicy, law: RetentionPolicy = DEFAULT_POLICY): ErrorIssue[] {
  const issues: ErrorIssue[] = []
  for (const id of RETENTION_RULE_IDS) {
    const term = policy.rules[id].term
    const statutory = law.rules[id].term
    if (LEGAL_MINIMUM.includes(id) && endsEarlier(term, statutory)) {
      issues.push({ path: `terms.${id}`, key: 'retention.policy.belowLegalMinimum' })
    }
    if (LEGAL_MAXIMUM.includes(id) && endsEarlier(statutory, term)) {
      issues.push({ path: `terms.${id}`, key: 'retention.policy.aboveLegalMaximum' })
    }
  }
  return issues
}

/** Rule ids whose term differs between two versions. */
export function changedRuleIds(before: RetentionPolicy, after: RetentionPolicy): RetentionRuleId[] {
  return RETENTION_RULE_IDS.filter((id) => {
    const a = before.rules[id].term
    const b = after.rules[id].term
    return a.amount !== b.amount || a.unit !== b.unit
  })
}
