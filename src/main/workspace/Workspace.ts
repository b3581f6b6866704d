import type { EntityManager } from 'typeorm'
import type { DOCUMENT_LANGS } from '../../shared/contract/governance'
import type { SessionInfo } from '../../shared/contract/session'
import type { CalendarDate, StaffRole } from '../../shared/domain'
import type { AuditRecord } from '../audit/AuditTrail'
import type { Clock } from '../clock'
import type { AuditChainKey } from '../vault/auditChainKey'
import type { BulkRows } from '../vault/bulkRows'
import type { ErasureLedger, ErasureNote } from '../vault/erasureLedger'
import type { FieldSealPort } from '../vault/sealedColumns'
import type { Store } from '../vault/store'

/**
 * The domain's whole view of the world: every module in people/, relations/, consent/,
 * retention/, rights/, audit/, governance/, documents/, accounts/ (and demo/) receives a
 * `Workspace` (named `ws`) and nothing else — never the application object, whose session
 * lifecycle (unlock, lock, idle, recovery, throttling) stays in services/. Implemented by
 * `DossierApp` (services/) and the bench's plain twin (bench/plainApp.ts); tests pass the app.
 */
export interface Workspace {
  readonly clock: Clock
  /** Who acts: the signed-in account, or null (nobody signed in). */
  readonly actor: Actor | null
  /** The signed-in account; NOT_SIGNED_IN without one. */
  requireActor(): Actor
  hasRole(...roles: StaffRole[]): boolean
  /** FORBIDDEN unless the actor has one of `roles`. */
  requireRole(...roles: StaffRole[]): void
  /**
   * Reads on the connection, outside any transaction (each statement sees what is committed).
   * On the one SQLite connection a transaction held across an event-loop turn would take in other
   * callers' statements, and long reads (the retention walks) yield between batches.
   */
  read<T>(work: (tx: ReadTx) => Promise<T>): Promise<T>
  /** Runs `work` in one transaction; audit entries written through `tx.audit` land with it. */
  write<T>(work: (tx: Tx) => Promise<T>, options?: WriteOptions): Promise<T>
  /** What domain code needs of the open vault besides transactions (VAULT_LOCKED when locked). */
  readonly vault: VaultPort
  /** Staff accounts' key slots (accounts/). */
  readonly keySlots: KeySlots
  /** The shell's PDF renderer; INTERNAL when the shell installed none. */
  pdfRenderer(): PdfRenderer
}

/** The signed-in account: id, names and roles. */
export type Actor = SessionInfo

/** An audit entry as domain code writes it: the actor is fixed by the transaction. */
export type AuditNote = Omit<AuditRecord, 'actorId'>

export interface ReadTx {
  readonly manager: EntityManager
  /** Typed repositories over `manager`, e.g. `tx.store.person` (Repository<Person>). */
  readonly store: Store
  /** The calendar date the work applies as of (the clock's today unless `WriteOptions.asOf`). */
  readonly today: CalendarDate
  /** UTC ISO timestamp taken when the transaction (or savepoint) began, for `createdAt`/`updatedAt`. */
  readonly at: string
  /** The session's restricted key (special-category values), as `ws.vault.restricted`. */
  readonly restricted: RestrictedKeyPort
}

export interface Tx extends ReadTx {
  /** Who the audit entries name (the actor's id, or `WriteOptions.actorId`). */
  readonly actorId: string | null
  /** Seals what the office server must not read before it is written (`sealColumns`), as `ws.vault.fields`. */
  readonly fields: FieldSealPort
  /** Appends to the audit trail inside this transaction. */
  audit(note: AuditNote): Promise<void>
  /** Runs `work` in a savepoint: it lands whole or not at all (the retention sweep's per-person unit). */
  savepoint<T>(work: (tx: Tx) => Promise<T>): Promise<T>
  /**
   * Issue 15 point 3: records in the erasure ledger beside the vault that this transaction removes
   * a person's data (keyed hashes only), so a restore of an older backup re-applies it. The
   * ledger is written just before the commit; the deletion paths of retention/ call this.
   */
  noteErasure(note: ErasureNote): void
}

export interface WriteOptions {
  /** The date the work applies as of (the retention sweep's as-of date); default the clock's today. */
  asOf?: CalendarDate
  /** Audit as this account instead of the actor; null for the system's own runs (the sweep). */
  actorId?: string | null
  /** false: re-applying the ledger itself after a restore (its entries are already in it) */
  erasureLedger?: boolean
}

/**
 * The open vault, as far as domain code may see it: no connection, no SQL. `Vault` (and the
 * bench's `PlainVault`) satisfy it.
 */
export interface VaultPort {
  readonly vaultId: string
  /** Move the WAL into the database file and truncate it: after every deletion. */
  checkpoint(): void
  /** `checkpoint`, its copying done by the session's checkpointer thread when one runs (a long batch's end: the event loop stays free). */
  emptyWal(): Promise<void>
  /** A purpose-bound secret of this vault (e.g. the do-not-contact HMAC key), made with the vault. */
  secret(name: string): Buffer
  /** Resolves when the vault may be written: after the integrity check of this open (vault/integrityCheck.ts); VAULT_DAMAGED otherwise. */
  whenWritable(): Promise<void>
  /** For long idempotent batches (the retention sweep): see vault/batchDurability.ts. */
  withBatchDurability<T>(work: () => Promise<T>): Promise<T>
  /** Between two transactions of such a batch: yields, lets the WAL checkpointer catch up, waits until no transaction is open on the connection. */
  betweenBatchTransactions(): Promise<void>
  /** Resolves once no transaction is open on the connection (a batch must not write into someone else's). */
  waitUntilIdle(): Promise<void>
  /** Prepared-statement bulk inserts on the connection, for the demo seeder (vault/bulkRows.ts). */
  bulkRows(): BulkRows
  /** The erasure ledger beside the vault (vault/erasureLedger.ts); written through `Tx.noteErasure`. */
  readonly erasureLedger: ErasureLedger
  /** The audit chain's HMAC key (issue 15 point 2). */
  auditChainKey(): AuditChainKey
  /** The restricted key as this session holds it: special-category values (issue 15 point 1). */
  readonly restricted: RestrictedKeyPort
  /** How the columns the office server must not read are stored (vault/sealedColumns.ts): as they are on a local vault. */
  readonly fields: FieldSealPort
}

/**
 * Issue 15 point 1: values only privacy officers (and admins, for granting) may read. Any session
 * seals; only a session whose key slot holds the restricted key opens (vault/restrictedKey.ts).
 */
export interface RestrictedKeyPort {
  /** Whether this session can open sealed values. */
  readonly held: boolean
  /** `value` sealed for `context` (the row and field it belongs to). */
  seal(value: string, context: string): string
  /** The value in clear; RESTRICTED_KEY_REQUIRED without the key, VAULT_DAMAGED when it does not open. */
  open(stored: string, context: string): string
  /** A MAC only holders of the restricted key can make or check. */
  tag(context: string): string
}

/** The last audit head an account's key slot witnessed (issue 15 point 2). */
export interface SlotWitness {
  /** The keyring's lookup hash of the account name (match with `KeySlots.lookupOf`). */
  lookup: string
  seq: number
  hash: string
  at: string
}

export interface KeySlots {
  /**
   * Wrap the data key for an account's new passphrase (rewrites one slot); with `restricted`, the
   * slot is granted the restricted key (RESTRICTED_KEY_REQUIRED unless this session holds it).
   * `roles`: the account's roles (the office server makes its login a member of their groups).
   */
  set(accountName: string, passphrase: string, opts?: { restricted: boolean; roles?: readonly StaffRole[] }): Promise<void>
  /** Remove an account's slot (the account can no longer unlock; on the office server its login ends too). */
  remove(accountName: string): void | Promise<void>
  /** The scrypt cost of every account slot (the processing register's security section). */
  accountKdfCosts(): number[]
  /** Every account slot's witnessed audit head. */
  witnesses(): SlotWitness[]
  /** The lookup hash an account name's slot is found by. */
  lookupOf(accountName: string): string
}

/**
 * turns a document's HTML into an A4 PDF with the shared footer template. Each shell hands
 * its own to the app (see rights/pdfRenderer.ts).
 */
export interface PdfRenderer {
  (html: string, opts: { footerText: string; lang: (typeof DOCUMENT_LANGS)[number] }): Promise<Buffer>
  /** What it keeps between the documents of a session (a warm browser), let go when the session ends (sign-out, lock, quit). */
  release?(): Promise<void>
}
