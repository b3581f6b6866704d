import type { MigrationInterface, QueryRunner } from 'typeorm'

/**
 * Issue 14 point 4, R-9a: `processing_consent`, the recorded consents to offers and to a
 * disclosure of a field outside the allowed list (entities/ProcessingConsent.ts). A child of the
 * person: it goes with the person (R-19a).
 */
export class ProcessingConsent1796630000000 implements MigrationInterface {
  name = 'ProcessingConsent1796630000000'

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "processing_consent" ("id" varchar(36) PRIMARY KEY NOT NULL, "personId" varchar(36) NOT NULL REFERENCES "person" ("id") ON DELETE CASCADE, "subject" varchar(16) NOT NULL, "disclosurePurpose" varchar(40), "field" varchar(32), "givenOn" varchar(32) NOT NULL, "how" varchar(16) NOT NULL, "wording" text NOT NULL, "recordedBy" varchar(36), "recordedAt" varchar(32) NOT NULL, "withdrawnOn" varchar(32), "withdrawnBy" varchar(36))`
    )
    await queryRunner.query(`CREATE INDEX "idx_processing_consent_person" ON "processing_consent" ("personId")`)
  }

  async down(): Promise<void> {
    throw new Error('Dossier migrations are forward-only')
  }
}
