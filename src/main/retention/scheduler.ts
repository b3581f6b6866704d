import type { RetentionTrigger } from '../../shared/contract/retention'
import type { CalendarDate } from '../../shared/domain'
import { DossierError, isDossierError } from '../../shared/errors'
import type { Workspace } from '../workspace/Workspace'
import { sweepDue, type SweepOptions, type SweepResult } from './sweep'

/**
 * When the sweep runs (R-17: "on the first run on or after the due date, also when the
 * application was closed on that date"): a catch-up sweep right after every unlock, then
 * periodically (default hourly) while the vault stays unlocked; the date is the injected clock's
 * `today()`. Stops when the vault locks (the next tick sees it and stops the timer). Sweeps never
 * overlap: a manual run waits for a running one, a tick that finds one running is skipped.
 *
 * The system's own runs (trigger `unlock`, `scheduler`) have no actor; a privacy officer's run
 * (`manual`) carries their account id.
 */
export const DEFAULT_RETENTION_INTERVAL_MS = 60 * 60 * 1000

/** The one thing the scheduler must know of the session: whether the vault is still open. */
export interface VaultOpenState {
  isUnlocked(): boolean
}

export interface RetentionSchedulerOptions {
  intervalMs?: number
  /** told about a failed system run (code only, never personal data); the next tick retries */
  onError?: (error: unknown) => void
  /** how a run is done: `sweepDue` on the workspace unless given (the app runs it on a worker thread: services/sweepThread.ts) */
  runSweep?: (opts: SweepOptions) => Promise<SweepResult>
  /**
   * Where several processes share the data (the office server's desks): `work` while this process
   * holds the office's sweep lock; `wait` false: null at once when another holds it (that run is
   * skipped), true: after the other's run.
   */
  exclusive?: <T>(wait: boolean, work: () => Promise<T>) => Promise<T | null>
  /**
   * Where several processes share the data: this process's run tells the others how far it is
   * (`share`: at its start, after its transactions, null at its end), and a process that runs none
   * asks theirs (`read`).
   */
  progressAcrossDesks?: {
    share: (progress: { done: number; total: number } | null) => Promise<void>
    read: () => Promise<RetentionProgress | null>
  }
}

export interface RetentionProgress {
  running: boolean
  done: number
  total: number
}

type RunOptions = { asOf?: CalendarDate; trigger: RetentionTrigger; actorId?: string | null; confirmed?: { digest: string } }

export class RetentionScheduler {
  private queue: Promise<unknown> = Promise.resolve()
  private active = 0
  private timer: ReturnType<typeof setInterval> | null = null
  private readonly intervalMs: number
  /** the running sweep's progress (persons handled of those due), for the screen's progress bar */
  private current: { done: number; total: number } | null = null

  constructor(
    private readonly ws: Workspace,
    private readonly vaultState: VaultOpenState,
    private readonly options: RetentionSchedulerOptions = {}
  ) {
    this.intervalMs = options.intervalMs ?? DEFAULT_RETENTION_INTERVAL_MS
  }

  /** A sweep is running or waiting to run. */
  get busy(): boolean {
    return this.active > 0
  }

  get started(): boolean {
    return this.timer !== null
  }

  /** The running sweep: persons handled of those due (zeros while none runs or before its first commit). */
  get progress(): RetentionProgress {
    return { running: this.busy, done: this.current?.done ?? 0, total: this.current?.total ?? 0 }
  }

  /** This process's run, or (where desks share the data) another desk's that runs now. */
  async progressAnywhere(): Promise<RetentionProgress> {
    const own = this.progress
    if (own.running && own.total > 0) return own
    const elsewhere = await this.options.progressAcrossDesks?.read().catch(() => null)
    return elsewhere?.running ? elsewhere : own
  }

  /** Run a sweep after any running one finishes (never two at once, also across desks); `confirmed`: see SweepOptions. */
  async run(opts: RunOptions): Promise<SweepResult> {
    const result = await this.enqueue(opts, true)
    if (!result) throw new DossierError('INTERNAL', 'The sweep lock was not taken.')
    return result
  }

  /** `run`, or null when `wait` is false and another process holds the sweep (see `exclusive`). */
  private enqueue(opts: RunOptions, wait: boolean): Promise<SweepResult | null> {
    this.active++
    const next = this.queue
      .catch(() => undefined)
      .then(() => {
        this.current = { done: 0, total: 0 }
        const sweep = this.options.runSweep ?? ((o: SweepOptions) => sweepDue(this.ws, o))
        const exclusive = this.options.exclusive ?? (<T>(_wait: boolean, work: () => Promise<T>) => work())
        const shared = this.options.progressAcrossDesks
        return exclusive(wait, async () => {
          void shared?.share({ done: 0, total: 0 })
          try {
            return await sweep({
              asOf: opts.asOf ?? this.ws.clock.today(),
              trigger: opts.trigger,
              actorId: opts.actorId ?? null,
              ...(opts.confirmed ? { confirmed: opts.confirmed } : {}),
              onProgress: (p) => {
                this.current = p
                void shared?.share(p)
              }
            })
          } finally {
            await shared?.share(null)
          }
        })
      })
      .finally(() => {
        this.active--
        this.current = null
      })
    this.queue = next
    return next
  }

  /** The periodic run: skipped while a sweep runs; stops the timer once the vault is locked. */
  async tick(): Promise<SweepResult | null> {
    if (!this.vaultState.isUnlocked()) {
      this.stop()
      return null
    }
    if (this.busy) return null
    try {
      return await this.enqueue({ trigger: 'scheduler' }, false)
    } catch (e) {
      this.options.onError?.(e)
      return null
    }
  }

  /** The unlock hook: catch up on everything due while the app was closed, then run periodically. */
  async catchUp(): Promise<SweepResult | null> {
    this.start()
    try {
      return await this.enqueue({ trigger: 'unlock' }, false)
    } catch (e) {
      // Signing in must not fail because of a sweep; the next tick tries again. A damaged vault
      // is never written to (issue 18 point 4): the session says so itself, the sweep is not a failure.
      if (!(isDossierError(e) && e.code === 'VAULT_DAMAGED')) this.options.onError?.(e)
      return null
    }
  }

  start(): void {
    this.stop()
    this.timer = setInterval(() => void this.tick(), this.intervalMs)
    // The timer never keeps a process (the CLI, a test) alive on its own.
    this.timer.unref()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }
}
