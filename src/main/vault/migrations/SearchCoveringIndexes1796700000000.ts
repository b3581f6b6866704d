import type { MigrationInterface, QueryRunner } from 'typeorm'

/**
 * Issue 18 point 3: record search reads a handful of index pages, not one table page per hit.
 * The search (people/searchPersons.ts) runs one arm per way a query can match — a name, postcode,
 * e-mail, phone or ref prefix — each taking its first page of hits in name order, and then fetches
 * the page's list columns. Measured at 100,000 persons from a cold 16 MiB page cache: a four-letter
 * family-name prefix matched ~1,100 persons, and the old one-query shape read ~560 pages per search
 * (p95 ~1,500) to sort them all; with these indexes it reads ~16.
 * - `idx_person_list` (replaces the family-name index): the name order with every column the
 *   list shows, so a family-name prefix is an ordered range that stops after the page, and the
 *   page's rows are read from it without touching the table.
 * - `idx_person_given_list`, `idx_person_postcode_list` (replace the given-name and postcode
 *   indexes): the prefix key followed by the name order and the state, so their hits are sorted
 *   from index entries only (no table page per hit).
 * Portable SQL (multi-column indexes), like every migration.
 */
export class SearchCoveringIndexes1796700000000 implements MigrationInterface {
  name = 'SearchCoveringIndexes1796700000000'

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_person_search_family"`)
    await queryRunner.query(`DROP INDEX "idx_person_search_given"`)
    await queryRunner.query(`DROP INDEX "idx_person_postcode"`)
    await queryRunner.query(
      `CREATE INDEX "idx_person_list" ON "person" ("searchFamily", "searchGiven", "id", "state", "ref", "givenName", "familyName", "birthDate", "city")`
    )
    await queryRunner.query(`CREATE INDEX "idx_person_given_list" ON "person" ("searchGiven", "searchFamily", "id", "state")`)
    await queryRunner.query(`CREATE INDEX "idx_person_postcode_list" ON "person" ("postcode", "searchFamily", "searchGiven", "id", "state")`)
  }

  async down(): Promise<void> {
    throw new Error('Dossier migrations are forward-only')
  }
}
