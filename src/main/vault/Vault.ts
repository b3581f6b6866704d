import 'reflect-metadata'
import { randomBytes, randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs'
import Database from 'better-sqlite3-multiple-ciphers'
import { DataSource } from 'typeorm'
import { DossierError, isDossierError } from '../../shared/errors'
import { BatchDurability } from './batchDurability'
import { BulkRows } from './bulkRows'
import { waitForIdleConnection } from './idleConnection'
import { applyKey, applyRuntimePragmas, checkReadable, keyPragmas, STATEMENT_CACHE_SIZE } from './cipher'
import { ENTITIES } from './entities'
import {
  type Keyring,
  findAccountSlot,
  findRecoverySlot,
  newDataKey,
  newKeyring,
  newRecoveryKey,
  normaliseRecoveryKey,
  parseKeyring,
  serialiseKeyring,
  unwrapDataKey,
  wrapDataKey,
  DEFAULT_KDF_N
} from './keyring'
import { MIGRATIONS, SCHEMA_VERSION } from './migrations'
import { MANIFEST_FORMAT, type VaultPaths, acquireLock, assertVaultWritable, existingSidecars, looksLikePlainSqlite, removeSidecarsLeftSince, readManifest, tightenVaultPermissions, vaultPaths, writeFileAtomic } from './vaultFiles'

/**
 * The encrypted vault: owns the database connection while unlocked. Locking drops the data
 * key and closes the database. Every failed open leaves the files byte-for-byte unchanged.
 */
export class Vault {
  private closed = false
  private constructor(
    readonly paths: VaultPaths,
    readonly vaultId: string,
    readonly dataSource: DataSource,
    private dataKey: Buffer,
    private readonly releaseLock: () => void,
    public keyring: Keyring
  ) {}

  /** The raw connection, for vault-internal work only (pragmas, checkpoints, backups). */
  get db(): Database.Database {
    return (this.dataSource.driver as unknown as { databaseConnection: Database.Database }).databaseConnection
  }

  get isOpen(): boolean {
    return !this.closed
  }

  /** Wrap the data key for a new or changed account passphrase (rewrites one slot). */
  async setAccountSlot(accountName: string, passphrase: string, kdfN = DEFAULT_KDF_N): Promise<void> {
    const slot = await wrapDataKey(this.keyring, this.dataKey, passphrase, { kind: 'account', accountName }, kdfN)
    const existing = findAccountSlot(this.keyring, accountName)
    const slots = this.keyring.slots.filter((s) => s !== existing)
    this.keyring = { ...this.keyring, slots: [...slots, slot] }
    writeFileAtomic(this.paths.keyring, serialiseKeyring(this.keyring))
  }

  removeAccountSlot(accountName: string): void {
    const existing = findAccountSlot(this.keyring, accountName)
    if (!existing) return
    this.keyring = { ...this.keyring, slots: this.keyring.slots.filter((s) => s !== existing) }
    writeFileAtomic(this.paths.keyring, serialiseKeyring(this.keyring))
  }

  /** Move the WAL's content into the database file and truncate the WAL (after deletions). */
  checkpoint(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)')
  }

  private readonly batch = new BatchDurability({
    db: () => this.db,
    file: () => this.paths.db,
    openPragmas: () => keyPragmas(this.dataKey),
    isOpen: () => this.isOpen,
    checkpoint: () => this.checkpoint()
  })

  /** For long idempotent batches (the retention sweep): see `BatchDurability`. */
  withBatchDurability<T>(work: () => Promise<T>): Promise<T> {
    return this.batch.run(work)
  }

  /** Call between two transactions of such a batch (see `BatchDurability.betweenTransactions`). */
  betweenBatchTransactions(): Promise<void> {
    return this.batch.betweenTransactions()
  }

  /** Resolves once no transaction is open on the connection (see `waitForIdleConnection`). */
  waitUntilIdle(): Promise<void> {
    return waitForIdleConnection(this.db)
  }

  /** Bulk inserts for the demo seeder (see `BulkRows`). */
  bulkRows(): BulkRows {
    return new BulkRows(this.db)
  }

  /** An encrypted copy of the whole database (same cipher and key), for backups. */
  vacuumInto(target: string): void {
    if (target.includes("'")) throw new DossierError('INTERNAL', 'Invalid backup path.')
    this.db.exec(`VACUUM INTO '${target}'`)
  }

  /** Derive a purpose-bound secret from the vault (e.g. the do-not-contact HMAC key). */
  secret(name: string): Buffer {
    const row = this.db.prepare('SELECT value FROM setting WHERE key = ?').get(`secret.${name}`) as { value: string } | undefined
    if (row) return Buffer.from(JSON.parse(row.value) as string, 'base64')
    const value = randomBytes(32)
    this.db.prepare('INSERT INTO setting (key, value) VALUES (?, ?)').run(`secret.${name}`, JSON.stringify(value.toString('base64')))
    return value
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    try {
      // The checkpointer's connection holds the key too: it goes first.
      await this.batch.stopCheckpointer()
      if (this.dataSource.isInitialized) {
        try {
          this.checkpoint()
        } finally {
          await this.dataSource.destroy() // closes the connection even when the checkpoint fails (full disk)
        }
      }
    } finally {
      this.dataKey.fill(0)
      this.releaseLock()
    }
  }

  static async create(
    dir: string,
    opts: { adminName: string; passphrase: string; kdfN?: number; now: Date }
  ): Promise<{ vault: Vault; recoveryKey: string }> {
    const paths = vaultPaths(dir)
    if (existsSync(paths.keyring) || existsSync(paths.db) || existsSync(paths.manifest)) {
      throw new DossierError('VAULT_EXISTS', 'A vault already exists in this folder.')
    }
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    if (readdirSync(dir).length > 0) throw new DossierError('VAULT_EXISTS', 'The vault folder is not empty.')
    const vaultId = randomUUID()
    const dataKey = newDataKey()
    const recoveryKey = newRecoveryKey()
    let keyring = newKeyring(vaultId)
    const kdfN = opts.kdfN ?? DEFAULT_KDF_N
    const adminSlot = await wrapDataKey(keyring, dataKey, opts.passphrase, { kind: 'account', accountName: opts.adminName }, kdfN)
    const recoverySlot = await wrapDataKey(keyring, dataKey, recoveryKey, { kind: 'recovery' }, kdfN)
    keyring = { ...keyring, slots: [adminSlot, recoverySlot] }
    writeFileAtomic(paths.manifest, JSON.stringify({ format: MANIFEST_FORMAT, vaultId, createdAt: opts.now.toISOString() }, null, 2) + '\n')
    writeFileAtomic(paths.keyring, serialiseKeyring(keyring))
    const vault = await Vault.connect(paths, vaultId, keyring, dataKey, true)
    return { vault, recoveryKey }
  }

  /** Open with a staff account's passphrase. */
  static async open(dir: string, accountName: string, passphrase: string): Promise<Vault> {
    const { paths, manifest, keyring } = readVaultFiles(dir)
    const slot = findAccountSlot(keyring, accountName)
    // An unknown name costs what a wrong passphrase costs (a key derivation at an account slot's
    // cost, with a fresh salt so it can never succeed) and gets the same answer: neither the error
    // nor the time tells which accounts exist (issue 15 point 5).
    const decoy = keyring.slots.find((s) => s.kind === 'account') ?? keyring.slots[0]
    let dataKey: Buffer | null = null
    if (slot) dataKey = await unwrapDataKey(keyring, slot, passphrase)
    else if (decoy) (await unwrapDataKey(keyring, { ...decoy, kdf: { ...decoy.kdf, salt: randomBytes(16).toString('base64') } }, passphrase))?.fill(0)
    if (!dataKey) throw new DossierError('VAULT_WRONG_PASSPHRASE', 'The account name or passphrase is not correct.')
    return Vault.connect(paths, manifest.vaultId, keyring, dataKey, false)
  }

  /** Open with the recovery key printed at creation (R-21: losing every passphrase loses nothing). */
  static async openWithRecoveryKey(dir: string, recoveryKey: string): Promise<Vault> {
    const { paths, manifest, keyring } = readVaultFiles(dir)
    const slot = findRecoverySlot(keyring)
    const dataKey = slot ? await unwrapDataKey(keyring, slot, normaliseRecoveryKey(recoveryKey)) : null
    if (!dataKey) throw new DossierError('RECOVERY_KEY_INVALID', 'The recovery key does not open this vault.')
    return Vault.connect(paths, manifest.vaultId, keyring, dataKey, false)
  }

  private static async connect(paths: VaultPaths, vaultId: string, keyring: Keyring, dataKey: Buffer, creating: boolean): Promise<Vault> {
    try {
      assertVaultWritable(paths, creating) // a read-only open leaves no -wal/-shm behind (issue 15 point 6)
    } catch (e) {
      dataKey.fill(0)
      throw e
    }
    const releaseLock = acquireLock(paths)
    const sidecarsBefore = existingSidecars(paths)
    const dataSource = new DataSource({
      type: 'better-sqlite3',
      database: paths.db,
      driver: Database,
      fileMustExist: !creating,
      entities: ENTITIES,
      migrations: MIGRATIONS,
      synchronize: false,
      statementCacheSize: STATEMENT_CACHE_SIZE,
      logging: false,
      // TypeORM's `key` option runs PRAGMA key before cipher selection (typeorm#10230): do it all here.
      prepareDatabase: (db: Database.Database) => {
        try {
          applyKey(db, dataKey)
          checkReadable(db)
          const version = db.pragma('user_version', { simple: true }) as number
          if (version > SCHEMA_VERSION) {
            throw new DossierError('VAULT_FUTURE_SCHEMA', 'This vault was written by a newer version of Dossier.')
          }
          applyRuntimePragmas(db)
          // Every page's Poly1305 tag is checked before anything is written: a damaged vault is
          // refused at unlock (VAULT_DAMAGED, files untouched) instead of failing mid-work.
          // Cost measured by the bench: ~50 ms at 10k persons, ~0.6 s at 100k.
          if (!creating) assertIntact(db)
        } catch (e) {
          db.close()
          throw classifyOpenError(e)
        }
      }
    })
    try {
      await dataSource.initialize()
      await dataSource.runMigrations({ transaction: 'each' })
      const db = (dataSource.driver as unknown as { databaseConnection: Database.Database }).databaseConnection
      // Written only when it changes: opening must not modify the file (a failed sign-in leaves it untouched).
      if (db.pragma('user_version', { simple: true }) !== SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`)
      tightenVaultPermissions(paths.dir)
    } catch (e) {
      // Never leave a connection (or its WAL/SHM files) behind after a failed open.
      if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined)
      removeSidecarsLeftSince(paths, sidecarsBefore)
      releaseLock()
      dataKey.fill(0)
      throw classifyOpenError(e)
    }
    return new Vault(paths, vaultId, dataSource, dataKey, releaseLock, keyring)
  }
}

function assertIntact(db: Database.Database): void {
  let verdict: unknown
  try {
    verdict = db.pragma('quick_check', { simple: true })
  } catch (e) {
    throw storageError(e) ?? new DossierError('VAULT_DAMAGED', 'The vault database is damaged. Restore it from a backup.')
  }
  if (verdict !== 'ok') throw new DossierError('VAULT_DAMAGED', 'The vault database is damaged. Restore it from a backup.')
}

function readVaultFiles(dir: string): { paths: VaultPaths; manifest: ReturnType<typeof readManifest>; keyring: Keyring } {
  const paths = vaultPaths(dir)
  const manifest = readManifest(paths)
  if (!existsSync(paths.keyring)) throw new DossierError('VAULT_KEYRING_CORRUPT', 'The keyring file is missing.')
  const keyring = parseKeyring(readFileSync(paths.keyring, 'utf8'))
  if (keyring.vaultId !== manifest.vaultId) {
    throw new DossierError('VAULT_KEYRING_MISMATCH', 'The keyring belongs to another vault.')
  }
  if (!existsSync(paths.db)) throw new DossierError('VAULT_DATABASE_MISSING', 'The vault database file is missing.')
  // SQLite would take an empty file for a new, empty database and the migrations would make it a
  // valid-looking vault with nobody in it: a vault's database is never empty (issue 15 point 6).
  if (statSync(paths.db).size === 0) throw new DossierError('VAULT_DAMAGED', 'The vault database file is empty: damaged. Nothing was changed; restore a backup.')
  if (looksLikePlainSqlite(paths.db)) throw new DossierError('VAULT_NOT_A_VAULT', 'The database file is not encrypted: not a Dossier vault.')
  return { paths, manifest, keyring }
}

function classifyOpenError(e: unknown): DossierError {
  if (isDossierError(e)) return e
  const code = (e as { code?: string }).code
  if (code === 'SQLITE_NOTADB') {
    return new DossierError('VAULT_NOT_A_VAULT', 'The database file cannot be read with this vault\'s key: damaged, or not this vault\'s database.')
  }
  const storage = storageError(e)
  if (storage) return storage
  if (code === 'SQLITE_CANTOPEN') {
    return new DossierError('VAULT_NOT_A_VAULT', 'The database file cannot be opened (permissions or damaged folder).')
  }
  return new DossierError('INTERNAL', 'The vault could not be opened.')
}

/**
 * Storage failures every layer maps the same way (open, dispatcher): a damaged file, a read-only
 * folder or a full disk each get their own code; null for anything else.
 */
export function storageError(e: unknown): DossierError | null {
  const code = (e as { code?: string } | null)?.code
  if (code === 'SQLITE_CORRUPT' || code?.startsWith('SQLITE_CORRUPT_') || code === 'SQLITE_IOERR_SHORT_READ') {
    return new DossierError('VAULT_DAMAGED', 'The vault database is damaged. Restore it from a backup.')
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return new DossierError('DISK_FULL', 'The disk is full. Nothing more was saved.')
  if (code === 'SQLITE_READONLY' || code?.startsWith('SQLITE_READONLY_') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new DossierError('VAULT_READ_ONLY', 'The vault folder cannot be written to.')
  }
  return null
}
