import { readFileSync } from 'node:fs'
import Database from 'better-sqlite3-multiple-ciphers'
import { applyKey } from '../../../src/main/vault/cipher'
import { findAccountSlot, parseKeyring, unwrapDataKey } from '../../../src/main/vault/keyring'
import { vaultPaths } from '../../../src/main/vault/vaultFiles'
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
