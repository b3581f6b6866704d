import type { MigrationInterface, QueryRunner } from 'typeorm'

/**
 * R-11a: `person.lastActivityOn`, the date of the person's last activity (shared/vocabulary
 * `ACTIVITY_KINDS`), from which the re-confirmation clock runs. Backfilled with the latest of the
 * registration, employment start/end, W&S procedure start/end and consent given dates. Portable
 * SQL: one plain UPDATE per source (no GREATEST/MAX(a, b), which differ between SQLite and
 * PostgreSQL); ISO dates compare as text.
 */
export class PersonLastActivity1796400000000 implements MigrationInterface {
  name = 'PersonLastActivity1796400000000'

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "person" ADD COLUMN "lastActivityOn" varchar(32)`)
    await queryRunner.query(`CREATE INDEX "idx_person_last_activity" ON "person" ("lastActivityOn")`)
    await queryRunner.query(`UPDATE "person" SET "lastActivityOn" = "registeredOn"`)
    for (const [table, column] of SOURCES) {
      const latest = `(SELECT MAX(c."${column}") FROM "${table}" c WHERE c."personId" = "person"."id")`
      await queryRunner.query(`UPDATE "person" SET "lastActivityOn" = ${latest} WHERE ${latest} > "lastActivityOn"`)
    }
  }

  async down(): Promise<void> {
    throw new Error('Dossier migrations are forward-only')
  }
}

const SOURCES = [
  ['employment', 'start'],
  ['employment', 'end'],
  ['recruitment_procedure', 'start'],
  ['recruitment_procedure', 'end'],
  ['consent', 'givenOn']
] as const
