import { Worker } from 'node:worker_threads'
import { DossierError, isDossierError } from '../../shared/errors'
import type { CalendarDate } from '../../shared/domain'
import { currentPolicy } from '../retention/policyStore'
import { checkDatesHold } from '../retention/retentionWalk'
import { sweepDue, type SweepOptions, type SweepResult } from '../retention/sweep'
import { portableQuery } from '../vault/portableQuery'
import { workerProgram } from '../vault/workerThreads'
import type { SweepMainMessage, SweepWorkerData, SweepWorkerMessage } from './sweepThreadProtocol'
import { fromWorkerError, toWorkerError } from './sweepThreadProtocol'
import type { LocalVault, VaultWorkspace } from './VaultWorkspace'

/**
 * Issue 18 point 5: the retention sweep on a worker thread (services/retentionSweepWorker.ts),
 * with a connection of its own. At a million persons the sweep in the main process blocked its
 * event loop for 43 ms at worst (the garbage collector's pauses over the sweep's objects, and
 * commits): on the thread, the main process only answers the sweep's requests.
 *
 * What the main thread keeps (threadWorkspace.ts has the thread's side):
 * - **one writer at a time.** Each of the thread's write transactions waits for a turn of the
 *   app's write queue (`VaultWorkspace.exclusively`) and holds it until its commit, so the app's
 *   saves and the sweep's transactions alternate, never overlap: the audit chain's head, the
 *   erasure ledger's order and SQLite's write lock are as with one connection. A save waits for at
 *   most one sweep transaction (a few ms), never for the whole run.
 * - **the clock.** A turn carries the app's clock (tests travel in time; the CLI's `--as-of`).
 * - **durability.** The batch (vault/batchDurability.ts) runs here for the thread's connection:
 *   the checkpointer thread copies its WAL, and its end empties the WAL. This connection
 *   keeps syncing its own saves meanwhile.
 * - **the key.** The vault waits for the thread to end before it closes (`holdKey`): a lock in the
 *   middle of a run refuses the thread's next turn, the thread rolls back what it had not committed
 *   and closes its connection, and only then does the vault let go of the key.
 *
 * Each person's actions stay one savepoint and each transaction commits whole, so a crash or kill
 * leaves every person before or after (the crash suite runs the built CLI: this path). Where no
 * thread can run (no built worker: Vitest on the sources), or the thread fails for a reason that
 * is not the vault's answer (INTERNAL), the sweep runs in the main process as before: slower for
 * the screens, never wrong; the run is idempotent.
 */
export interface SweepThreadOptions {
  /** the worker's program; `workerProgram('retentionSweepWorker')` when not given (tests pass the built one) */
  workerFile?: string | null
  /** told when the thread could not do the run and the main process did it (the cause's code only) */
  onFallback?: (code: string) => void
  /** a run with at most this many persons to look at runs in the main process (`FEW_TO_LOOK_AT`; tests of the thread pass -1) */
  inProcessUpTo?: number
}

/**
 * A thread costs its start: a second copy of the program to load and a connection to open (about
 * 0.4 s of CPU, measured at every sign-in of the built CLI, whose catch-up run found nothing due).
 * A run with this few persons to look at takes the main process a slice or two of 10 ms, yielding
 * in between as every in-process sweep does: it runs there.
 */
const FEW_TO_LOOK_AT = 64

/** Whether the run looks at no more than `most` persons: those due by `asOf` and those never dated, or everyone when the stored dates do not hold. */
async function fewToLookAt(host: VaultWorkspace, asOf: CalendarDate, most: number): Promise<boolean> {
  if (most < 0) return false
  const policy = await host.read(({ manager }) => currentPolicy(manager, host.clock))
  const due = (await checkDatesHold(host, policy.version)) ? 'WHERE "retentionCheckOn" IS NULL OR "retentionCheckOn" <= :asOf' : ''
  const rows = await host.read(({ manager }) => portableQuery(manager, `SELECT "id" FROM "person" ${due} LIMIT ${most + 1}`, { asOf }))
  return rows.length <= most
}

/**
 * The thread's transactions are longer than the main process's (10 ms, 64 persons): its commits
 * block no screen, only a save that arrives meanwhile waits for one (at most ~30 ms). Measured at
 * 100,000 persons, 10,000 due: 11 s instead of 14 s (each turn costs a round trip between the threads).
 */
const THREAD_SLICE_MS = 30
const THREAD_MAX_PER_TRANSACTION = 200

export async function sweepOffThread(host: VaultWorkspace & { readonly vault: LocalVault }, opts: SweepOptions, threadOpts: SweepThreadOptions = {}): Promise<SweepResult> {
  const file = threadOpts.workerFile !== undefined ? threadOpts.workerFile : workerProgram('retentionSweepWorker', __dirname)
  if (!file || (await fewToLookAt(host, opts.asOf, threadOpts.inProcessUpTo ?? FEW_TO_LOOK_AT))) return sweepDue(host, opts)
  const vault = host.vault // VAULT_LOCKED when there is none
  try {
    return await new SweepThread(host, vault, file, opts).result
  } catch (e) {
    if (isDossierError(e) && e.code !== 'INTERNAL') throw e
    threadOpts.onFallback?.(isDossierError(e) ? e.code : 'INTERNAL')
    return sweepDue(host, opts)
  }
}

class SweepThread {
  readonly result: Promise<SweepResult>
  private readonly worker: Worker
  private stopping = false
  /** the turn the thread holds: ends at its `write-done`, or when the thread ends */
  private readonly turns = new Map<number, () => void>()
  /** the batch the main thread runs for the thread, and how to end it */
  private batch: { end: () => void; done: Promise<unknown> } | null = null
  private readonly exited: Promise<void>

  constructor(
    private readonly host: VaultWorkspace,
    private readonly vault: LocalVault,
    file: string,
    private readonly opts: SweepOptions
  ) {
    const data: SweepWorkerData = {
      writer: vault.secondWriter(),
      clock: { now: host.clock.now().toISOString(), today: host.clock.today() },
      sweep: {
        asOf: opts.asOf,
        trigger: opts.trigger,
        actorId: opts.actorId ?? null,
        ...(opts.confirmed ? { confirmed: opts.confirmed } : {}),
        sliceMs: opts.sliceMs ?? THREAD_SLICE_MS,
        maxPerTransaction: opts.maxPerTransaction ?? THREAD_MAX_PER_TRANSACTION
      }
    }
    this.worker = new Worker(file, { workerData: data })
    data.writer.ledgerKey.fill(0) // the thread has its copy
    const unhold = vault.holdKey(() => this.stop())
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()))
    this.result = new Promise<SweepResult>((resolve, reject) => {
      this.worker.on('message', (m: SweepWorkerMessage) => {
        // The thread closed its connection before it said so: ending it now loses nothing.
        if (m.type === 'finished' || m.type === 'failed') void this.worker.terminate()
        if (m.type === 'finished') resolve(m.result)
        else if (m.type === 'failed') reject(fromWorkerError(m.error))
        else this.answer(m)
      })
      // An uncaught failure on the thread: its text may quote anything, so only the code goes on.
      this.worker.once('error', () => reject(new DossierError('INTERNAL', 'The retention thread failed.')))
      this.worker.once('exit', () => reject(new DossierError('INTERNAL', 'The retention thread ended early.')))
    }).finally(async () => {
      await this.exited
      this.endTurnsAndBatch()
      await this.batch?.done.catch(() => undefined)
      unhold()
    })
  }

  /** The vault is closing: no more turns; resolves once the thread has closed its connection and ended. */
  private async stop(): Promise<void> {
    this.stopping = true
    const ended = await Promise.race([this.exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), STOP_TIMEOUT_MS).unref())])
    if (!ended) await this.worker.terminate()
    this.endTurnsAndBatch()
    await this.batch?.done.catch(() => undefined)
  }

  private endTurnsAndBatch(): void {
    for (const end of this.turns.values()) end()
    this.turns.clear()
    this.batch?.end()
  }

  private post(message: SweepMainMessage): void {
    this.worker.postMessage(message)
  }

  private answer(m: SweepWorkerMessage): void {
    switch (m.type) {
      case 'progress':
        this.opts.onProgress?.({ done: m.done, total: m.total })
        return
      case 'write-done':
        this.turns.get(m.id)?.()
        this.turns.delete(m.id)
        return
      case 'write-turn':
        void this.giveTurn(m.id, m.batch)
        return
      case 'batch':
        void this.reply(m.id, () => (m.phase === 'begin' ? this.beginBatch() : this.endBatch()))
        return
      case 'empty-wal':
        void this.reply(m.id, () => this.vault.emptyWal())
        return
    }
  }

  private assertOpen(): void {
    if (this.stopping || !this.vault.isOpen) throw new DossierError('VAULT_LOCKED', 'The vault is locked.')
  }

  /** A turn of the write queue for one of the thread's transactions, held until its `write-done`. */
  private async giveTurn(id: number, inBatch: boolean): Promise<void> {
    try {
      this.assertOpen()
      await this.vault.whenWritable() // VAULT_DAMAGED: never written
      // In the queue first (its order is the turns' order: saves and the sweep alternate), then,
      // in the turn, the checkpointer catches up if the WAL grew long, and a transaction begun on
      // this connection outside the queue ends.
      await this.host.exclusively(async () => {
        this.assertOpen()
        await (inBatch ? this.vault.betweenBatchTransactions() : this.vault.waitUntilIdle())
        this.assertOpen()
        const over = new Promise<void>((resolve) => this.turns.set(id, resolve))
        this.post({ type: 'granted', id, now: this.host.clock.now().toISOString(), today: this.host.clock.today(), walAutoCheckpoint: this.vault.writerAutoCheckpoint() })
        await over
      })
    } catch (e) {
      if (!this.turns.has(id)) this.post({ type: 'refused', id, error: toWorkerError(e) })
    }
  }

  private async reply(id: number, work: () => Promise<void>): Promise<void> {
    try {
      this.assertOpen()
      await work()
      this.post({ type: 'done', id })
    } catch (e) {
      this.post({ type: 'refused', id, error: toWorkerError(e) })
    }
  }

  private async beginBatch(): Promise<void> {
    if (this.batch) return
    let end = () => {}
    const ended = new Promise<void>((resolve) => (end = resolve))
    this.batch = { end, done: this.vault.withForeignBatch(() => ended) }
  }

  private async endBatch(): Promise<void> {
    const batch = this.batch
    this.batch = null
    batch?.end()
    await batch?.done
  }
}

/** How long a closing vault waits for the thread's current transaction and its connection's close (ms). */
const STOP_TIMEOUT_MS = 30_000
