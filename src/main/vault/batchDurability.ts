import type Database from 'better-sqlite3-multiple-ciphers'
import { yieldToEventLoop } from '../eventLoop'
import { WalCheckpointer, walFrames } from './walCheckpointer'

/** SQLite's default: checkpoint automatically once the WAL holds this many pages. */
export const AUTO_CHECKPOINT_PAGES = 1000

/**
 * The WAL may grow to this many frames (4 KiB pages: 32 MiB) during a batch before the writer
 * waits for the checkpointer to catch up; the file then starts over from its beginning.
 */
export const WAL_CATCH_UP_FRAMES = 8000

/** The WAL's length (frames) from which a batch hands its checkpoints to the worker thread. */
export const LAZY_START_FRAMES = AUTO_CHECKPOINT_PAGES / 2

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
 * SQLite's automatic checkpoints keep its WAL small until then.
 *
 * Nested or overlapping batches share the outer one's settings.
 */
export class BatchDurability {
  private depth = 0
  private checkpointer: WalCheckpointer | null = null
  /** whether this batch has tried to start its worker (once per batch: a failed start is not retried) */
  private startTried = false

  constructor(private readonly target: BatchTarget) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.depth++ > 0) {
      try {
        return await work()
      } finally {
        this.depth--
      }
    }
    const db = this.target.db()
    db.pragma('synchronous = NORMAL')
    this.startTried = false
    try {
      return await work()
    } finally {
      this.depth--
      await this.stopCheckpointer()
      if (this.target.isOpen()) {
        db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`)
        db.pragma('synchronous = FULL')
        // Also when the worker's last round emptied the WAL: a write that landed after it (an
        // IPC call while the worker closed) must not stay in the WAL either. Cheap when empty.
        this.target.checkpoint()
      }
    }
  }

  /**
   * For the batch's writer, between two transactions: gives the event loop a turn (other work, and
   * the checkpointer's reports, get in), then lets the checkpointer catch up if the WAL has grown
   * past `WAL_CATCH_UP_FRAMES` (the event loop stays free while it waits).
   */
  async betweenTransactions(): Promise<void> {
    await yieldToEventLoop()
    if (!this.checkpointer && !this.startTried && this.depth > 0 && walFrames(this.target.file()) >= LAZY_START_FRAMES) await this.startCheckpointer()
    await this.checkpointer?.catchUp(WAL_CATCH_UP_FRAMES)
  }

  private async startCheckpointer(): Promise<void> {
    this.startTried = true
    const checkpointer = await WalCheckpointer.start({
      file: this.target.file(),
      pragmas: [...this.target.openPragmas(), 'synchronous = FULL', 'busy_timeout = 5000'],
      onFailure: () => this.resumeAutomaticCheckpoints()
    })
    if (checkpointer && this.target.isOpen() && this.depth > 0) {
      this.checkpointer = checkpointer
      this.target.db().pragma('wal_autocheckpoint = 0')
    } else await checkpointer?.close()
  }

  /** Ends the worker (its last checkpoint included); also for closing the vault in the middle of a batch. */
  async stopCheckpointer(): Promise<void> {
    const checkpointer = this.checkpointer
    this.checkpointer = null
    if (checkpointer) await checkpointer.close()
  }

  private resumeAutomaticCheckpoints(): void {
    if (this.target.isOpen()) this.target.db().pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`)
  }
}
