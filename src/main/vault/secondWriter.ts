import 'reflect-metadata'
import { createRequire } from 'node:module'
import type Database from 'better-sqlite3-multiple-ciphers'
import { DataSource } from 'typeorm'
import { DossierError } from '../../shared/errors'
import { applyRuntimePragmas, checkReadable, STATEMENT_CACHE_SIZE } from './cipher'
import { ENTITIES } from './entities'
import { SCHEMA_VERSION } from './migrations'

/**
 * The second writer's page cache (KiB; the main connection's is 64 MiB). A retention run reads
 * pages scattered over the whole file — each person's rows, their indexes, the audit trail — and
 * on an encrypted vault every page read from the file is decrypted and checked again. Sweeping
 * 100,000 of 1,000,000 persons: 91 s with 64 MiB, 81 s with 256 MiB, 81 s with 1 GiB. Held only
 * while a run goes: the thread closes its connection when the run ends.
 */
export const SECOND_WRITER_CACHE_KIB = 256 * 1024

/**
 * A second connection to an open vault's database, for a writer on a worker thread (the
 * retention sweep: services/sweepThread.ts), and what the open vault tells it. The vault stays the
 * one owner of the file: the second connection never migrates, never creates a secret, never
 * checkpoints on its own past what the vault allows it, and writes only while the vault's write
 * queue gives it a turn.
 */
export interface SecondWriterSetup {
  /** the database file */
  file: string
  /** the pragmas that open it: cipher and key (cipher.ts `keyPragmas`); none for the bench's plain twin */
  pragmas: string[]
  /** the SQLite driver the main thread loaded (by absolute path: one native module per process) */
  driver: string
  /** the erasure ledger beside the vault, and its HMAC key (erasureLedger.ts) */
  ledgerFile: string
  ledgerKey: Buffer
  vaultId: string
}

/** What an open vault (`Vault`, and the bench's `PlainVault`) offers a second writer. */
export interface SecondWriterHost {
  readonly isOpen: boolean
  /** How to open the second connection; the caller hands it to one worker thread only. */
  secondWriter(): SecondWriterSetup
  /** `wal_autocheckpoint` for the second connection now: 0 while a checkpointer thread copies the WAL (vault/batchDurability.ts). */
  writerAutoCheckpoint(): number
  /** `withBatchDurability` for a batch written on another connection: this connection keeps its own durability. */
  withForeignBatch<T>(work: () => Promise<T>): Promise<T>
  /**
   * Registers something that holds the vault's key (a worker thread's connection): `stop` is
   * awaited before the vault closes. Returns the way to unregister.
   */
  holdKey(stop: () => Promise<void>): () => void
}

/** Opens the second connection (no migrations: VAULT_FUTURE_SCHEMA or INTERNAL unless the schema is this version's). */
export async function openSecondWriter(setup: SecondWriterSetup): Promise<DataSource> {
  const Driver = createRequire(setup.driver)(setup.driver) as typeof Database
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: setup.file,
    driver: Driver,
    fileMustExist: true,
    entities: ENTITIES,
    synchronize: false,
    statementCacheSize: STATEMENT_CACHE_SIZE,
    logging: false,
    prepareDatabase: (db: Database.Database) => {
      for (const p of setup.pragmas) db.pragma(p)
      checkReadable(db)
      if (db.pragma('user_version', { simple: true }) !== SCHEMA_VERSION) {
        db.close()
        throw new DossierError('INTERNAL', 'The second connection found another schema version.')
      }
      applyRuntimePragmas(db)
      db.pragma(`cache_size = -${SECOND_WRITER_CACHE_KIB}`)
    }
  })
  await dataSource.initialize()
  return dataSource
}
