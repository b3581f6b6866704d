import { readlinkSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { setPriority } from 'node:os'
import { parentPort, workerData } from 'node:worker_threads'
import type Database from 'better-sqlite3-multiple-ciphers'
import type { WalCheckpointerReply, WalCheckpointerRequest, WalCheckpointerWorkerData, WalState } from './walCheckpointerProtocol'

/**
 * The WAL checkpointer's worker thread (see `walCheckpointer.ts` for why it exists). Its own build
 * entry (`out/main/walCheckpointWorker.js`, electron.vite.config.ts; `bench/.cache/` for the bench);
 * under Vitest Node runs this file itself (type stripping; `.mts` so Node loads it as an ES
 * module), so it uses erasable TypeScript only — no enums, namespaces or parameter properties —
 * and imports nothing of the app but types.
 *
 * It opens a second connection to the vault's database file with the pragmas it is given (cipher
 * and key), copies the WAL into the file with PASSIVE checkpoints every `intervalMs`, one at once
 * on 'catch-up', a TRUNCATE on 'empty', and a last TRUNCATE on 'close'. It never reads a row: it sees pages only, and its
 * replies carry counts and SQLite error codes, never a message (which could quote values).
 */

if (!parentPort) throw new Error('walCheckpointWorker runs only as a worker thread')
const port = parentPort
const data = workerData as WalCheckpointerWorkerData

// Background work: on Linux this thread yields the CPU to the main thread's event loop (nice 10;
// the same lines as vault/threadPriority.ts, which this file may not import).
if (process.platform === 'linux') {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop())
    if (Number.isInteger(tid) && tid > 0 && tid !== process.pid) setPriority(tid, 10)
  } catch {
    // no /proc, or a sandbox that refuses: the thread keeps its priority
  }
}

// The very SQLite driver the main thread uses, by the absolute path it resolved: a bundle of this
// file must not carry a copy of its own, and a native module is loaded once per path.
const Driver = createRequire(data.driver)(data.driver) as typeof Database

let db: Database.Database | null = null
let timer: NodeJS.Timeout | null = null
/** the last round's state, and the pause before the next round */
let last: WalState | null = null
let pause = data.intervalMs
/** the pause between rounds while the WAL changes: `intervalMs`, or a batch's longer one ('pace') */
let interval = data.intervalMs

const reply = (m: WalCheckpointerReply): void => port.postMessage(m)
const codeOf = (e: unknown): string => (e && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : 'ERROR')

function checkpoint(connection: Database.Database, mode: 'PASSIVE' | 'TRUNCATE' = 'PASSIVE'): WalState {
  const [r] = connection.pragma(`wal_checkpoint(${mode})`) as WalState[]
  const walBytes = statSync(`${data.file}-wal`, { throwIfNoEntry: false })?.size ?? 0
  return { log: r!.log, checkpointed: r!.checkpointed, busy: r!.busy, walBytes }
}

function loop(): void {
  timer = null
  if (!db) return
  try {
    const state = checkpoint(db)
    // An idle vault (a session between saves) is looked at less and less often, and the writer's
    // thread is not woken for a WAL that did not change.
    if (last && state.log === last.log && state.checkpointed === last.checkpointed && state.walBytes === last.walBytes) {
      pause = Math.min(pause * 2, Math.max(interval, data.idleIntervalMs))
    } else {
      pause = interval
      reply({ type: 'progress', ...state })
    }
    last = state
  } catch (e) {
    reply({ type: 'failed', code: codeOf(e) })
    return
  }
  timer = setTimeout(loop, pause)
}

function open(): void {
  try {
    db = new Driver(data.file, { fileMustExist: true })
    for (const p of data.pragmas) db.pragma(p)
    // Proves the key: a wrong one fails here, not at the first checkpoint.
    db.prepare('SELECT count(*) FROM sqlite_master').get()
    reply({ type: 'ready' })
    timer = setTimeout(loop, interval)
  } catch (e) {
    db?.close()
    db = null
    reply({ type: 'failed', code: codeOf(e) })
  }
}

function close(): void {
  if (timer) clearTimeout(timer)
  timer = null
  let last: WalState | null = null
  let failure: string | null = null
  if (db) {
    // The last round also empties the WAL file, so the caller's own TRUNCATE finds nothing to do.
    try {
      last = checkpoint(db, 'TRUNCATE')
    } catch (e) {
      failure = codeOf(e)
    }
    db.close()
    db = null
  }
  reply(failure ? { type: 'failed', code: failure } : { type: 'closed', last })
  port.close()
}

port.on('message', (m: WalCheckpointerRequest) => {
  if (typeof m === 'object') {
    // A batch's pace, or back to the session's: the next round comes after the new pause.
    interval = m.intervalMs ?? data.intervalMs
    pause = interval
    return
  }
  if (m === 'catch-up' || m === 'empty') {
    if (!db) return
    try {
      last = checkpoint(db, m === 'empty' ? 'TRUNCATE' : 'PASSIVE')
      pause = interval
      reply({ type: 'caught-up', ...last })
    } catch (e) {
      reply({ type: 'failed', code: codeOf(e) })
    }
  } else if (m === 'close') close()
})

open()
