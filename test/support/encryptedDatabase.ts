import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { applyKey, applyRuntimePragmas } from '../../src/main/vault/cipher'
import { tempDir } from './testApp'

/**
 * A bare encrypted database file as the vault opens one (ChaCha20 with a random raw key, the
 * runtime pragmas), with one filler table, in a temp folder of its own: for tests of the vault's
 * page-level machinery (checkpoints, the integrity check). `cleanup` closes it and removes the folder.
 */
export function encryptedDatabase(prefix: string): { db: Database.Database; file: string; key: Buffer; cleanup: () => void } {
  const { dir, cleanup } = tempDir(prefix)
  const file = join(dir, 'dossier.db')
  const key = randomBytes(32)
  const db = new Database(file)
  applyKey(db, key)
  applyRuntimePragmas(db)
  db.exec('CREATE TABLE page_filler (id INTEGER PRIMARY KEY, body BLOB NOT NULL)')
  return {
    db,
    file,
    key,
    cleanup: () => {
      if (db.open) db.close()
      cleanup()
    }
  }
}
