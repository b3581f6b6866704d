import type Database from 'better-sqlite3-multiple-ciphers'
import { DossierError } from '../../shared/errors'
import { yieldToEventLoop } from '../eventLoop'

/**
 * Waits until no transaction is open on the (single) connection: TypeORM nests a second
 * transaction on it as a savepoint of the first, so a batch writer (the retention sweep) must not
 * start while other work awaits real I/O inside a transaction, or its statements land in that one.
 */
export async function waitForIdleConnection(db: Database.Database): Promise<void> {
  for (let i = 0; db.inTransaction; i++) {
    if (i > 10_000) throw new DossierError('INTERNAL', 'The database stayed busy; the retention run stopped.')
    await yieldToEventLoop()
  }
}
