import { readlinkSync } from 'node:fs'
import { createRequire } from 'node:module'
import { setPriority } from 'node:os'
import { parentPort, workerData } from 'node:worker_threads'
import type Database from 'better-sqlite3-multiple-ciphers'
import type { IntegrityCheckReply, IntegrityCheckWorkerData } from './integrityCheckProtocol'

/**
 * The integrity check's worker thread (see `integrityCheck.ts` for why it exists). Its own build
 * entry (`out/main/integrityCheckWorker.js`, electron.vite.config.ts; `bench/.cache/` for the
 * bench); under Vitest Node runs this file itself (type stripping), so it uses erasable TypeScript
 * only and imports nothing of the app but types.
 *
 * It opens a read-only second connection to the vault's database with the cipher and key it is
 * given, runs `PRAGMA quick_check` (every page is read, so every page's Poly1305 tag is checked,
 * and the b-trees are walked), replies once and ends. It never reads a row's values into a reply.
 */

if (!parentPort) throw new Error('integrityCheckWorker runs only as a worker thread')
const port = parentPort
const data = workerData as IntegrityCheckWorkerData

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
const Driver = createRequire(data.driver)(data.driver) as typeof Database

const codeOf = (e: unknown): string => (e && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : 'ERROR')
/** SQLite's answers for a page that fails its tag or a broken structure. */
const DAMAGE = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_VTAB'])

function check(): IntegrityCheckReply {
  let db: Database.Database | null = null
  try {
    db = new Driver(data.file, { fileMustExist: true, readonly: true })
    for (const p of data.pragmas) db.pragma(p)
    const verdict = db.pragma('quick_check', { simple: true })
    return verdict === 'ok' ? { type: 'ok' } : { type: 'damaged' }
  } catch (e) {
    const code = codeOf(e)
    return DAMAGE.has(code) ? { type: 'damaged' } : { type: 'failed', code }
  } finally {
    try {
      db?.close()
    } catch {
      /* closing a connection that failed to open */
    }
  }
}

port.postMessage(check())
port.close()
