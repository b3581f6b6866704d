import { readlinkSync } from 'node:fs'
import { setPriority } from 'node:os'

/** The niceness of the vault's background threads: the main thread (nice 0) gets a CPU first. */
export const BACKGROUND_NICE = 10

/**
 * Called first thing in a background worker thread (the retention sweep; the WAL checkpointer and
 * the integrity check carry the same few lines, as they import nothing of the app): on Linux it
 * lowers this one thread's priority, so that on a desk with few cores the main thread's event loop
 * — the office's screens — is not kept waiting for a CPU while the thread works (issue 18 point 5).
 * Linux keeps a niceness per thread (`/proc/thread-self` names it). Elsewhere, or where that fails,
 * the thread keeps the process's priority: slower screens during a run, nothing else.
 */
export function yieldToMainThread(): void {
  if (process.platform !== 'linux') return
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop())
    if (Number.isInteger(tid) && tid > 0 && tid !== process.pid) setPriority(tid, BACKGROUND_NICE)
  } catch {
    // no /proc, or a sandbox that refuses: the thread keeps its priority
  }
}
