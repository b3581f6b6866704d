import type { DataSource } from 'typeorm'
import type { CalendarDate } from '../../shared/domain'
import { DossierError } from '../../shared/errors'
import type { Clock } from '../clock'
import { yieldToEventLoop } from '../eventLoop'
import { type AuditChainKey, readAuditChainKey } from '../vault/auditChainKey'
import { truncateWal } from '../vault/batchDurability'
import type { BulkRows } from '../vault/bulkRows'
import { ErasureLedger } from '../vault/erasureLedger'
import { forgetHmacKey } from '../vault/hmacKey'
import { waitForIdleConnection } from '../vault/idleConnection'
import { CLEAR_FIELDS } from '../vault/sealedColumns'
import { restrictedKeyRequired } from '../vault/restrictedKey'
import { readVaultSecret } from '../vault/vaultSecret'
import { connectionOf } from '../vault/connection'
import type { SecondWriterSetup } from '../vault/secondWriter'
import type { Actor, KeySlots, RestrictedKeyPort, Tx, WriteOptions } from '../workspace/Workspace'
import type { SweepMainMessage, SweepWorkerMessage } from './sweepThreadProtocol'
import { fromWorkerError } from './sweepThreadProtocol'
import { type LocalVault, VaultWorkspace } from './VaultWorkspace'

/**
 * The `Workspace` the retention sweep runs on in its worker thread (services/retentionSweepWorker.ts):
 * the same transactions, audit trail and erasure ledger as the app's (VaultWorkspace), over the
 * thread's own connection (vault/secondWriter.ts). The main thread stays the vault's owner:
 * - every write transaction waits for a turn of the app's write queue (`write-turn`), so the
 *   thread's writes and the app's never overlap: the audit chain's head and the erasure ledger's
 *   order are as if one connection wrote them;
 * - the clock is the app's, read by the main thread when it gives the turn;
 * - the batch's durability, the WAL's checkpoints and its emptying are the main thread's (`batch`,
 *   `empty-wal`).
 * Nobody is signed in here, and the restricted key never comes to this thread: the sweep removes
 * special-category data, it never reads it.
 */

/** The main thread as the worker reaches it: a request answered once, or a report. */
export interface MainThread {
  request(message: Extract<SweepWorkerMessage, { id: number }>): Promise<SweepMainMessage>
  report(message: Exclude<SweepWorkerMessage, { id: number }> | { type: 'write-done'; id: number }): void
  nextId(): number
}

/** The app's clock as of the last turn the main thread gave (the sweep dates its rows and audit entries by it). */
export class TurnClock implements Clock {
  constructor(
    private instant: string,
    private date: CalendarDate
  ) {}
  now(): Date {
    return new Date(this.instant)
  }
  today(): CalendarDate {
    return this.date
  }
  set(instant: string, date: CalendarDate): void {
    this.instant = instant
    this.date = date
  }
}

function notOnThisThread(): never {
  throw new DossierError('INTERNAL', 'Not available on the retention thread.')
}

const NO_RESTRICTED_KEY: RestrictedKeyPort = {
  held: false,
  seal: () => notOnThisThread(),
  open: () => {
    throw restrictedKeyRequired()
  },
  tag: () => {
    throw restrictedKeyRequired()
  }
}

/** The open vault as the thread sees it: its connection, and the main thread for the rest. */
export class ThreadVault implements LocalVault {
  readonly restricted = NO_RESTRICTED_KEY
  readonly fields = CLEAR_FIELDS
  readonly erasureLedger: ErasureLedger
  readonly vaultId: string
  private chainKey: AuditChainKey | null = null
  private batchDepth = 0
  private closed = false

  constructor(
    readonly dataSource: DataSource,
    setup: SecondWriterSetup,
    private readonly main: MainThread
  ) {
    this.vaultId = setup.vaultId
    this.erasureLedger = new ErasureLedger(setup.ledgerFile, setup.ledgerKey)
  }

  get isOpen(): boolean {
    return !this.closed
  }

  /** Whether a batch runs (its write turns let the checkpointer catch up first). */
  get inBatch(): boolean {
    return this.batchDepth > 0
  }

  private get db() {
    return connectionOf(this.dataSource)
  }

  checkpoint(): void {
    truncateWal(this.db)
  }

  async emptyWal(): Promise<void> {
    await this.ask({ type: 'empty-wal', id: this.main.nextId() })
  }

  /** Read only: the vault's secrets are made by the vault itself. */
  secret(name: string): Buffer {
    return readVaultSecret(this.db, name) ?? notOnThisThread()
  }

  /** The main thread checks before it gives a turn. */
  whenWritable(): Promise<void> {
    return Promise.resolve()
  }

  /**
   * The batch: the main thread runs it for this connection (its checkpointer copies the WAL, its
   * end empties it), and this connection commits without a sync meanwhile, as the app's own
   * batches do (vault/batchDurability.ts: a power cut can undo the last commits, which the next
   * run redoes; a process crash cannot).
   */
  async withBatchDurability<T>(work: () => Promise<T>): Promise<T> {
    if (this.batchDepth++ > 0) {
      try {
        return await work()
      } finally {
        this.batchDepth--
      }
    }
    await this.ask({ type: 'batch', id: this.main.nextId(), phase: 'begin' })
    this.db.pragma('synchronous = NORMAL')
    try {
      return await work()
    } finally {
      this.batchDepth--
      this.db.pragma('synchronous = FULL')
      await this.ask({ type: 'batch', id: this.main.nextId(), phase: 'end' })
    }
  }

  /** The main thread does the rest when it gives the next turn (its checkpointer, its connection). */
  betweenBatchTransactions(): Promise<void> {
    return yieldToEventLoop()
  }

  waitUntilIdle(): Promise<void> {
    return waitForIdleConnection(this.db)
  }

  bulkRows(): BulkRows {
    return notOnThisThread()
  }

  auditChainKey(): AuditChainKey {
    return (this.chainKey ??= readAuditChainKey(this.db))
  }

  secondWriter(): SecondWriterSetup {
    return notOnThisThread()
  }

  writerAutoCheckpoint(): number {
    return notOnThisThread()
  }

  withForeignBatch<T>(): Promise<T> {
    return notOnThisThread()
  }

  holdKey(): () => void {
    return notOnThisThread()
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    try {
      if (this.dataSource.isInitialized) await this.dataSource.destroy()
    } finally {
      if (this.chainKey) {
        forgetHmacKey(this.chainKey.key)
        this.chainKey.key.fill(0)
      }
    }
  }

  private async ask(message: Extract<SweepWorkerMessage, { id: number }>): Promise<void> {
    const answer = await this.main.request(message)
    if (answer.type === 'refused') throw fromWorkerError(answer.error)
  }
}

/** The sweep's workspace on the thread: see the top of this file. */
export class ThreadWorkspace extends VaultWorkspace {
  constructor(
    private readonly turnClock: TurnClock,
    private readonly threadVault: ThreadVault,
    private readonly main: MainThread
  ) {
    super(turnClock, undefined)
  }

  get vault(): ThreadVault {
    return this.threadVault
  }

  get actor(): Actor | null {
    return null
  }

  get keySlots(): KeySlots {
    return notOnThisThread()
  }

  /** One transaction in one turn of the app's write queue; a write inside another's work runs within its turn. */
  override async write<T>(work: (tx: Tx) => Promise<T>, options: WriteOptions = {}): Promise<T> {
    if (this.writing) return super.write(work, options)
    const id = this.main.nextId()
    const turn = await this.main.request({ type: 'write-turn', id, batch: this.threadVault.inBatch })
    if (turn.type === 'refused') throw fromWorkerError(turn.error)
    if (turn.type !== 'granted') throw new DossierError('INTERNAL', 'Unexpected answer from the main thread.')
    try {
      this.turnClock.set(turn.now, turn.today)
      connectionOf(this.threadVault.dataSource).pragma(`wal_autocheckpoint = ${turn.walAutoCheckpoint}`)
      return await super.write(work, options)
    } finally {
      this.main.report({ type: 'write-done', id })
    }
  }
}
