import type { MigrationInterface, QueryRunner } from 'typeorm'
import { afterRowTrigger, dialectOf } from './dialect'

/** The person columns the retention engine reads (retention/loadFacts.ts `RetentionFacts`). */
const PERSON_FACT_COLUMNS = ['registeredOn', 'unsubscribedOn', 'lastActivityOn', 'state', 'reducedToLegalHoldOn', 'idRecordPurgedOn']

/** The child tables whose rows are retention facts (roles, employments, W&S procedures, ID copies, consents). */
const FACT_TABLES = ['person_role', 'employment', 'recruitment_procedure', 'attachment', 'consent']

/**
 * Issue 18: the retention sweep and the catch-up at every sign-in walked every person (at
 * 1,000,000 persons, half a minute before sign-in returned). `person.retentionCheckOn` is the next
 * date the person's record must be evaluated again (retention/nextRetentionCheck.ts); NULL means
 * "at the next run". A run evaluates only the persons whose date has come (an index range), and
 * writes each one's next date.
 *
 * The date is cleared by the database itself whenever a fact changes — triggers on the person's
 * fact columns and on every fact table — so no code path (a service, the import, the bulk
 * seeder, a restore, a SQL client) can change a fact and leave a stale date behind. A new person
 * starts with NULL. A change of policy is caught by the sweep (the policy version its dates were
 * written under, `retention.checked-under-policy`: another one makes a full walk).
 *
 * The same triggers on both engines (`dialect.ts`: SQLite's inline bodies, PostgreSQL's functions).
 */
export class RetentionCheckDate1796700000002 implements MigrationInterface {
  name = 'RetentionCheckDate1796700000002'

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "person" ADD COLUMN "retentionCheckOn" varchar(10) NULL`)
    await queryRunner.query(`CREATE INDEX "idx_person_retention_check" ON "person" ("retentionCheckOn", "id")`)
    const dialect = dialectOf(queryRunner)
    const clear = (personId: string) => `UPDATE "person" SET "retentionCheckOn" = NULL WHERE "id" = ${personId} AND "retentionCheckOn" IS NOT NULL;`
    const triggers = [
      ...afterRowTrigger(dialect, 'trg_retention_check_person', `UPDATE OF ${PERSON_FACT_COLUMNS.map((c) => `"${c}"`).join(', ')}`, 'person', [clear('NEW."id"')]),
      ...FACT_TABLES.flatMap((table) => [
        ...afterRowTrigger(dialect, `trg_retention_check_${table}_insert`, 'INSERT', table, [clear('NEW."personId"')]),
        ...afterRowTrigger(dialect, `trg_retention_check_${table}_update`, 'UPDATE', table, [clear('NEW."personId"'), clear('OLD."personId"')]),
        ...afterRowTrigger(dialect, `trg_retention_check_${table}_delete`, 'DELETE', table, [clear('OLD."personId"')])
      ])
    ]
    for (const sql of triggers) await queryRunner.query(sql)
  }

  async down(): Promise<void> {
    throw new Error('Dossier migrations are forward-only')
  }
}
