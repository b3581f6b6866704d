import { describe, expect, it } from 'vitest'
import policyJson from '../../../resources/retention-policy.json'
import { DEFAULT_POLICY, parseRetentionPolicy, RETENTION_RULE_IDS } from '../../../src/main/retention/policy'

function withRules(change: (rules: Record<string, unknown>[]) => unknown[]): unknown {
  return { ...policyJson, rules: change(policyJson.rules.map((r) => ({ ...r }))) }
}

function issuesOf(json: unknown): unknown {
  try {
    parseRetentionPolicy(json)
  } catch (e) {
    return e
  }
  throw new Error('expected the policy to be refused')
}

describe('retention policy (data, R-11..R-16)', () => {
  it('ships version 1 with the terms of the privacy statement and the law', () => {
    expect(DEFAULT_POLICY.version).toBe(1)
    expect(DEFAULT_POLICY.timeZone).toBe('Europe/Amsterdam')
    const terms = Object.fromEntries(RETENTION_RULE_IDS.map((id) => [id, DEFAULT_POLICY.rules[id].term]))
    expect(terms).toEqual({
      'unsubscribed-never-worked': { amount: 3, unit: 'months' },
      'ws-procedure-ended': { amount: 24, unit: 'months' },
      'worked-stopped': { amount: 2, unit: 'years' },
      'legal-hold-id-bsn': { amount: 5, unit: 'fullCalendarYearsAfterYearEnd' }, // Wet LB art. 28
      'legal-hold-payroll': { amount: 7, unit: 'fullCalendarYearsAfterYearEnd' }, // AWR art. 52, R-16a: from the end of the fiscal year
      'id-copy-registration': { amount: 28, unit: 'days' }, // Waadi art. 7c
      'consent-expired': { amount: 1, unit: 'days' },
      'inactivity-reconfirm': { amount: 12, unit: 'months' }, // R-11a
      'reconfirm-no-reply': { amount: 1, unit: 'months' } // R-11a
    })
  })

  it('refuses a policy that leaves out a rule, so a missing term never means keep forever', () => {
    const json = withRules((rules) => rules.filter((r) => r.id !== 'legal-hold-payroll'))
    expect(issuesOf(json)).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'rules', key: 'retention.ruleMissingOrDuplicate' }] })
  })

  it('refuses a rule listed twice', () => {
    const json = withRules((rules) => [...rules, rules[0]])
    expect(issuesOf(json)).toMatchObject({ code: 'VALIDATION_FAILED' })
  })

  it('refuses a rule whose action the engine does not perform for it', () => {
    const json = withRules((rules) => rules.map((r) => (r.id === 'unsubscribed-never-worked' ? { ...r, action: 'shield' } : r)))
    expect(issuesOf(json)).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'rules.0.action', key: 'retention.actionMismatch' }] })
  })

  it('refuses negative, fractional and unknown terms, unknown rules and other time zones', () => {
    const term = (t: unknown): unknown => withRules((rules) => rules.map((r) => (r.id === 'worked-stopped' ? { ...r, term: t } : r)))
    expect(issuesOf(term({ amount: -1, unit: 'years' }))).toMatchObject({ code: 'VALIDATION_FAILED' })
    expect(issuesOf(term({ amount: 1.5, unit: 'years' }))).toMatchObject({ code: 'VALIDATION_FAILED' })
    expect(issuesOf(term({ amount: 2, unit: 'weeks' }))).toMatchObject({ code: 'VALIDATION_FAILED' })
    expect(issuesOf(withRules((rules) => [...rules, { ...rules[0], id: 'keep-forever' }]))).toMatchObject({ code: 'VALIDATION_FAILED' })
    expect(issuesOf({ ...policyJson, timeZone: 'UTC' })).toMatchObject({ code: 'VALIDATION_FAILED' })
    expect(issuesOf({ ...policyJson, version: 0 })).toMatchObject({ code: 'VALIDATION_FAILED' })
    expect(issuesOf(null)).toMatchObject({ code: 'VALIDATION_FAILED' })
  })

  it('reads a changed term from the data', () => {
    const json = withRules((rules) => rules.map((r) => (r.id === 'unsubscribed-never-worked' ? { ...r, term: { amount: 6, unit: 'months' } } : r)))
    expect(parseRetentionPolicy(json).rules['unsubscribed-never-worked'].term).toEqual({ amount: 6, unit: 'months' })
  })
})
