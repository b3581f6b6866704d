import { readFileSync } from 'node:fs'
import Database from 'better-sqlite3-multiple-ciphers'
import { applyKey } from '../../../src/main/vault/cipher'
import { findAccountSlot, parseKeyring, unwrapDataKey } from '../../../src/main/vault/keyring'
import { vaultPaths } from '../../../src/main/vault/vaultFiles'
import pg from 'pg'
import { officeOwnerOf } from '../../support/cliDesk'
import { ADMIN } from '../../support/testApp'

/**
 * What an attacker holding a passphrase could do with the vault closed: open the database file
 * with the data key, outside Dossier, and change the audit table directly.
 */
export async function withDecryptedDb(vaultDir: string, work: (db: Database.Database) => void): Promise<void> {
  const paths = vaultPaths(vaultDir)
  const keyring = parseKeyring(readFileSync(paths.keyring, 'utf8'))
  const key = await unwrapDataKey(keyring, findAccountSlot(keyring, ADMIN.username)!, ADMIN.passphrase)
  if (!key) throw new Error('test passphrase does not open the vault')
  const db = new Database(paths.db)
  try {
    applyKey(db, key)
    work(db)
  } finally {
    db.close()
    key.fill(0)
  }
}

/**
 * The audit trail rewritten behind the app's back (`sql`: one statement, names in double quotes):
 * on a local vault with its key, outside Dossier (`withDecryptedDb`); on the office server a
 * folder stands for (test/support/cliDesk.ts) by its superuser, the one role that can switch off
 * the trigger that keeps the table append-only. Either way the app must notice.
 */
export async function tamperWithAuditTrail(vaultDir: string, sql: string): Promise<void> {
  const owner = officeOwnerOf(vaultDir)
  if (!owner) return withDecryptedDb(vaultDir, (db) => db.exec(sql))
  if ('url' in owner) throw new Error('a test office has a socket address')
  const client = new pg.Client({ host: owner.host, port: owner.port, user: owner.username, database: owner.database })
  await client.connect()
  try {
    await client.query(`BEGIN; ALTER TABLE "audit_entry" DISABLE TRIGGER USER; ${sql}; ALTER TABLE "audit_entry" ENABLE TRIGGER USER; COMMIT`)
  } finally {
    await client.end()
  }
}
