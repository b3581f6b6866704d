import type Database from 'better-sqlite3-multiple-ciphers'

/**
 * Cipher choice, measured here (../shared/STACK.md and `npm run bench`): ChaCha20-Poly1305,
 * the library's default cipher. It is authenticated (a flipped byte on disk is detected, not
 * silently read) and the cheapest authenticated option: ~1.25x plain SQLite on indexed search and
 * ~1.5x on detail loads versus ~1.4x/1.8x for SQLCipher v4. The key is a raw 256-bit key (no KDF
 * in SQLite: the passphrase KDF lives in the keyring), so opening is fast.
 *
 * Everything SQLite-specific stays in `vault/`.
 */
export const CIPHER = 'chacha20'

/**
 * Page cache: 64 MiB (negative = KiB). Bench-chosen (`npm run bench`, 100k persons): with 16 MiB
 * name search was 2.8x plain at p95 because decrypting evicted index pages dominates; with 64 MiB
 * every encrypted/plain ratio is within target (search 1.07x, detail 1.13x) for ~95 MiB more RSS.
 */
export const CACHE_SIZE_KIB = 64 * 1024

/**
 * Prepared statements TypeORM keeps per connection (its default is 100, first in first out). The
 * retention reads use `IN (…)` lists of up to 250 ids, one statement text per list length and
 * table; with 100 the cache churned and the sweep spent ~0.7 s at 100k persons re-preparing.
 */
export const STATEMENT_CACHE_SIZE = 2000

/** The pragmas that select the cipher and set the raw key; none for a plain database (benchmarks' baseline only). */
export function keyPragmas(dataKey: Buffer | null): string[] {
  if (dataKey === null) return []
  return [`cipher='${CIPHER}'`, `key="x'${dataKey.toString('hex')}'"`]
}

export function applyKey(db: Database.Database, dataKey: Buffer | null): void {
  for (const p of keyPragmas(dataKey)) db.pragma(p)
}

/** The first statement that reads the file: a wrong key fails here with SQLITE_NOTADB. */
export function checkReadable(db: Database.Database): void {
  db.prepare('SELECT count(*) AS n FROM sqlite_master').get()
}

export function applyRuntimePragmas(db: Database.Database): void {
  db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  db.pragma('secure_delete = ON')
  db.pragma('synchronous = FULL') // an acknowledged save or deletion survives a crash or power loss
  db.pragma(`cache_size = -${CACHE_SIZE_KIB}`)
  db.pragma('temp_store = MEMORY')
  db.pragma('busy_timeout = 5000')
}
