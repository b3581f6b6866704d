import type { OperationInput, OperationOutput } from '../../../src/shared/contract/client'
import type { RetentionPolicyView } from '../../../src/shared/contract/retention'
import type { FieldSealPort } from '../../../src/main/vault/sealedColumns'
import { openedRow } from '../../support/sealedRows'
import { TEST_ENGINE } from '../../support/serverTestApp'
import { newTestApp } from '../../support/testApp'
import { insertPerson, type InsertedPerson, type PersonSpec } from './personFixture'

/** Shared helpers of the retention integration tests. */
export type TestApp = Awaited<ReturnType<typeof newTestApp>>
/** What is stored, read (and set up) with SQL on either engine: a test app's `sql` and `sqlCount`. */
export type Stored = Pick<TestApp, 'sql' | 'sqlCount'>

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
export async function personTables(t: Stored): Promise<string[]> {
  const tables =
    TEST_ENGINE === 'postgres'
      ? await t.sql<{ name: string }>(`SELECT "table_name" AS "name" FROM "information_schema"."columns" WHERE "table_schema" = current_schema() AND "column_name" = 'personId' ORDER BY "table_name"`)
      : await t.sql<{ name: string }>(
          `SELECT m."name" AS "name" FROM "sqlite_master" m WHERE m."type" = 'table' AND m."name" NOT LIKE 'sqlite_%' AND EXISTS (SELECT 1 FROM pragma_table_info(m."name") c WHERE c."name" = 'personId') ORDER BY m."name"`
        )
  return tables.map((r) => r.name).filter((name) => !['tombstone', 'audit_entry', 'erasure_approval', 'subject_request'].includes(name))
}

/** How many rows every person table still holds for `personId` (plus the person row itself). */
export async function rowsOf(t: Stored, personId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {
    person: await t.sqlCount('SELECT count(*) AS "n" FROM "person" WHERE "id" = :personId', { personId })
  }
  for (const table of await personTables(t)) {
    out[table] = await t.sqlCount(`SELECT count(*) AS "n" FROM "${table}" WHERE "personId" = :personId`, { personId })
  }
  return out
}

/** The person's row as stored, its sealed columns opened (on the office server: vault/sealedColumns.ts). */
export async function personRow(t: Stored & { app?: { vault: { fields: FieldSealPort } } }, personId: string): Promise<Record<string, unknown> | undefined> {
  const row = (await t.sql<Record<string, unknown>>('SELECT * FROM "person" WHERE "id" = :personId', { personId }))[0]
  return row && (t.app ? openedRow(t.app.vault.fields, 'person', row) : row)
}

/** Every table of what is stored (the engine's own catalogue left out), by name. */
export async function storedTables(t: Stored): Promise<string[]> {
  const rows =
    TEST_ENGINE === 'postgres'
      ? await t.sql<{ name: string }>(`SELECT "table_name" AS "name" FROM "information_schema"."tables" WHERE "table_schema" = current_schema() AND "table_type" = 'BASE TABLE' ORDER BY "table_name"`)
      : await t.sql<{ name: string }>(`SELECT "name" FROM "sqlite_master" WHERE "type" = 'table' AND "name" NOT LIKE 'sqlite_%' ORDER BY "name"`)
  return rows.map((r) => r.name)
}

/** A row as comparable text (bytes as hex), to put a table's rows in one order on both engines. */
function rowKey(row: Record<string, unknown>): string {
  return JSON.stringify(Object.keys(row).sort().map((k) => (Buffer.isBuffer(row[k]) ? (row[k] as Buffer).toString('hex') : row[k])))
}

/**
 * Every row of every table but the run's own log (audit trail, run records) and its scheduling
 * bookkeeping: `person.retentionCheckOn`, the next date a run evaluates the record, and the policy
 * version those dates were computed under (issue 18). Each table's rows in one order (by content:
 * PostgreSQL has no rowid).
 */
export async function dataSnapshot(t: Stored): Promise<Record<string, unknown[]>> {
  const tables = (await storedTables(t)).filter((n) => !['audit_entry', 'retention_run'].includes(n))
  const withoutBookkeeping = (name: string, row: Record<string, unknown>) => {
    if (name === 'person') {
      const { retentionCheckOn: _checkOn, ...rest } = row
      return rest
    }
    return row
  }
  const out: Record<string, unknown[]> = {}
  for (const name of tables) {
    const rows = (await t.sql<Record<string, unknown>>(`SELECT * FROM "${name}"`))
      .filter((r) => !(name === 'setting' && r['key'] === 'retention.checked-under-policy'))
      .map((r) => withoutBookkeeping(name, r))
    out[name] = rows.map((r) => [rowKey(r), r] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r)
  }
  return out
}

export interface AuditRow {
  action: string
  fields: string
  reason: string | null
  actorId: string | null
}

export async function auditOf(t: Stored, personId: string): Promise<AuditRow[]> {
  return t.sql<AuditRow>('SELECT "action", "fields", "reason", "actorId" FROM "audit_entry" WHERE "subjectId" = :personId ORDER BY "seq"', { personId })
}
