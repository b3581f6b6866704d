import type { MigrationInterface, QueryRunner } from 'typeorm'

/**
 * Issue 18 point 2: the intake duplicate check's "same birth date and family name" arm
 * (people/findDuplicatePerson.ts) found the persons born that day through the birth-date index
 * and read each one's table row to compare the family name: ~5 rows at 100,000 persons, ~45 at a
 * million, one page each, on every save. Indexed on both, it is one lookup whatever the size.
 * The birth-date index is replaced (the pair serves a birth date alone as well). Portable SQL.
 */
export class DuplicateCheckIndex1796700000001 implements MigrationInterface {
  name = 'DuplicateCheckIndex1796700000001'

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_person_birthdate"`)
    await queryRunner.query(`CREATE INDEX "idx_person_birthdate_family" ON "person" ("birthDate", "searchFamily")`)
  }

  async down(): Promise<void> {
    throw new Error('Dossier migrations are forward-only')
  }
}
