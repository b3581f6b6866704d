import type { EntityManager } from 'typeorm'

/**
 * Takes the database's write lock as the first thing a write transaction does (SQLite's
 * `BEGIN IMMEDIATE`, which TypeORM does not offer): a statement that writes nothing but is a
 * write.
 *
 * Why: TypeORM begins SQLite transactions DEFERRED, so a transaction that reads before it writes
 * (nearly every save: duplicate checks first) holds a read snapshot when it asks for the write
 * lock, and SQLite answers SQLITE_BUSY at once to such an upgrade while another connection holds
 * the lock even for a moment — it cannot wait there without risking a deadlock. Found with a
 * second writer (the retention sweep's thread, services/sweepThread.ts) and, rarer, the WAL
 * checkpointer thread beside a save: the save failed with INTERNAL. Asked first, before any read,
 * the lock waits under `busy_timeout` like any other (cipher.ts) and the save goes through.
 *
 * On the office server (PostgreSQL) several desks write at once. Each write transaction takes the
 * office's write lock first, a transaction-level advisory lock that the commit or rollback lets go
 * (and the server, when a desk's connection drops): write transactions across desks run one after
 * another, so the audit chain is appended in order (each append links to the head it read: no
 * fork, no gap) and the duplicate checks that read before they insert see every earlier save.
 * Taken before any read and before any row lock, it cannot deadlock with them. A transaction is a
 * few milliseconds; reads never wait for it.
 */
const TAKE_WRITE_LOCK = 'DELETE FROM "setting" WHERE 0'
/** The office's write lock: one 64-bit advisory-lock key, the same on every desk ('dossier.write'). */
export const SERVER_WRITE_LOCK_KEY = 0x646f_7373_6965n.toString()
const TAKE_SERVER_WRITE_LOCK = `SELECT pg_advisory_xact_lock(${SERVER_WRITE_LOCK_KEY})`

export async function takeWriteLock(manager: EntityManager): Promise<void> {
  await manager.query(manager.connection.driver.options.type === 'postgres' ? TAKE_SERVER_WRITE_LOCK : TAKE_WRITE_LOCK)
}
