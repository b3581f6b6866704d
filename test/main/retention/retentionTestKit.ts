import type Database from 'better-sqlite3-multiple-ciphers'
import type { OperationInput, OperationOutput } from '../../../src/shared/contract/client'
import type { RetentionPolicyView } from '../../../src/shared/contract/retention'
import { newTestApp } from '../../support/testApp'
import { insertPerson, type InsertedPerson, type PersonSpec } from './personFixture'

/** Shared helpers of the retention integration tests. */
export type TestApp = Awaited<ReturnType<typeof newTestApp>>

export async function seed(t: TestApp, spec: PersonSpec): Promise<InsertedPerson> {
  return t.app.vault.dataSource.transaction((m) => insertPerson(m, spec))
}

/** Travel to `date` (10:00 UTC, well inside the Amsterdam day) and run the sweep as a privacy officer would. */
export async function sweepOn(t: TestApp, date: string): Promise<OperationOutput<'runRetention'>> {
  t.clock.set(`${date}T10:00:00Z`)
  return t.call('runRetention', {})
}

type RetentionTerms = OperationInput<'updateRetentionPolicy'>['terms']

/** A policy version's terms keyed by rule, as the policy editor sends them back. */
export function termsOf(policy: RetentionPolicyView): RetentionTerms {
  // The version lists every rule once, so the map holds every rule id the contract asks for.
  return Object.fromEntries(policy.rules.map((r) => [r.id, r.term])) as RetentionTerms
}

/** Tables holding a person's rows (a `personId` column), except the proof tables. */
export function personTables(db: Database.Database): string[] {
  const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[]).map((r) => r.name)
  return tables.filter((name) => {
    if (['tombstone', 'audit_entry', 'erasure_approval', 'subject_request'].includes(name)) return false
    const cols = db.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as { name: string }[]
    return cols.some((c) => c.name === 'personId')
  })
}

/** How many rows every person table still holds for `personId` (plus the person row itself). */
export function rowsOf(db: Database.Database, personId: string): Record<string, number> {
  const out: Record<string, number> = {
    person: (db.prepare('SELECT count(*) AS n FROM person WHERE id = ?').get(personId) as { n: number }).n
  }
  for (const table of personTables(db)) {
    out[table] = (db.prepare(`SELECT count(*) AS n FROM "${table}" WHERE personId = ?`).get(personId) as { n: number }).n
  }
  return out
}

export function personRow(db: Database.Database, personId: string): Record<string, unknown> | undefined {
  return db.prepare('SELECT * FROM person WHERE id = ?').get(personId) as Record<string, unknown> | undefined
}

/** Every row of every table except the logs a run always writes (audit trail, run log). */
/**
 * Every row of every table but the run's own log (audit trail, run records) and its scheduling
 * bookkeeping: `person.retentionCheckOn`, the next date a run evaluates the record, and the policy
 * version those dates were computed under (issue 18).
 */
export function dataSnapshot(db: Database.Database): Record<string, unknown[]> {
  const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[])
    .map((r) => r.name)
    .filter((n) => !['audit_entry', 'retention_run'].includes(n))
  const rows = (name: string) => db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all() as Record<string, unknown>[]
  const withoutBookkeeping = (name: string, row: Record<string, unknown>) => {
    if (name === 'person') {
      const { retentionCheckOn: _checkOn, ...rest } = row
      return rest
    }
    return row
  }
  return Object.fromEntries(tables.map((name) => [name, rows(name).filter((r) => !(name === 'setting' && r['key'] === 'retention.checked-under-policy')).map((r) => withoutBookkeeping(name, r))]))
}

export function auditOf(db: Database.Database, personId: string): { action: string; fields: string; reason: string | null; actorId: string | null }[] {
  return db.prepare('SELECT action, fields, reason, actorId FROM audit_entry WHERE subjectId = ? ORDER BY seq').all(personId) as {
    action: string
    fields: string
    reason: string | null
    actorId: string | null
  }[]
}
