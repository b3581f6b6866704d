import type { ErrorIssue } from '../../shared/errors'
import { compareDates } from '../../shared/time'
import { describeTerm, RETENTION_RULE_LABELS } from '../../shared/vocabulary'
import type { StatementTerms } from '../governance/statementTerms'
import { termEnd } from './evaluateRetention'
import { DEFAULT_POLICY, RETENTION_RULE_IDS, type RetentionPolicy, type RetentionRuleId, type RetentionTerm } from './policy'

/**
 * What a privacy officer may not change when editing the policy. Law first: a statutory
 * retention duty is a minimum (AWR art. 52, Wet LB art. 28: keep at least that long), the Waadi
 * art. 7c ID-copy term is a maximum (keep at most 4 weeks), and so are R-11a's 12 months without
 * activity and 1 month for the reply. The statement's own terms (R-11..R-13)
 * are what the agency promised the person (issue 13 point 6): a maximum — a shorter term keeps the
 * promise, a longer one breaks it. Each issue carries the bound in its params (rule, version or
 * law, amount, unit) so the message can name it. Pure.
 */
const LEGAL_MINIMUM: readonly RetentionRuleId[] = ['legal-hold-id-bsn', 'legal-hold-payroll']
// R-11a's re-confirmation terms are maxima too: a longer silence, or a longer wait for the reply,
// keeps a record the agency no longer has a reason for.
const LEGAL_MAXIMUM: readonly RetentionRuleId[] = ['id-copy-registration', 'inactivity-reconfirm', 'reconfirm-no-reply']

/** Start dates that exercise month ends, leap days and year ends. */
const PROBES = ['2024-01-31', '2024-02-29', '2025-03-15', '2025-08-31', '2025-12-31', '2026-01-01']

/** True when `a` ends before `b` for at least one start date. */
export function endsEarlier(a: RetentionTerm, b: RetentionTerm): boolean {
  return PROBES.some((start) => compareDates(termEnd(start, a), termEnd(start, b)) < 0)
}

function issue(id: RetentionRuleId, key: string, bound: RetentionTerm, source: Record<string, string>): ErrorIssue {
  return { path: `terms.${id}`, key, params: { rule: id, amount: bound.amount, unit: bound.unit, ...source } }
}

/**
 * Every bound the policy breaks. `statement`: the terms of the privacy statement in force
 * (governance/statementTerms); null checks the law only.
 */
export function policyBoundIssues(policy: RetentionPolicy, statement: StatementTerms | null = null, law: RetentionPolicy = DEFAULT_POLICY): ErrorIssue[] {
  const issues: ErrorIssue[] = []
  for (const id of RETENTION_RULE_IDS) {
    const term = policy.rules[id].term
    const statutory = law.rules[id].term
    const lawName = law.rules[id].law ?? law.rules[id].requirement
    if (LEGAL_MINIMUM.includes(id) && endsEarlier(term, statutory)) {
      issues.push(issue(id, 'retention.policy.belowLegalMinimum', statutory, { law: lawName }))
    }
    if (LEGAL_MAXIMUM.includes(id) && endsEarlier(statutory, term)) {
      issues.push(issue(id, 'retention.policy.aboveLegalMaximum', statutory, { law: lawName }))
    }
    const promised = statement?.terms[id]
    if (statement && promised && endsEarlier(promised, term)) {
      issues.push(issue(id, 'retention.policy.aboveStatement', promised, { version: statement.version }))
    }
  }
  return issues
}

/** The issues in one English sentence for the error message (CLI, logs): rule, bound and source; no personal data. */
export function describeBoundIssues(issues: readonly ErrorIssue[]): string {
  const parts = issues.map((i) => {
    const p = i.params ?? {}
    const rule = RETENTION_RULE_LABELS.en[p.rule as RetentionRuleId] ?? String(p.rule)
    const bound = describeTerm({ amount: Number(p.amount), unit: p.unit as RetentionTerm['unit'] }, 'en')
    if (i.key === 'retention.policy.aboveStatement') return `${rule}: the privacy statement (version ${p.version}) states at most ${bound}`
    if (i.key === 'retention.policy.belowLegalMinimum') return `${rule}: ${p.law} requires at least ${bound}`
    return `${rule}: ${p.law} allows at most ${bound}`
  })
  return `A term breaks a bound of the privacy statement or the law. ${parts.join('; ')}.`
}

/** Rule ids whose term differs between two versions. */
export function changedRuleIds(before: RetentionPolicy, after: RetentionPolicy): RetentionRuleId[] {
  return RETENTION_RULE_IDS.filter((id) => {
    const a = before.rules[id].term
    const b = after.rules[id].term
    return a.amount !== b.amount || a.unit !== b.unit
  })
}
