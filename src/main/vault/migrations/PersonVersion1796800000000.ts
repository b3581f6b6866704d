import type { MigrationInterface, QueryRunner } from 'typeorm'
import { afterRowTrigger, dialectOf } from './dialect'

/**
 * The person columns a colleague can see change: the intake and employment fields, the source,
 * the dates the record keeps, its retention state. Not the derived ones (search keys, the next
 * retention check, the last activity) nor the timestamps. As this migration wrote them: a later
 * column is added to the trigger by a migration of its own.
 */
const VERSIONED_PERSON_COLUMNS = [
  'ref', 'givenName', 'familyName', 'birthDate', 'gender', 'street', 'houseNumber', 'postcode', 'city', 'email', 'phone',
  'otherContact', 'education', 'internships', 'workExperience', 'availability', 'deployability', 'leave', 'particulars',
  'nationality', 'bsn', 'idDocumentType', 'idDocumentNumber', 'idDocumentExpiry', 'idVerifiedOn', 'workPermitNumber',
  'workPermitExpiry', 'vogDate', 'iban', 'maritalStatus', 'sourceKind', 'sourceDetail', 'registeredOn', 'unsubscribedOn',
  'statementVersion', 'statementShownOn', 'state', 'shieldedOn', 'reducedToLegalHoldOn', 'idRecordPurgedOn'
] as const

/**
 * Issue 17 point 4: optimistic locking on person edits. `person.version` counts the record's
 * changes; an edit says which version it started from and is refused (RECORD_CHANGED) when the
 * record has moved on, so a save made on a stale screen — another desk, another window, the
 * retention run — never overwrites a colleague's change unseen.
 *
 * The database counts: a trigger adds one whenever a statement changes a versioned column and did
 * not set the version itself, so no code path (a service, the import, a restore, a SQL client)
 * can change a record and leave its version behind. An edit sets it itself, in the same UPDATE
 * that checks it (`WHERE "version" = :expected`): on PostgreSQL the second of two desks saving at
 * once waits for the first's row lock, then finds the version moved and changes nothing.
 * Portable SQL; the trigger as each engine spells it (dialect.ts).
 */
export class PersonVersion1796800000000 implements MigrationInterface {
  name = 'PersonVersion1796800000000'

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "person" ADD COLUMN "version" integer NOT NULL DEFAULT 1`)
    const columns = VERSIONED_PERSON_COLUMNS.map((c) => `"${c}"`).join(', ')
    const bump = `UPDATE "person" SET "version" = "version" + 1 WHERE "id" = NEW."id" AND NEW."version" = OLD."version";`
    for (const sql of afterRowTrigger(dialectOf(queryRunner), 'trg_person_version', `UPDATE OF ${columns}`, 'person', [bump])) {
      await queryRunner.query(sql)
    }
  }

  async down(): Promise<void> {
    throw new Error('Dossier migrations are forward-only')
  }
}
