import { Worker } from 'node:worker_threads'
import type { IntegrityCheckReply, IntegrityCheckWorkerData } from './integrityCheckProtocol'
import { driverPath, workerProgram } from './workerThreads'

/**
 * The vault's integrity check at unlock, off the unlock path (issue 18 point 4).
 *
 * `PRAGMA quick_check` reads and authenticates every page and walks every b-tree: ~0.65 s at
 * 100,000 persons, ~10x that at a million, growing with the file. Run at unlock it made signing in
 * slower the bigger the vault. It now runs on a worker thread, on a second, read-only connection,
 * while the session starts; what keeps a damaged vault from being made worse:
 *
 * 1. **No write before the verdict.** The vault's own connection is `PRAGMA query_only` until the
 *    check says 'ok' (SQLite itself refuses every write statement meanwhile, whichever code path
 *    tries); writes through the workspace wait for the verdict instead of failing. A 'damaged'
 *    verdict keeps the connection read-only for the rest of the session and every write answers
 *    VAULT_DAMAGED: the files stay byte-for-byte as they were, as before.
 * 2. **Every read is authenticated.** ChaCha20-Poly1305 checks each page's tag when SQLite reads
 *    it (its one-time key is derived from the page number, so a page moved elsewhere fails too):
 *    a damaged page is never shown, it fails the read (VAULT_DAMAGED). Unaudited reads of sound
 *    pages go on while the check runs; searching and opening records are audited, so they wait
 *    for the verdict like any write (and are refused on a damaged vault).
 * 3. **Anything SQLite writes, it first reads.** Even without (1), a write that touched a damaged
 *    page would fail its read, before the page is changed, and roll back.
 *
 * When no worker can run (the program is missing, the thread fails to start, or the check itself
 * fails for another reason than damage), `inline` runs the same check on the vault's connection:
 * slower for the first write, never weaker.
 */

export type IntegrityVerdict = 'ok' | 'damaged'

export interface IntegrityCheckOptions {
  /** the database file */
  file: string
  /** the pragmas that open it (cipher and key: `keyPragmas` in cipher.ts) */
  pragmas: string[]
  /** the same check on the caller's own connection, for when no worker can do it */
  inline: () => IntegrityVerdict
  /** the worker's program; `workerProgram('integrityCheckWorker')` when not given */
  workerFile?: string | null
}

export class IntegrityCheck {
  private worker: Worker | null = null
  private settled: IntegrityVerdict | 'stopped' | null = null
  private settle: (v: IntegrityVerdict | 'stopped') => void = () => undefined
  /** Resolves once with the verdict ('stopped' when the vault closed first); never rejects. */
  readonly verdict: Promise<IntegrityVerdict | 'stopped'>

  private constructor(opts: IntegrityCheckOptions) {
    this.verdict = new Promise<IntegrityVerdict | 'stopped'>((resolve) => {
      const settle = (this.settle = (v: IntegrityVerdict | 'stopped'): void => {
        if (this.settled) return
        this.settled = v
        this.worker = null
        resolve(v)
      })
      const inline = (): void => {
        // Off the current tick: the caller's unlock finishes first either way.
        setImmediate(() => {
          if (this.settled) return
          let v: IntegrityVerdict
          try {
            v = opts.inline()
          } catch {
            v = 'damaged'
          }
          settle(v)
        })
      }
      const program = opts.workerFile === undefined ? workerProgram('integrityCheckWorker') : opts.workerFile
      if (!program) return inline()
      const workerData: IntegrityCheckWorkerData = { driver: driverPath(), file: opts.file, pragmas: opts.pragmas }
      let worker: Worker
      try {
        worker = new Worker(program, { workerData, env: {}, stdout: true, stderr: true })
      } catch {
        return inline()
      }
      this.worker = worker
      // A process (the CLI, a test) is not kept alive by the check alone; whoever needs the verdict awaits it.
      worker.unref()
      let replied = false
      worker.once('message', (m: IntegrityCheckReply) => {
        replied = true
        if (m.type === 'failed') inline()
        else settle(m.type)
      })
      worker.once('error', () => {
        if (!replied) inline()
      })
      worker.once('exit', () => {
        if (!replied) inline()
      })
    })
  }

  /** Starts the check; its verdict follows on `verdict`. */
  static start(opts: IntegrityCheckOptions): IntegrityCheck {
    return new IntegrityCheck(opts)
  }

  /** 'checking' until the verdict is in. */
  get state(): IntegrityVerdict | 'stopped' | 'checking' {
    return this.settled ?? 'checking'
  }

  /** Ends a check still running (the vault is closing): the verdict is 'stopped'. */
  stop(): void {
    const worker = this.worker
    this.settle('stopped')
    if (worker) void worker.terminate().catch(() => undefined)
  }
}
