import { statSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import { driverPath, workerProgram } from './workerThreads'
import type { WalCheckpointerReply, WalCheckpointerRequest, WalCheckpointerWorkerData } from './walCheckpointerProtocol'

/**
 * Copies the write-ahead log into the database file on a worker thread, through a second
 * connection opened with the same cipher and key, while a long batch (the retention sweep) writes
 * on the main connection with SQLite's automatic checkpoints switched off.
 *
 * Why: in a sweep that deletes, checkpoints are most of the work — each one re-encrypts the
 * changed pages into the database file and fsyncs twice. Measured on an encrypted 100,000-person
 * vault deleting 10,000 persons: the deletions alone take 2.5 s with checkpoints elsewhere and
 * 6.4 s with SQLite's automatic ones, whose larger rounds also block the event loop for 50-200 ms.
 * A PASSIVE checkpoint on another connection never waits for, and never blocks, the writer or
 * the readers (WAL mode), so here it costs the main thread nothing.
 *
 * Safety does not depend on it: the WAL is the durable copy until a checkpoint has copied it, a
 * checkpoint that dies half-way is redone from the WAL at the next open, and the caller ends every
 * batch with its own TRUNCATE checkpoint (R-15: deleted bytes must not linger in the WAL). When the
 * worker cannot start or fails, `start` returns null or `onFailure` fires, and the caller turns the
 * automatic checkpoints back on: slower, never wrong.
 *
 * The worker is a module of its own, `walCheckpointWorker.mts`, built as its own entry
 * (`out/main/walCheckpointWorker.js` beside the app and CLI bundles); under Vitest its TypeScript
 * source runs as it is (`checkpointWorkerFile`). It loads the SQLite driver by the absolute path the
 * main thread resolved. It never sees personal data, only pages, and its replies carry counts and
 * SQLite error codes only.
 */

type Reply = WalCheckpointerReply

export interface WalCheckpointerOptions {
  /** the database file */
  file: string
  /** the pragmas that open it (cipher and key: `keyPragmas` in cipher.ts), then any others */
  pragmas: string[]
  /** pause between two checkpoints (ms) */
  intervalMs?: number
  /** the longest pause while the WAL does not change (ms; default `intervalMs`: no slowing down) */
  idleIntervalMs?: number
  /** called once if the worker fails after it started (the caller re-enables automatic checkpoints) */
  onFailure?: () => void
  /** the worker's program; `checkpointWorkerFile()` when not given (tests pass the built one) */
  workerFile?: string
}

/** The checkpointer's program (see `workerProgram`): no checkpointer when it is missing. */
export function checkpointWorkerFile(dir: string = __dirname): string | null {
  return workerProgram('walCheckpointWorker', dir)
}

/** one WAL frame: a 4 KiB page and its 24-byte header */
const WAL_FRAME_BYTES = 4096 + 24

/** The WAL file's length in frames (0 when there is none). */
export function walFrames(databaseFile: string): number {
  return Math.floor((statSync(`${databaseFile}-wal`, { throwIfNoEntry: false })?.size ?? 0) / WAL_FRAME_BYTES)
}

const START_TIMEOUT_MS = 10_000
const CLOSE_TIMEOUT_MS = 60_000

export class WalCheckpointer {
  private failed = false
  private closing: Promise<boolean> | null = null
  private catchingUp: { done: Promise<void>; resolve: () => void } | null = null
  /** the WAL's length in frames when the worker last looked, and the file's size then */
  private walFrames = 0
  private walBytesSeen = 0

  private constructor(
    private readonly worker: Worker,
    private readonly walFile: string,
    private readonly onFailure: () => void
  ) {
    worker.on('message', (m: Reply) => {
      if (m.type === 'failed') this.fail()
      else if (m.type === 'progress') this.seen(m.log, m.walBytes)
      // Copied while the writer waited: its next transaction starts the WAL over.
      else if (m.type === 'caught-up') this.seen(m.log === m.checkpointed ? 0 : m.log, m.walBytes)
      if (m.type === 'caught-up' || m.type === 'failed') this.settleCatchUp()
    })
    worker.on('error', () => this.fail())
    worker.on('exit', () => {
      if (!this.closing) this.fail()
    })
  }

  /** A running checkpointer, or null when no second connection could be opened. */
  static async start(opts: WalCheckpointerOptions): Promise<WalCheckpointer | null> {
    const program = opts.workerFile ?? checkpointWorkerFile()
    if (!program) return null
    const intervalMs = opts.intervalMs ?? 10
    const workerData: WalCheckpointerWorkerData = { driver: driverPath(), file: opts.file, pragmas: opts.pragmas, intervalMs, idleIntervalMs: Math.max(intervalMs, opts.idleIntervalMs ?? intervalMs) }
    let worker: Worker
    try {
      worker = new Worker(program, {
        workerData,
        // Nothing of the parent's environment or streams is needed.
        env: {},
        stdout: true,
        stderr: true
      })
    } catch {
      return null
    }
    const ready = await new Promise<boolean>((resolve) => {
      const timeout = setTimeout(() => resolve(false), START_TIMEOUT_MS)
      const done = (ok: boolean) => {
        clearTimeout(timeout)
        worker.off('message', onMessage)
        worker.off('error', onError)
        resolve(ok)
      }
      const onMessage = (m: Reply) => done(m.type === 'ready')
      const onError = () => done(false)
      worker.on('message', onMessage)
      worker.on('error', onError)
    })
    if (!ready) {
      await worker.terminate().catch(() => undefined)
      return null
    }
    return new WalCheckpointer(worker, `${opts.file}-wal`, opts.onFailure ?? (() => undefined))
  }

  /**
   * When the WAL has grown past `maxFrames`, waits (without blocking the event loop) until the
   * worker has copied all of it. The writer must not write meanwhile: SQLite starts the WAL over
   * from its beginning only when a write transaction begins on a fully copied WAL, so a writer
   * that never pauses would grow the file without bound while the copies run behind it.
   */
  async catchUp(maxFrames: number): Promise<void> {
    if (this.failed || this.closing || this.framesNow() <= maxFrames) return
    await this.ask('catch-up')
  }

  /**
   * Has the worker copy all of the WAL and empty the file (a TRUNCATE checkpoint on its own
   * connection), waiting without blocking the event loop: the copy's encryption and syncs, and
   * the truncation of a WAL tens of MiB long (~20 ms measured), all off the main thread.
   */
  async empty(): Promise<void> {
    if (this.failed || this.closing) return
    if (this.catchingUp) await this.catchingUp.done
    await this.ask('empty')
  }

  private ask(request: 'catch-up' | 'empty'): Promise<void> {
    if (!this.catchingUp) {
      let resolve!: () => void
      const done = new Promise<void>((r) => (resolve = r))
      this.catchingUp = { done, resolve }
      this.send(request)
    }
    return this.catchingUp.done
  }

  private seen(frames: number, walBytes: number): void {
    this.walFrames = frames
    this.walBytesSeen = walBytes
  }

  /**
   * The WAL's length now: what the worker last reported, plus what the file has grown by since.
   * The worker's reports lag on a busy machine (its thread waits for a core, its messages for the
   * writer's next pause); the file's growth does not, so the bound holds under load too. A WAL
   * that started over does not grow until it passes its old size, so this never overcounts.
   */
  private framesNow(): number {
    const bytes = statSync(this.walFile, { throwIfNoEntry: false })?.size ?? 0
    return this.walFrames + Math.max(0, bytes - this.walBytesSeen) / WAL_FRAME_BYTES
  }

  private settleCatchUp(): void {
    const pending = this.catchingUp
    this.catchingUp = null
    pending?.resolve()
  }

  /** False once the worker has failed: the WAL is then no longer being copied. */
  get healthy(): boolean {
    return !this.failed
  }

  /**
   * Runs a last checkpoint (TRUNCATE: copies what is left and empties the WAL file), closes the
   * second connection and ends the thread. Resolves true when that checkpoint completed. Never
   * rejects; safe to call twice.
   */
  close(): Promise<boolean> {
    this.closing ??= new Promise<boolean>((resolve) => {
      if (this.failed) {
        void this.worker.terminate().then(
          () => resolve(false),
          () => resolve(false)
        )
        return
      }
      const timeout = setTimeout(() => {
        void this.worker.terminate().catch(() => undefined)
        resolve(false)
      }, CLOSE_TIMEOUT_MS)
      const finish = (ok: boolean) => {
        clearTimeout(timeout)
        resolve(ok)
      }
      this.worker.on('message', (m: Reply) => {
        if (m.type === 'closed') finish(m.last !== null && m.last.busy === 0 && m.last.log === m.last.checkpointed)
        else if (m.type === 'failed') finish(false)
      })
      this.worker.once('exit', () => finish(false))
      this.send('close')
    })
    return this.closing
  }

  /**
   * The pause between rounds from now on; null: the one it started with. A batch writes
   * thousands of pages a second and rewrites the same ones (index roots, the audit trail's last
   * page) in every transaction: rounds every 10 ms copied each of those again and synced the file
   * each time.
   */
  pace(intervalMs: number | null): void {
    if (!this.failed && !this.closing) this.send({ intervalMs })
  }

  private send(request: WalCheckpointerRequest): void {
    this.worker.postMessage(request)
  }

  private fail(): void {
    if (this.failed) return
    this.failed = true
    this.settleCatchUp()
    this.onFailure()
  }
}
