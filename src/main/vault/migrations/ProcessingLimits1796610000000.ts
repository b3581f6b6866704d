import type { MigrationInterface, QueryRunner } from 'typeorm'

/**
 * `processing_limit`, the restrictions (GDPR art. 18) and objections (art. 21) recorded for
 * a person, deleted with the person (`ON DELETE CASCADE`).
 */
export class ProcessingLimits1796610000000 implements MigrationInterface {
  name = 'ProcessingLimits1796610000000'

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "processing_limit" ("id" varchar(36) PRIMARY KEY NOT NULL, "personId" varchar(36) NOT NULL REFERENCES "person" ("id") ON DELETE CASCADE, "kind" varchar(16) NOT NULL, "purpose" varchar(32), "recordedOn" varchar(32) NOT NULL, "recordedBy" varchar(36), "reason" text NOT NULL, "liftedOn" varchar(32), "liftedBy" varchar(36), "liftReason" text)`
    )
    await queryRunner.query(`CREATE INDEX "idx_processing_limit_person" ON "processing_limit" ("personId")`)
  }

  async down(): Promise<void> {
    throw new Error('Dossier migrations are forward-only')
  }
}
