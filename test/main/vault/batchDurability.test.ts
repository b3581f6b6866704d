import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { afterEach, describe, expect, it } from 'vitest'
import { AUTO_CHECKPOINT_PAGES, BatchDurability, LAZY_START_FRAMES, SESSION_AUTO_CHECKPOINT_PAGES, WAL_CATCH_UP_FRAMES, truncateWal } from '../../../src/main/vault/batchDurability'
import { keyPragmas } from '../../../src/main/vault/cipher'
import { BACKGROUND_NICE } from '../../../src/main/vault/threadPriority'
import { checkpointWorkerFile, WalCheckpointer } from '../../../src/main/vault/walCheckpointer'
import { encryptedDatabase } from '../../support/encryptedDatabase'

/**
 * The long-batch mode of the vault (the retention sweep's): once the batch has written enough, the
 * WAL is copied into the database file by a second connection on a worker thread, the main
 * connection's automatic checkpoints are off meanwhile, and the batch ends with an empty WAL and the normal settings back. On a
 * real encrypted database file (ChaCha20, random key), as the vault opens it.
 */

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

function encryptedDb() {
  const { db, file, key, cleanup } = encryptedDatabase('dossier-batch-')
  cleanups.push(cleanup)
  return { db, file, key }
}

/** The WAL's bound in these tests: 32 MiB (the vault's own, `WAL_CATCH_UP_FRAMES`, is larger), so they write less. */
const CATCH_UP = Math.min(8000, WAL_CATCH_UP_FRAMES)

function batchFor(t: { db: Database.Database; file: string }, pragmas: string[]) {
  return new BatchDurability({
    db: () => t.db,
    file: () => t.file,
    openPragmas: () => pragmas,
    isOpen: () => t.db.open,
    // As Vault.checkpoint: a TRUNCATE that waits out the worker's round.
    checkpoint: () => truncateWal(t.db),
    catchUpFrames: CATCH_UP
  })
}

/** `rows` rows of ~3 KiB (one page each), in transactions of 50. */
function writePages(db: Database.Database, rows: number): void {
  const insert = db.prepare('INSERT INTO page_filler (body) VALUES (randomblob(3000))')
  const tx = db.transaction((n: number) => {
    for (let i = 0; i < n; i++) insert.run()
  })
  for (let done = 0; done < rows; done += 50) tx(Math.min(50, rows - done))
}

const walSize = (file: string) => (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0)

async function until(condition: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not reached in time')
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('a long batch of writes (BatchDurability)', () => {
  it('copies the WAL into the database file from another thread while the batch writes, then empties it', async () => {
    const t = encryptedDb()
    const batch = batchFor(t, keyPragmas(t.key))
    const sizeBefore = statSync(t.file).size
    await batch.run(async () => {
      // Commits skip the fsync.
      expect(t.db.pragma('synchronous', { simple: true })).toBe(1)
      writePages(t.db, LAZY_START_FRAMES + 100)
      // Past LAZY_START_FRAMES, the pause between two transactions starts the worker: the main
      // connection no longer checkpoints by itself...
      await batch.betweenTransactions()
      expect(t.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0)
      writePages(t.db, 600 - LAZY_START_FRAMES - 100)
      // ...yet the database file grows: the worker's checkpoints copy the pages over.
      await until(() => statSync(t.file).size > sizeBefore + 500 * 4096)
    })
    expect(walSize(t.file)).toBe(0)
    expect(t.db.pragma('wal_autocheckpoint', { simple: true })).toBe(AUTO_CHECKPOINT_PAGES)
    expect(t.db.pragma('synchronous', { simple: true })).toBe(2)
    expect((t.db.prepare('SELECT count(*) AS n FROM page_filler').get() as { n: number }).n).toBe(600)
  })

  it('keeps the WAL bounded when the writer lets the checkpointer catch up between transactions', async () => {
    const t = encryptedDb()
    const batch = batchFor(t, keyPragmas(t.key))
    let largest = 0
    await batch.run(async () => {
      // 4x the catch-up threshold in pages, with a pause point after every 250 rows.
      for (let i = 0; i < (4 * CATCH_UP) / 250; i++) {
        writePages(t.db, 250)
        largest = Math.max(largest, walSize(t.file))
        await batch.betweenTransactions()
      }
    })
    // Without the catch-ups the WAL would hold every page written (~130 MB); with them it stays
    // near the threshold (plus what is written before the worker's next report arrives).
    expect(largest).toBeLessThan(3 * CATCH_UP * 4120)
    expect(walSize(t.file)).toBe(0)
    expect((t.db.prepare('SELECT count(*) AS n FROM page_filler').get() as { n: number }).n).toBe(4 * CATCH_UP)
  })

  it('starts no worker for a small batch: automatic checkpoints do, and the WAL ends empty', async () => {
    const t = encryptedDb()
    const batch = batchFor(t, keyPragmas(t.key))
    await batch.run(async () => {
      writePages(t.db, 50)
      await batch.betweenTransactions()
      writePages(t.db, 50)
      await batch.betweenTransactions()
      expect((batch as unknown as { checkpointer: unknown }).checkpointer).toBeNull()
      expect(t.db.pragma('wal_autocheckpoint', { simple: true })).toBe(AUTO_CHECKPOINT_PAGES)
    })
    expect(walSize(t.file)).toBe(0)
    expect((t.db.prepare('SELECT count(*) AS n FROM page_filler').get() as { n: number }).n).toBe(100)
  })

  it('falls back to automatic checkpoints when the second connection cannot open the database', async () => {
    const t = encryptedDb()
    const batch = batchFor(t, keyPragmas(randomBytes(32))) // not this database's key
    await batch.run(async () => {
      writePages(t.db, LAZY_START_FRAMES + 100)
      await batch.betweenTransactions()
      expect(t.db.pragma('wal_autocheckpoint', { simple: true })).toBe(AUTO_CHECKPOINT_PAGES)
      writePages(t.db, 200)
    })
    expect(walSize(t.file)).toBe(0)
    expect((t.db.prepare('SELECT count(*) AS n FROM page_filler').get() as { n: number }).n).toBe(LAZY_START_FRAMES + 300)
  })
})

/** The worker as electron-vite builds it (`npm run build`), beside the app and CLI bundles. */
const BUILT_WORKER = join(__dirname, '../../../out/main/walCheckpointWorker.js')

describe('the WAL checkpointer', () => {
  it('runs its worker from the TypeScript source under Vitest', () => {
    expect(checkpointWorkerFile(join(__dirname, '../../../src/main/vault'))).toMatch(/walCheckpointWorker\.mts$/)
  })

  it.skipIf(!existsSync(BUILT_WORKER))('the built worker copies the WAL and empties it at close, as the source does', async () => {
    const t = encryptedDb()
    t.db.pragma('wal_autocheckpoint = 0')
    const checkpointer = await WalCheckpointer.start({ file: t.file, pragmas: keyPragmas(t.key), workerFile: BUILT_WORKER })
    expect(checkpointer?.healthy).toBe(true)
    writePages(t.db, 300)
    await checkpointer!.catchUp(0)
    expect(await checkpointer!.close()).toBe(true)
    expect(walSize(t.file)).toBe(0)
    expect((t.db.prepare('SELECT count(*) AS n FROM page_filler').get() as { n: number }).n).toBe(300)
  })

  it.runIf(process.platform === 'linux')("gives the main thread's event loop the CPU first: its thread runs at nice 10, the main thread stays at 0", async () => {
    const t = encryptedDb()
    const before = threadNiceness()
    const checkpointer = await WalCheckpointer.start({ file: t.file, pragmas: keyPragmas(t.key) })
    expect(checkpointer?.healthy).toBe(true)
    const during = threadNiceness()
    const started = [...during].filter(([tid]) => !before.has(tid)).map(([, nice]) => nice)
    expect(started).toContain(BACKGROUND_NICE)
    expect(during.get(process.pid)).toBe(0)
    expect(await checkpointer!.close()).toBe(true)
  })

  it('refuses to start without the right key', async () => {
    const t = encryptedDb()
    expect(await WalCheckpointer.start({ file: t.file, pragmas: keyPragmas(randomBytes(32)) })).toBeNull()
  })

  it('reports a worker that died, so the writer can turn automatic checkpoints back on', async () => {
    const t = encryptedDb()
    let failures = 0
    const checkpointer = await WalCheckpointer.start({ file: t.file, pragmas: keyPragmas(t.key), onFailure: () => failures++ })
    expect(checkpointer?.healthy).toBe(true)
    // Fault injection: the thread ends without being asked to.
    await (checkpointer as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate()
    await until(() => failures > 0)
    expect(checkpointer?.healthy).toBe(false)
    expect(failures).toBe(1)
    // Closing it afterwards is harmless and says the WAL was not emptied.
    expect(await checkpointer?.close()).toBe(false)
  })
})

describe("a session's checkpoints on the worker thread (issue 18)", () => {
  it('leaves the commits on the main connection without checkpoints: the worker copies the WAL while they go on', async () => {
    const t = encryptedDb()
    const batch = batchFor(t, keyPragmas(t.key))
    expect(await batch.startSession()).toBe(true)
    // The main connection checkpoints by itself only for a worker far behind.
    expect(t.db.pragma('wal_autocheckpoint', { simple: true })).toBe(SESSION_AUTO_CHECKPOINT_PAGES)
    const sizeBefore = statSync(t.file).size
    // More than SQLite's automatic checkpoint would have let grow (1,000 pages), in small commits
    // with the durable commit kept (synchronous = FULL), with the event loop free between them.
    expect(t.db.pragma('synchronous', { simple: true })).toBe(2)
    for (let i = 0; i < 30; i++) {
      writePages(t.db, 50)
      await new Promise((r) => setTimeout(r, 5))
    }
    await until(() => statSync(t.file).size > sizeBefore + 1400 * 4096)
    expect(t.db.pragma('wal_autocheckpoint', { simple: true })).toBe(SESSION_AUTO_CHECKPOINT_PAGES)
    await batch.stopCheckpointer()
    expect(walSize(t.file)).toBe(0)
    expect((t.db.prepare('SELECT count(*) AS n FROM page_filler').get() as { n: number }).n).toBe(1500)
  })

  it('lends its worker to a batch and keeps it after the batch, which still ends with an empty WAL (R-15)', async () => {
    const t = encryptedDb()
    const batch = batchFor(t, keyPragmas(t.key))
    expect(await batch.startSession()).toBe(true)
    const worker = (batch as unknown as { checkpointer: unknown }).checkpointer
    await batch.run(async () => {
      expect(t.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0)
      writePages(t.db, LAZY_START_FRAMES + 100)
      await batch.betweenTransactions()
      expect((batch as unknown as { checkpointer: unknown }).checkpointer).toBe(worker)
    })
    expect(walSize(t.file)).toBe(0)
    expect(t.db.pragma('synchronous', { simple: true })).toBe(2)
    expect(t.db.pragma('wal_autocheckpoint', { simple: true })).toBe(SESSION_AUTO_CHECKPOINT_PAGES)
    expect((batch as unknown as { checkpointer: WalCheckpointer }).checkpointer).toBe(worker)
    expect((worker as WalCheckpointer).healthy).toBe(true)
    await batch.stopCheckpointer()
  })

  it("takes over a batch's worker when the session's starts during the batch (the catch-up sweep at unlock)", async () => {
    const t = encryptedDb()
    const batch = batchFor(t, keyPragmas(t.key))
    await batch.run(async () => {
      writePages(t.db, LAZY_START_FRAMES + 100)
      await batch.betweenTransactions()
      expect(await batch.startSession()).toBe(true)
      expect(t.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0)
    })
    expect(walSize(t.file)).toBe(0)
    expect((batch as unknown as { checkpointer: WalCheckpointer | null }).checkpointer?.healthy).toBe(true)
    expect(t.db.pragma('wal_autocheckpoint', { simple: true })).toBe(SESSION_AUTO_CHECKPOINT_PAGES)
    await batch.stopCheckpointer()
  })

  it('turns automatic checkpoints back on when the worker fails, and starts none without the key', async () => {
    const t = encryptedDb()
    const batch = batchFor(t, keyPragmas(t.key))
    expect(await batch.startSession()).toBe(true)
    const worker = (batch as unknown as { checkpointer: { worker: { terminate(): Promise<number> } } }).checkpointer
    await worker.worker.terminate()
    await until(() => t.db.pragma('wal_autocheckpoint', { simple: true }) === AUTO_CHECKPOINT_PAGES)
    await batch.stopCheckpointer()
    const other = encryptedDb()
    const refused = batchFor(other, keyPragmas(randomBytes(32)))
    expect(await refused.startSession()).toBe(false)
    expect(other.db.pragma('wal_autocheckpoint', { simple: true })).toBe(AUTO_CHECKPOINT_PAGES)
  })

  it('empties the WAL (TRUNCATE) even when it first finds another connection checkpointing', () => {
    let calls = 0
    const busyTwice = { pragma: () => [{ busy: ++calls <= 2 ? 1 : 0 }] } as unknown as Database.Database
    expect(truncateWal(busyTwice)).toBe(true)
    expect(calls).toBe(3)
  })
})

/** Each thread of this process by id, with its niceness (Linux: /proc/self/task/<tid>/stat, field 19). */
function threadNiceness(): Map<number, number> {
  const threads = new Map<number, number>()
  for (const tid of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
    // The fields after the command name, which is in parentheses: state is field 3, nice field 19.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    threads.set(Number(tid), Number(fields[16]))
  }
  return threads
}
