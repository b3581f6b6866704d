import type Database from 'better-sqlite3-multiple-ciphers'
import { yieldToEventLoop } from '../eventLoop'
import { waitForIdleConnection } from './idleConnection'
import { WalCheckpointer, walFrames } from './walCheckpointer'

/** SQLite's default: checkpoint automatically once the WAL holds this many pages. */
export const AUTO_CHECKPOINT_PAGES = 1000

/**
 * The WAL may grow to this many frames (4 KiB pages: 375 MiB) during a batch before the writer
 * waits for the checkpointer to catch up; the file then starts over from its beginning. At
 * 1,000,000 persons the checkpointer is the slower of the two (pages scattered over a 1.6 GB file),
 * and each catch-up copies what the rounds before it left; a longer WAL means fewer rounds that
 * copy the same hot pages again. Sweeping 100,000 at 1M: with 32 MiB the writer waited 25 s of a
 * 108 s run, with 128 MiB 17 s of 98 s, with 375 MiB 10 s of 81–91 s (14 catch-ups). The file is
 * transient: the batch ends with the WAL emptied and truncated.
 */
export const WAL_CATCH_UP_FRAMES = 96000

/** The WAL's length (frames) from which a batch hands its checkpoints to the worker thread. */
export const LAZY_START_FRAMES = AUTO_CHECKPOINT_PAGES / 2

/**
 * While a session's checkpointer runs (`startSession`), the main connection checkpoints by itself
 * only past this many WAL frames (16 MiB): a bound on the WAL for a worker that falls far behind,
 * never reached while it keeps up (it copies every few milliseconds).
 */
export const SESSION_AUTO_CHECKPOINT_PAGES = 4000

/**
 * The longest pause of the checkpointer between two rounds while the WAL does not change (ms): a
 * session between saves, a batch between its writes. Writing brings it back to every 10 ms.
 */
export const IDLE_INTERVAL_MS = 250

/**
 * The checkpointer's pause between rounds during a batch (ms; a session's is 10 ms). Measured at
 * 1,000,000 persons, sweeping 100,000: with rounds every 10 ms the checkpointer thread spent 99 s
 * of a 120 s run checkpointing — each round copies the pages rewritten since the last one (index
 * roots, the audit trail's last page, again and again) and syncs the database file — and kept a
 * core busy that the main thread then waited for. The WAL grows by a few thousand frames between
 * rounds, below `WAL_CATCH_UP_FRAMES`.
 */
export const BATCH_INTERVAL_MS = 100

/** How long `truncateWal` retries while another connection's checkpoint holds the WAL (ms). */
export const TRUNCATE_WAIT_MS = 5000

/**
 * Copies the whole WAL into the database file and empties it (TRUNCATE checkpoint), on `db`.
 * SQLite answers "busy" at once, without its busy handler, while another connection runs a
 * checkpoint — the checkpointer's worker, every few milliseconds while it runs — so this retries
 * until it has run to its end (R-15: deleted bytes must not stay in the WAL), for at most
 * `TRUNCATE_WAIT_MS`. Returns whether it completed. Blocks the thread while it waits: a worker's
 * round lasts milliseconds.
 *
 * Not while a transaction is open on `db` itself (a retention run between two of its persons, a
 * write awaiting the erasure ledger's sync): SQLite refuses ("database table is locked"), and
 * whoever holds it empties the WAL when it ends (the run's batch; the writer's own caller).
 * Returns false then, at once.
 */
export function truncateWal(db: Database.Database): boolean {
  if (db.inTransaction) return false
  const deadline = Date.now() + TRUNCATE_WAIT_MS
  for (;;) {
    const [r] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[]
    if (!r || r.busy === 0) return true
    if (Date.now() >= deadline) return false
    Atomics.wait(PAUSE, 0, 0, 2)
  }
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4))

export interface BatchTarget {
  /** the open main connection */
  db: () => Database.Database
  /** the database file, for the checkpointer's own connection */
  file: () => string
  /** pragmas that open the file (cipher and key; none for the bench's plain twin) */
  openPragmas: () => string[]
  isOpen: () => boolean
  /** TRUNCATE checkpoint on the main connection */
  checkpoint: () => void
  /** the WAL's bound during a batch, in frames (`WAL_CATCH_UP_FRAMES` unless given: tests write less) */
  catchUpFrames?: number
}

/**
 * How the vault runs a long, idempotent batch of writes (the retention sweep): commits skip the
 * per-transaction fsync (WAL + synchronous=NORMAL survives a process crash; a power cut can only
 * undo the last commits, which the next run redoes), and the WAL is copied into the database file
 * by a `WalCheckpointer` on a worker thread instead of by automatic checkpoints on the main
 * thread. The batch ends with a TRUNCATE checkpoint on the main connection, which syncs
 * everything and leaves the WAL empty, so deleted bytes do not linger in it.
 *
 * The worker starts only once the batch has written `LAZY_START_FRAMES` to the WAL (checked
 * between its transactions): a sweep with a few due records, the usual daily case and every
 * sign-in's catch-up, is not worth a thread and a second connection (about 0.1 s of CPU), and
 * SQLite's automatic checkpoints keep its WAL small until then. In a session whose checkpoints
 * are on the worker already (`startSession`), the batch uses that one.
 *
 * Nested or overlapping batches share the outer one's settings.
 */
export class BatchDurability {
  private depth = 0
  private checkpointer: WalCheckpointer | null = null
  /** whether `checkpointer` runs for the whole session (`startSession`) rather than for one batch */
  private sessionLong = false
  /** whether this batch has tried to start its worker (once per batch: a failed start is not retried) */
  private startTried = false

  constructor(private readonly target: BatchTarget) {}

  /**
   * Issue 18: hands every checkpoint of the session to the worker thread, not only a long batch's.
   * With SQLite's automatic checkpoints, one commit in ~25 intake saves ran the checkpoint on the
   * main connection, inside the save: ~1,000 pages decrypted from the WAL, encrypted into the
   * database file and two fsyncs (measured at 100,000 persons: such a save took ~29 ms encrypted
   * against ~18 ms plain, and they made the p95). The commit itself keeps its fsync
   * (`synchronous = FULL`): an acknowledged save is in the WAL on disk, and a checkpoint cut short
   * by a crash is redone from it at the next open, whichever connection ran it. The main
   * connection still checkpoints by itself past `SESSION_AUTO_CHECKPOINT_PAGES` (a worker far
   * behind), and again from 1,000 pages when the worker fails. False when no worker could start
   * (then nothing changes). Batches during the session use this worker.
   */
  async startSession(): Promise<boolean> {
    if (this.adoptForSession()) return true
    if (!this.target.isOpen()) return false
    const checkpointer = await this.startWorker()
    if (!checkpointer) return false
    // Meanwhile the vault may have closed, or a batch (the catch-up sweep at unlock) started its own.
    if (!this.target.isOpen() || this.adoptForSession()) {
      await checkpointer.close()
      return this.checkpointer !== null && this.sessionLong
    }
    if (this.checkpointer) await this.stopCheckpointer() // one that failed
    this.checkpointer = checkpointer
    this.sessionLong = true
    this.target.db().pragma(`wal_autocheckpoint = ${this.depth === 0 ? SESSION_AUTO_CHECKPOINT_PAGES : 0}`)
    return true
  }

  /** A running worker (a batch's) becomes the session's: it stays after the batch. */
  private adoptForSession(): boolean {
    if (!this.checkpointer?.healthy || !this.target.isOpen()) return false
    this.sessionLong = true
    if (this.depth === 0) this.target.db().pragma(`wal_autocheckpoint = ${SESSION_AUTO_CHECKPOINT_PAGES}`)
    return true
  }

  /**
   * Runs the batch. `foreign`: its writes go through another connection (the retention sweep's
   * worker thread, vault/secondWriter.ts), which sets its own durability; this connection keeps
   * `synchronous = FULL`, so a save made here while the batch runs is synced as always.
   */
  async run<T>(work: () => Promise<T>, opts: { foreign?: boolean } = {}): Promise<T> {
    if (this.depth++ > 0) {
      try {
        return await work()
      } finally {
        this.depth--
      }
    }
    const db = this.target.db()
    if (!opts.foreign) db.pragma('synchronous = NORMAL')
    this.startTried = false
    // The session's worker copies the batch's WAL too, at the batch's pace; the batch bounds it (`betweenTransactions`).
    if (this.checkpointer?.healthy) {
      db.pragma('wal_autocheckpoint = 0')
      this.checkpointer.pace(BATCH_INTERVAL_MS)
    }
    try {
      return await work()
    } finally {
      this.depth--
      this.checkpointer?.pace(null)
      const session = this.sessionLong && this.checkpointer?.healthy === true
      if (!session) await this.stopCheckpointer()
      if (this.target.isOpen()) {
        db.pragma(`wal_autocheckpoint = ${session ? SESSION_AUTO_CHECKPOINT_PAGES : AUTO_CHECKPOINT_PAGES}`)
        db.pragma('synchronous = FULL')
        // Also when the worker's last round emptied the WAL: a write that landed after it (an
        // IPC call while the worker closed) must not stay in the WAL either. Cheap when empty.
        await this.emptyWal()
      }
    }
  }

  /**
   * The `wal_autocheckpoint` a second connection should write with now: 0 during a batch whose WAL
   * the checkpointer thread copies (it keeps up; `betweenTransactions` bounds the WAL), else what
   * this connection uses itself.
   */
  writerAutoCheckpoint(): number {
    if (!this.checkpointer?.healthy) return AUTO_CHECKPOINT_PAGES
    return this.depth > 0 ? 0 : SESSION_AUTO_CHECKPOINT_PAGES
  }

  /**
   * Empties the WAL: the session's worker, when one runs, copies it into the database file
   * and truncates it; the main connection's own TRUNCATE checkpoint after it then finds nothing
   * left, or only what landed meanwhile. The copy (pages decrypted, encrypted, the file synced) and
   * the truncation happen off the main thread (issue 18: a sweep's closing checkpoint blocked the
   * event loop for 20-30 ms at 100,000 persons).
   */
  async emptyWal(): Promise<void> {
    if (this.checkpointer?.healthy) await this.checkpointer.empty()
    if (this.target.isOpen()) this.target.checkpoint()
  }

  /**
   * For the batch's writer, between two transactions: gives the event loop a turn (other work, and
   * the checkpointer's reports, get in), then lets the checkpointer catch up if the WAL has grown
   * past `WAL_CATCH_UP_FRAMES` (the event loop stays free while it waits), and resolves once no
   * transaction is open on the connection: the batch's next one must not begin inside someone
   * else's.
   */
  async betweenTransactions(): Promise<void> {
    await yieldToEventLoop()
    if (!this.checkpointer?.healthy && !this.startTried && this.depth > 0 && walFrames(this.target.file()) >= LAZY_START_FRAMES) await this.startCheckpointer()
    await this.checkpointer?.catchUp(this.target.catchUpFrames ?? WAL_CATCH_UP_FRAMES)
    await waitForIdleConnection(this.target.db())
  }

  private async startCheckpointer(): Promise<void> {
    this.startTried = true
    if (this.checkpointer && !this.checkpointer.healthy) await this.stopCheckpointer() // the session's, failed
    const checkpointer = await this.startWorker()
    if (checkpointer && this.target.isOpen() && this.depth > 0 && !this.checkpointer) {
      this.checkpointer = checkpointer
      this.sessionLong = false
      this.target.db().pragma('wal_autocheckpoint = 0')
      checkpointer.pace(BATCH_INTERVAL_MS)
    } else await checkpointer?.close()
  }

  private startWorker(): Promise<WalCheckpointer | null> {
    return WalCheckpointer.start({
      file: this.target.file(),
      pragmas: [...this.target.openPragmas(), 'synchronous = FULL', 'busy_timeout = 5000'],
      idleIntervalMs: IDLE_INTERVAL_MS,
      onFailure: () => this.resumeAutomaticCheckpoints()
    })
  }

  /** Ends the worker (its last checkpoint included); also for closing the vault in the middle of a batch. */
  async stopCheckpointer(): Promise<void> {
    const checkpointer = this.checkpointer
    this.checkpointer = null
    this.sessionLong = false
    if (checkpointer) await checkpointer.close()
  }

  private resumeAutomaticCheckpoints(): void {
    if (this.target.isOpen()) this.target.db().pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`)
  }
}
