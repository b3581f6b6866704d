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
 * PostgreSQL locks rows, not the database: nothing to do there.
 */
const TAKE_WRITE_LOCK = 'DELETE FROM "setting" WHERE 0'

export async function takeWriteLock(manager: EntityManager): Promise<void> {
  if (manager.connection.driver.options.type === 'postgres') return
  await manager.query(TAKE_WRITE_LOCK)
}
