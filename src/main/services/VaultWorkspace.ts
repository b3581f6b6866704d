import { AsyncLocalStorage } from 'node:async_hooks'
import type { DataSource, EntityManager } from 'typeorm'
import type { StaffRole } from '../../shared/domain'
import { DossierError } from '../../shared/errors'
import { type AuditRecord, AuditTrail } from '../audit/AuditTrail'
import type { Clock } from '../clock'
import { ManagerTx, type PendingErasure, readTx } from '../workspace/managerTx'
import type { SecondWriterHost } from '../vault/secondWriter'
import { takeWriteLock } from '../vault/writeLock'
import type { Actor, KeySlots, PdfRenderer, ReadTx, Tx, VaultPort, Workspace, WriteOptions } from '../workspace/Workspace'

/**
 * An open store as the workspace uses it: the domain's port plus the connection's DataSource (a
 * local vault, or the office server's: server/ServerVault.ts).
 */
export type OpenVault = VaultPort & { readonly dataSource: DataSource }

/** A local vault: also what a second connection on a worker thread needs (the retention sweep's, services/sweepThread.ts). */
export type LocalVault = OpenVault & SecondWriterHost

/** Whether `ws` works on a local vault, whose file a second connection can open (the office server's is not). */
export function onLocalVault(ws: VaultWorkspace): ws is VaultWorkspace & { readonly vault: LocalVault } {
  return 'secondWriter' in ws.vault
}

/**
 * `Workspace` over an open vault and whoever is signed in: what `DossierApp` (and the bench's
 * plain twin) hand to domain code. Subclasses say where the vault and the actor come from.
 */
export abstract class VaultWorkspace implements Workspace {
  readonly audit: AuditTrail

  constructor(
    readonly clock: Clock,
    private readonly renderer: PdfRenderer | undefined
  ) {
    this.audit = new AuditTrail(clock)
  }

  /** The open vault; VAULT_LOCKED when there is none. */
  abstract get vault(): OpenVault
  abstract get actor(): Actor | null
  abstract get keySlots(): KeySlots

  requireActor(): Actor {
    const actor = this.actor
    if (!actor) throw new DossierError('NOT_SIGNED_IN', 'Nobody is signed in.')
    return actor
  }

  hasRole(...roles: StaffRole[]): boolean {
    const actor = this.actor
    return !!actor && roles.some((r) => actor.roles.includes(r))
  }

  requireRole(...roles: StaffRole[]): void {
    if (!this.hasRole(...roles)) throw new DossierError('FORBIDDEN', 'Your account does not have the role for this.')
  }

  read<T>(work: (tx: ReadTx) => Promise<T>): Promise<T> {
    return work(readTx(this.vault.dataSource.manager, this.clock, this.vault.restricted))
  }

  async write<T>(work: (tx: Tx) => Promise<T>, options: WriteOptions = {}): Promise<T> {
    await this.beforeWrite()
    return this.transact(work, options)
  }

  /**
   * One write transaction, without `beforeWrite` (for what `beforeWrite` itself waits for). Write
   * transactions run one after another: TypeORM gives SQLite one query runner per connection, so
   * two transactions begun at once would nest as savepoints of each other (and writes held until
   * the unlock's integrity check all start at its verdict). A write begun inside another's work
   * runs within it, as before.
   */
  protected transact<T>(work: (tx: Tx) => Promise<T>, options: WriteOptions = {}): Promise<T> {
    return this.exclusively(() => this.transactNow(work, options))
  }

  /**
   * Runs `work` in its turn of the write queue: no write transaction of this workspace runs
   * meanwhile. Besides `transact`, for a writer on another connection (the retention sweep's
   * worker thread, which writes only while it holds a turn: services/sweepThread.ts).
   */
  exclusively<T>(work: () => Promise<T>): Promise<T> {
    if (this.insideWrite.getStore()) return work()
    const run = this.writeQueue.catch(() => undefined).then(() => this.insideWrite.run(true, work))
    this.writeQueue = run
    return run
  }

  /** Whether the caller runs inside a write (its work, or an `exclusively` turn). */
  protected get writing(): boolean {
    return this.insideWrite.getStore() === true
  }

  private writeQueue: Promise<unknown> = Promise.resolve()
  private readonly insideWrite = new AsyncLocalStorage<boolean>()

  private transactNow<T>(work: (tx: Tx) => Promise<T>, options: WriteOptions): Promise<T> {
    const actorId = options.actorId !== undefined ? options.actorId : (this.actor?.accountId ?? null)
    const erasures: PendingErasure[] | null = options.erasureLedger === false ? null : []
    const setup = { clock: this.clock, today: options.asOf ?? this.clock.today(), actorId, restricted: this.vault.restricted, fields: this.vault.fields, append: (m: EntityManager, r: AuditRecord) => this.audit.append(m, r, this.vault.auditChainKey()), erasures }
    return this.vault.dataSource.transaction(async (m) => {
      await takeWriteLock(m) // before any read: see vault/writeLock.ts
      const result = await work(new ManagerTx(m, setup))
      // Issue 15 point 3: the ledger before the commit. A crash between the two leaves an entry
      // whose removal did not happen (re-applying finds nothing to do), never the reverse.
      // The ledger's sync is the one real I/O a write transaction awaits: writes are queued, so
      // none lands in this transaction meanwhile (a read on the connection may see it early).
      if (erasures && erasures.length > 0) await this.recordErasures(m, erasures)
      return result
    })
  }

  /** The transaction's erasure-ledger notes, before its commit: the local vault's ledger file (the office server's: its table, in the transaction). */
  protected recordErasures(_manager: EntityManager, erasures: PendingErasure[]): Promise<void> {
    return this.vault.erasureLedger.append(erasures)
  }

  /** Every write waits for this: the vault's integrity verdict (issue 18 point 4); `DossierApp` adds the sign-in's own entries. */
  protected beforeWrite(): Promise<void> {
    return this.vault.whenWritable()
  }

  pdfRenderer(): PdfRenderer {
    if (!this.renderer) throw new DossierError('INTERNAL', 'No PDF renderer is installed.')
    return this.renderer
  }
}
