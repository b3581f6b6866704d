/**
 * The messages between `IntegrityCheck` (main thread) and `integrityCheckWorker` (its thread).
 * Types only: the worker imports this file, and must not pull any runtime code of the app in.
 */

export interface IntegrityCheckWorkerData {
  /** absolute path of the SQLite driver module the main thread loaded */
  driver: string
  /** the database file */
  file: string
  /** pragmas that open it (cipher and key) */
  pragmas: string[]
}

/**
 * 'ok': every page authenticated and the b-trees hold together; 'damaged': a page failed its
 * Poly1305 tag or the structure is broken; 'failed': the check itself could not run (its SQLite
 * error code only — never a message, which could quote values).
 */
export type IntegrityCheckReply = { type: 'ok' } | { type: 'damaged' } | { type: 'failed'; code: string }
