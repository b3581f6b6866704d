import type { EntityManager } from 'typeorm'
import type { RetentionPolicyView } from '../../shared/contract/retention'
import { DossierError } from '../../shared/errors'
import type { Clock } from '../clock'
import type { Workspace } from '../workspace/Workspace'
import { type RetentionPolicyVersion, RetentionPolicyVersionEntity } from '../vault/entities/Retention'
import { StatementVersionEntity } from '../vault/entities/Governance'
import { boundingStatementTerms } from '../governance/statementTerms'
import { SEED_VERSION } from '../governance/statementVersions'
import { changedRuleIds, describeBoundIssues, policyBoundIssues } from './policyBounds'
import { DEFAULT_POLICY, parseRetentionPolicy, RETENTION_RULE_IDS, type RetentionPolicy, type RetentionRuleId, type RetentionTerm } from './policy'

/**
 * The policy is data (R-11..R-16): every version is a row of `retention_policy`; the highest
 * version is in force. Version 1 is the shipped default (`resources/retention-policy.json`),
 * written on first use. A privacy officer saves new terms as a new version (audited
 * `policy.change` with the changed rule ids); old versions are never rewritten, so every run
 * record's policy version can be looked up.
 */

/** The stored form: the same document as `resources/retention-policy.json`. */
export function policyDocument(policy: RetentionPolicy): { version: number; timeZone: string; rules: object[] } {
  return {
    version: policy.version,
    timeZone: policy.timeZone,
    rules: RETENTION_RULE_IDS.map((id) => policy.rules[id])
  }
}

/** Version 1 stored when none is (the office server stores it when the office is prepared: only a privacy officer may write policies there). */
export async function ensureSeeded(manager: EntityManager, clock: Clock): Promise<void> {
  const repo = manager.getRepository(RetentionPolicyVersionEntity)
  if ((await repo.count()) > 0) return
  // No await between the count and the insert runs other work on this connection: no race.
  await repo.insert({
    version: DEFAULT_POLICY.version,
    policy: policyDocument(DEFAULT_POLICY),
    createdAt: clock.now().toISOString(), // when this vault first used it; shipped, so nobody made it
    createdBy: null,
    note: null
  })
}

/**
 * Version 1 as shipped, before this vault has stored it. A read never writes (issue 18: reads run
 * while the unlock's integrity check keeps the vault read-only); the first write that needs the
 * policy stores it (`ensureSeeded`).
 */
function shippedRow(clock: Clock): RetentionPolicyVersion {
  return { version: DEFAULT_POLICY.version, policy: policyDocument(DEFAULT_POLICY), createdAt: clock.now().toISOString(), createdBy: null, note: null }
}

async function versionRows(manager: EntityManager, clock: Clock): Promise<RetentionPolicyVersion[]> {
  const rows = await manager.getRepository(RetentionPolicyVersionEntity).find({ order: { version: 'DESC' } })
  return rows.length > 0 ? rows : [shippedRow(clock)]
}

/**
 * A stored version written before a rule existed (e.g. the R-11a rules) takes that rule from the
 * shipped policy: a missing term must never mean "no clock" (R-11a), and old rows stay unrewritten.
 */
function storedPolicy(document: unknown): RetentionPolicy {
  const doc = document as { rules?: { id?: string }[] }
  const rules = Array.isArray(doc.rules) ? doc.rules : []
  const missing = RETENTION_RULE_IDS.filter((id) => !rules.some((r) => r.id === id)).map((id) => DEFAULT_POLICY.rules[id])
  return parseRetentionPolicy(missing.length === 0 ? document : { ...doc, rules: [...rules, ...missing] })
}

/**
 * A stored version within the law as it reads now: a legal hold shorter than its statutory minimum
 * or a term longer than its legal maximum takes the shipped rule (R-16a counts the AWR term from
 * the end of the fiscal year; a vault whose version 1 said "7 years" keeps payroll data to the
 * end of that year from the first day it runs this code).
 */
function withinLaw(policy: RetentionPolicy): RetentionPolicy {
  const broken = new Set(policyBoundIssues(policy, null).map((i) => i.params?.['rule'] as RetentionRuleId))
  if (broken.size === 0) return policy
  return { ...policy, rules: Object.fromEntries(RETENTION_RULE_IDS.map((id) => [id, broken.has(id) ? DEFAULT_POLICY.rules[id] : policy.rules[id]])) as RetentionPolicy['rules'] }
}

async function latestRow(manager: EntityManager, clock: Clock): Promise<RetentionPolicyVersion> {
  const [row] = await manager.getRepository(RetentionPolicyVersionEntity).find({ order: { version: 'DESC' }, take: 1 })
  return row ?? shippedRow(clock)
}

/** The policy in force (version 1 as shipped until a write stores it), within the law as it reads now. */
export async function currentPolicy(manager: EntityManager, clock: Clock): Promise<RetentionPolicy> {
  return withinLaw(storedPolicy((await latestRow(manager, clock)).policy))
}

/**
 * When the stored version in force lacks a rule (the R-11a rules) or breaks a bound of the law as
 * it reads now (R-16a), records what is in force as the next version — by nobody, with a note —
 * and audits it as a policy change with the rule ids. The sweep calls this first, so the history
 * shows the day the terms changed. Nothing happens for a version that is complete and lawful.
 */
export async function bringPolicyWithinLaw(ws: Workspace, asRun: { actorId: string | null; asOf: string }): Promise<void> {
  await ws.write(async ({ manager: m, audit }) => {
    await ensureSeeded(m, ws.clock)
    const row = await latestRow(m, ws.clock)
    const stored = storedPolicy(row.policy)
    const inForce = withinLaw(stored)
    const storedIds = new Set(((row.policy as { rules?: { id?: string }[] }).rules ?? []).map((r) => r.id))
    const added = RETENTION_RULE_IDS.filter((id) => !storedIds.has(id))
    const changed = [...new Set([...added, ...changedRuleIds(stored, inForce)])]
    if (changed.length === 0) return
    const next = { ...inForce, version: row.version + 1 }
    const note = 'R-11a, R-16a: terms brought within the law'
    await m.getRepository(RetentionPolicyVersionEntity).insert({ version: next.version, policy: policyDocument(next), createdAt: ws.clock.now().toISOString(), createdBy: null, note })
    await audit({ action: 'policy.change', subjectId: null, fields: changed, reason: note })
  }, asRun)
}

function toView(row: RetentionPolicyVersion, previous: RetentionPolicy | null): RetentionPolicyView {
  const policy = storedPolicy(row.policy)
  return {
    version: row.version,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    note: row.note,
    changedRules: previous ? changedRuleIds(previous, policy) : [],
    rules: RETENTION_RULE_IDS.map((id) => {
      const r = policy.rules[id]
      return { id, requirement: r.requirement, law: r.law ?? null, description: r.description, term: r.term, action: r.action }
    })
  }
}

/** Every version, newest first, each with the rules it changed. */
export async function policyHistory(manager: EntityManager, clock: Clock): Promise<RetentionPolicyView[]> {
  const rows = await versionRows(manager, clock)
  return rows.map((row, i) => {
    const older = rows[i + 1]
    return toView(row, older ? storedPolicy(older.policy) : null)
  })
}

/** The statement versions on record; before the first is seeded, the shipped one. */
async function statementVersionsOf(manager: EntityManager): Promise<{ version: string; validFrom: string }[]> {
  const rows = await manager.getRepository(StatementVersionEntity).find({ select: { version: true, validFrom: true } })
  return rows.length > 0 ? rows : [SEED_VERSION]
}

/**
 * Save new terms as the next version (privacy officer). Rejects an unchanged table, a term that
 * breaks a legal minimum or maximum and a term longer than the privacy statement in force states
 * (`policyBounds`), with the rule as the field path.
 */
export async function savePolicy(ws: Workspace, terms: Record<RetentionRuleId, RetentionTerm>, note: string): Promise<RetentionPolicyView> {
  ws.requireRole('privacy_officer')
  return ws.write(async ({ manager: m, audit }) => {
    await ensureSeeded(m, ws.clock)
    const current = await currentPolicy(m, ws.clock)
    const next = parseRetentionPolicy({
      version: current.version + 1,
      timeZone: current.timeZone,
      rules: RETENTION_RULE_IDS.map((id) => ({ ...current.rules[id], term: { amount: terms[id].amount, unit: terms[id].unit } }))
    })
    const changed = changedRuleIds(current, next)
    if (changed.length === 0) {
      throw new DossierError('VALIDATION_FAILED', 'The policy has not changed.', { issues: [{ path: 'terms', key: 'retention.policy.unchanged' }] })
    }
    const statement = boundingStatementTerms(await statementVersionsOf(m), ws.clock.today())
    const issues = policyBoundIssues(next, statement)
    if (issues.length > 0) throw new DossierError('VALIDATION_FAILED', describeBoundIssues(issues), { issues })
    const row: RetentionPolicyVersion = {
      version: next.version,
      policy: policyDocument(next),
      createdAt: ws.clock.now().toISOString(),
      createdBy: ws.requireActor().accountId,
      note
    }
    await m.getRepository(RetentionPolicyVersionEntity).insert({ ...row, policy: policyDocument(next) })
    await audit({ action: 'policy.change', subjectId: null, fields: changed, reason: note })
    return toView(row, current)
  })
}
