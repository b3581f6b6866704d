import 'reflect-metadata'
import { readFileSync } from 'node:fs'
import Database from 'better-sqlite3-multiple-ciphers'
import { DataSource } from 'typeorm'
import { DossierError } from '../../shared/errors'
import { BatchDurability, truncateWal } from './batchDurability'
import { BulkRows } from './bulkRows'
import { type AuditChainKey, readAuditChainKey } from './auditChainKey'
import { waitForIdleConnection } from './idleConnection'
import { CLEAR_FIELDS } from './sealedColumns'
import { applyKey, applyRuntimePragmas, checkReadable, STATEMENT_CACHE_SIZE } from './cipher'
import { ENTITIES } from './entities'
import { ErasureLedger, ledgerKeyFrom } from './erasureLedger'
import { type Keyring, parseKeyring } from './keyring'
import { MIGRATIONS, SCHEMA_VERSION } from './migrations'
import { connectionOf } from './connection'
import { KeyHolders } from './keyHolders'
import { readVaultSecret } from './vaultSecret'
import type { SecondWriterSetup } from './secondWriter'
import { type VaultPaths, looksLikePlainSqlite, vaultPaths } from './vaultFiles'
import { driverPath } from './workerThreads'

/**
 * The plain (UNENCRYPTED) twin of a vault, for the benchmark's baseline only (issue 8: "the cost
 * of encryption must be visible"). It is opened exactly like the vault — same entities, same
 * migrations, same runtime pragmas — except that `applyKey(db, null)` selects no cipher. The app,
 * the CLI and the tests never open one: R-21 requires encryption at rest, and `Vault.open` refuses
 * a plain file (VAULT_NOT_A_VAULT).
 *
 * It has the members of `Vault` that the services use (`dataSource`, `db`, `checkpoint`,
 * `withBatchDurability`, `vacuumInto`, `secret`, `paths`, `keyring`), so a benchmark can run the
 * same service code on it; the bench refuses to run when Vault gains a member this lacks.
 */
export class PlainVault {
  private closed = false
  /** The twin seals nothing: its special values are stored as given, which is the baseline the bench compares with. */
  readonly fields = CLEAR_FIELDS
  readonly restricted = { held: true, seal: (value: string) => value, open: (stored: string) => stored, tag: () => '' }
  private constructor(
    readonly paths: VaultPaths,
    readonly vaultId: string,
    readonly dataSource: DataSource,
    /** Copied from the encrypted twin so `writeBackup` has something to write; holds no key. */
    public keyring: Keyring
  ) {}

  get db(): Database.Database {
    return connectionOf(this.dataSource)
  }

  get isOpen(): boolean {
    return !this.closed
  }

  checkpoint(): void {
    truncateWal(this.db)
  }

  private readonly batch = new BatchDurability({
    db: () => this.db,
    file: () => this.paths.db,
    openPragmas: () => [],
    isOpen: () => this.isOpen,
    checkpoint: () => this.checkpoint()
  })

  /** As `Vault.withBatchDurability`. */
  withBatchDurability<T>(work: () => Promise<T>): Promise<T> {
    return this.batch.run(work)
  }

  /** As `Vault.emptyWal`. */
  emptyWal(): Promise<void> {
    return this.batch.emptyWal()
  }

  /** A batch written by a second connection (see `SecondWriterHost.withForeignBatch`). */
  withForeignBatch<T>(work: () => Promise<T>): Promise<T> {
    return this.batch.run(work, { foreign: true })
  }

  /** See `SecondWriterHost.writerAutoCheckpoint`. */
  writerAutoCheckpoint(): number {
    return this.batch.writerAutoCheckpoint()
  }

  /** How a second connection on a worker thread opens this vault (vault/secondWriter.ts); holds the key. */
  secondWriter(): SecondWriterSetup {
    if (!this.isOpen) throw new DossierError('VAULT_LOCKED', 'The vault is locked.')
    return { file: this.paths.db, pragmas: [], driver: driverPath(), ledgerFile: this.paths.erasureLedger, ledgerKey: ledgerKeyFrom(Buffer.from(this.vaultId, 'utf8'), this.vaultId), vaultId: this.vaultId }
  }

  private readonly keyHolders = new KeyHolders()

  /** See `SecondWriterHost.holdKey`: `stop` runs before the vault closes. */
  holdKey(stop: () => Promise<void>): () => void {
    return this.keyHolders.add(stop)
  }

  /** Call between two transactions of such a batch (see `BatchDurability.betweenTransactions`). */
  betweenBatchTransactions(): Promise<void> {
    return this.batch.betweenTransactions()
  }

  /** As `Vault.startBackgroundCheckpoints`. */
  startBackgroundCheckpoints(): Promise<boolean> {
    return this.batch.startSession()
  }

  /** As `Vault.waitUntilIdle`. */
  waitUntilIdle(): Promise<void> {
    return waitForIdleConnection(this.db)
  }

  /** Bulk inserts for the demo seeder (see `BulkRows`). */
  bulkRows(): BulkRows {
    return new BulkRows(this.db)
  }

  vacuumInto(target: string): void {
    if (target.includes("'")) throw new DossierError('INTERNAL', 'Invalid backup path.')
    this.db.exec(`VACUUM INTO '${target}'`)
  }

  private chainKey: AuditChainKey | null = null
  /** The audit chain's HMAC key and where the keyed part starts (vault/auditChainKey.ts). */
  auditChainKey(): AuditChainKey {
    return (this.chainKey ??= readAuditChainKey(this.db))
  }

  private ledger: ErasureLedger | null = null

  /** As `Vault.erasureLedger`, so the twin pays the same append; keyed from the vault id (no data key here). */
  get erasureLedger(): ErasureLedger {
    return (this.ledger ??= new ErasureLedger(this.paths.erasureLedger, ledgerKeyFrom(Buffer.from(this.vaultId, 'utf8'), this.vaultId)))
  }

  /** No integrity check runs on the plain twin: always writable. */
  whenWritable(): Promise<void> {
    return Promise.resolve()
  }

  /** Same storage as `Vault.secret` (the setting table), so copied data keeps its secrets. */
  secret(name: string): Buffer {
    const stored = readVaultSecret(this.db, name)
    if (!stored) throw new DossierError('INTERNAL', 'The plain twin has no copy of this vault secret.')
    return stored
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.keyHolders.stopAll()
    await this.batch.stopCheckpointer()
    if (this.dataSource.isInitialized) {
      this.checkpoint()
      await this.dataSource.destroy()
    }
  }

  /**
   * Open (or, with `create`, create) the plain database `dossier.db` in `dir`. The folder also
   * holds copies of the encrypted twin's `vault.json` and `keyring.json` (wrapped keys only), so
   * backups of both twins write the same header.
   */
  static async open(dir: string, opts: { create?: boolean } = {}): Promise<PlainVault> {
    const paths = vaultPaths(dir)
    const manifest = JSON.parse(readFileSync(paths.manifest, 'utf8')) as { vaultId: string }
    const keyring = parseKeyring(readFileSync(paths.keyring, 'utf8'))
    if (!opts.create && !looksLikePlainSqlite(paths.db)) {
      throw new DossierError('VAULT_NOT_A_VAULT', 'The plain twin is not a plain SQLite database.')
    }
    const dataSource = new DataSource({
      type: 'better-sqlite3',
      database: paths.db,
      driver: Database,
      fileMustExist: !opts.create,
      entities: ENTITIES,
      migrations: MIGRATIONS,
      synchronize: false,
      statementCacheSize: STATEMENT_CACHE_SIZE,
      logging: false,
      prepareDatabase: (db: Database.Database) => {
        applyKey(db, null)
        checkReadable(db)
        applyRuntimePragmas(db)
      }
    })
    await dataSource.initialize()
    await dataSource.runMigrations({ transaction: 'each' })
    const db = connectionOf(dataSource)
    db.pragma(`user_version = ${SCHEMA_VERSION}`)
    return new PlainVault(paths, manifest.vaultId, dataSource, keyring)
  }
}

/** Open (or create) the plain twin in `dir`: see PlainVault. Benchmarks only. */
export function openPlain(dir: string, opts: { create?: boolean } = {}): Promise<PlainVault> {
  return PlainVault.open(dir, opts)
}
