import type { MigrationInterface, QueryRunner } from 'typeorm'

/**
 * Issue 14, points 6, 9 and 10:
 * - `subject_request.extensionToldOn`: the date the person was told of the art. 12(3) extension;
 * - `breach.lateReason` (art. 33(1): why the report came after 72 hours) and `breach.informPersons`
 *   (art. 34), backfilled from the risk (a high risk must be told to the persons);
 * - `breach_person`: the persons affected by a breach, with a note about each (goes with the person, R-19a);
 * - `processor` and `dpia`: the registers of processors and impact assessments (R-28, art. 28 and 35).
 */
export class RequestsBreachesProcessors1796620000000 implements MigrationInterface {
  name = 'RequestsBreachesProcessors1796620000000'

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "subject_request" ADD COLUMN "extensionToldOn" varchar(32)`)
    await queryRunner.query(`ALTER TABLE "breach" ADD COLUMN "lateReason" text`)
    await queryRunner.query(`ALTER TABLE "breach" ADD COLUMN "informPersons" boolean NOT NULL DEFAULT FALSE`)
    await queryRunner.query(`UPDATE "breach" SET "informPersons" = TRUE WHERE "risk" = 'high'`)
    await queryRunner.query(
      `CREATE TABLE "breach_person" ("breachId" varchar(36) NOT NULL, "personId" varchar(36) NOT NULL, "note" text, PRIMARY KEY ("breachId", "personId"))`
    )
    await queryRunner.query(`CREATE INDEX "idx_breach_person_person" ON "breach_person" ("personId")`)
    await queryRunner.query(
      `CREATE TABLE "processor" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" text NOT NULL, "purpose" text NOT NULL, "dataCategories" text NOT NULL, "agreementOn" varchar(32), "location" text NOT NULL, "country" text NOT NULL, "subProcessors" text, "createdAt" varchar(32) NOT NULL, "updatedAt" varchar(32) NOT NULL)`
    )
    await queryRunner.query(
      `CREATE TABLE "dpia" ("id" varchar(36) PRIMARY KEY NOT NULL, "subject" text NOT NULL, "assessedOn" varchar(32) NOT NULL, "outcome" text NOT NULL, "nextReviewOn" varchar(32) NOT NULL, "createdAt" varchar(32) NOT NULL, "updatedAt" varchar(32) NOT NULL)`
    )
  }

  async down(): Promise<void> {
    throw new Error('Dossier migrations are forward-only')
  }
}
