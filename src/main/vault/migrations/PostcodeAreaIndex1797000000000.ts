import type { MigrationInterface, QueryRunner } from 'typeorm'

/**
 * Issue 18 point 3: a postcode search as staff type it, the four digits (`4762`), in name order
 * without sorting the area's every resident. The postcode index (`idx_person_postcode_list`) is
 * ordered by the whole postcode first, so the four digits are a range over every postcode of the
 * area, and its hits had to be sorted by name to find the page: at 100,000 persons the largest
 * area of the demo data holds ~1,800 persons (0.33 ms per search, warm), at a million ten times
 * that. Indexed on the area (the postcode's first four characters) and then the name order, an
 * area is an equality whose hits come in name order: the search stops after its page (0.07 ms).
 * Longer prefixes (`4762 A`, a whole postcode) match few and keep the postcode index.
 * An expression index: portable (SQLite and PostgreSQL match `substr("postcode", 1, 4)` in a
 * query to it); the entity declares it unsynchronised (TypeORM cannot describe an expression).
 */
export class PostcodeAreaIndex1797000000000 implements MigrationInterface {
  name = 'PostcodeAreaIndex1797000000000'

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_person_postcode_area" ON "person" ((substr("postcode", 1, 4)), "searchFamily", "searchGiven", "id", "state")`
    )
  }

  async down(): Promise<void> {
    throw new Error('Dossier migrations are forward-only')
  }
}
