/**
 * The messages between `WalCheckpointer` (main thread) and `walCheckpointWorker` (its thread).
 * Types only: the worker imports this file, and must not pull any runtime code of the app in.
 */

export interface WalState {
  /** frames in the WAL */
  log: number
  /** of which copied into the database file */
  checkpointed: number
  /** 1 when the checkpoint could not run to its end (another checkpoint, or a TRUNCATE kept waiting) */
  busy: number
  /** the WAL file's size in bytes right after that checkpoint (the writer's growth since is measured from it) */
  walBytes: number
}

export interface WalCheckpointerWorkerData {
  /** absolute path of the SQLite driver module the main thread loaded */
  driver: string
  /** the database file */
  file: string
  /** pragmas that open it (cipher and key first) */
  pragmas: string[]
  /** pause between two PASSIVE checkpoints (ms) */
  intervalMs: number
  /**
   * when a round finds the WAL as the last one left it, the pause doubles up to this (ms) and no
   * progress is reported; the next change brings it back to `intervalMs`
   */
  idleIntervalMs: number
}

/**
 * 'catch-up': one checkpoint now (the writer waits for it); 'close': a last TRUNCATE, then end;
 * `{ intervalMs }`: the pause between rounds from now on (null: back to the one it started with).
 */
export type WalCheckpointerRequest = 'catch-up' | 'empty' | 'close' | { intervalMs: number | null }

export type WalCheckpointerReply =
  | { type: 'ready' }
  | ({ type: 'progress' | 'caught-up' } & WalState)
  | { type: 'closed'; last: WalState | null }
  | { type: 'failed'; code: string }
