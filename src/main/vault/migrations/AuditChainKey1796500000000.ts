import { randomBytes } from 'node:crypto'
import type { MigrationInterface, QueryRunner } from 'typeorm'
import { AUDIT_CHAIN_KEY_SETTING } from '../auditChainKey'
import { portableQuery } from '../portableQuery'

/**
 * Issue 15 points 2 and 3: the audit chain becomes keyed (HMAC-SHA256) from the next entry on. Entries
 * already written keep their plain SHA-256 links, so anchors printed before stay valid; the
 * setting records where the keyed part starts. A new vault is keyed from its first entry.
 */
export class AuditChainKey1796500000000 implements MigrationInterface {
  name = 'AuditChainKey1796500000000'

  async up(queryRunner: QueryRunner): Promise<void> {
    // R-19a: keyed entries link a digest of their reason, so the text can be forgotten.
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD COLUMN "reasonDigest" varchar(64)`)
    const [head] = (await queryRunner.query(`SELECT MAX("seq") AS "n" FROM "audit_entry"`)) as { n: number | null }[]
    const value = JSON.stringify({ key: randomBytes(32).toString('base64'), keyedFrom: (head?.n ?? 0) + 1 })
    await portableQuery(queryRunner.manager, `INSERT INTO "setting" ("key", "value") VALUES (:key, :value)`, { key: AUDIT_CHAIN_KEY_SETTING, value })
    // The do-not-contact register's HMAC key, made now instead of at the first entry: every
    // backup carries it, so an entry re-applied after a restore (erasure ledger) still matches.
    const [dnc] = (await portableQuery(queryRunner.manager, `SELECT COUNT(*) AS "n" FROM "setting" WHERE "key" = :key`, { key: 'secret.dnc' })) as { n: number }[]
    if (Number(dnc?.n ?? 0) === 0) {
      await portableQuery(queryRunner.manager, `INSERT INTO "setting" ("key", "value") VALUES (:key, :value)`, { key: 'secret.dnc', value: JSON.stringify(randomBytes(32).toString('base64')) })
    }
  }

  async down(): Promise<void> {
    throw new Error('Dossier migrations are forward-only')
  }
}
