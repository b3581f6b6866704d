import type { MigrationInterface, QueryRunner } from 'typeorm'
import { dialectOf } from './dialect'

/**
 * Issue 17 point 3: on the office server the BSN and the IBAN are stored sealed
 * (vault/sealedColumns.ts), far longer than the 9 and 34 characters their columns allowed; both
 * become `text`, as the other sealed columns are. PostgreSQL does not change the type of a column
 * a trigger names, so the version trigger (PersonVersion1796800000000) is dropped around the change
 * and made again as it was, on the function that migration made.
 *
 * A local vault keeps its columns: SQLite does not enforce a varchar's length, and its values are
 * not sealed there (the whole file is encrypted).
 */
export class SealedColumnWidth1796900000000 implements MigrationInterface {
  name = 'SealedColumnWidth1796900000000'

  async up(queryRunner: QueryRunner): Promise<void> {
    if (dialectOf(queryRunner) !== 'postgres') return
    const [trigger] = (await queryRunner.query(
      `SELECT pg_get_triggerdef(t.oid) AS "def" FROM pg_trigger t WHERE t.tgrelid = '"person"'::regclass AND t.tgname = 'trg_person_version'`
    )) as { def: string }[]
    if (!trigger) throw new Error('The person version trigger is missing.')
    await queryRunner.query(`DROP TRIGGER "trg_person_version" ON "person"`)
    await queryRunner.query(`ALTER TABLE "person" ALTER COLUMN "bsn" TYPE text, ALTER COLUMN "iban" TYPE text`)
    await queryRunner.query(trigger.def)
  }

  async down(): Promise<void> {
    throw new Error('Dossier migrations are forward-only')
  }
}
