import type { RetentionTrigger } from '../../shared/contract/retention'
import type { CalendarDate } from '../../shared/domain'
import { DossierError, type ErrorCode, type ErrorIssue, isDossierError } from '../../shared/errors'
import type { SweepResult } from '../retention/sweep'
import type { SecondWriterSetup } from '../vault/secondWriter'

/**
 * The messages between the main thread (services/sweepThread.ts) and the retention sweep's worker
 * thread (services/retentionSweepWorker.ts). Every request of the worker carries an id, answered
 * once. Nothing here carries personal data: ids of runs, counts, dates, error codes.
 */

/** What the worker starts with. */
export interface SweepWorkerData {
  writer: SecondWriterSetup
  /** the app's clock when the run starts (each write turn brings it again) */
  clock: { now: string; today: CalendarDate }
  sweep: {
    asOf: CalendarDate
    trigger: RetentionTrigger
    actorId: string | null
    confirmed?: { digest: string }
    sliceMs: number
    maxPerTransaction: number
  }
}

/** The worker's requests and reports. */
export type SweepWorkerMessage =
  /** a turn of the vault's write queue for one transaction */
  | { type: 'write-turn'; id: number; batch: boolean }
  /** the turn is over (committed or rolled back) */
  | { type: 'write-done'; id: number }
  /** the sweep's batch begins or ends (vault/batchDurability.ts, run by the main thread for the worker's connection) */
  | { type: 'batch'; id: number; phase: 'begin' | 'end' }
  /** empty the WAL, as `VaultPort.emptyWal` */
  | { type: 'empty-wal'; id: number }
  | { type: 'progress'; done: number; total: number }
  | { type: 'finished'; result: SweepResult }
  | { type: 'failed'; error: SweepWorkerError }

/** The main thread's answers. */
export type SweepMainMessage =
  /** the turn: the clock's instant and today as the main thread reads them, and the checkpoint bound for the connection */
  | { type: 'granted'; id: number; now: string; today: CalendarDate; walAutoCheckpoint: number }
  | { type: 'done'; id: number }
  | { type: 'refused'; id: number; error: SweepWorkerError }

/** An error as it crosses the thread: a DossierError's code, message and issues (fixed texts), else only INTERNAL. */
export interface SweepWorkerError {
  code: ErrorCode
  message: string
  issues: ErrorIssue[]
}

/** An error to send across: a driver's or library's message can quote values, so only a DossierError keeps its text. */
export function toWorkerError(e: unknown): SweepWorkerError {
  if (isDossierError(e)) return { code: e.code, message: e.message, issues: e.issues }
  return { code: 'INTERNAL', message: 'The retention run failed on its thread.', issues: [] }
}

export function fromWorkerError(e: SweepWorkerError): DossierError {
  return new DossierError(e.code, e.message, { issues: e.issues })
}
