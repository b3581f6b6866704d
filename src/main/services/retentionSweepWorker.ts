import 'reflect-metadata'
import { parentPort, workerData } from 'node:worker_threads'
import { sweepDue } from '../retention/sweep'
import { openSecondWriter } from '../vault/secondWriter'
import { yieldToMainThread } from '../vault/threadPriority'
import type { SweepMainMessage, SweepWorkerData, SweepWorkerMessage } from './sweepThreadProtocol'
import { toWorkerError } from './sweepThreadProtocol'
import { type MainThread, ThreadVault, ThreadWorkspace, TurnClock } from './threadWorkspace'

/**
 * The retention sweep's worker thread (issue 18 point 5): runs `sweepDue` on a connection of its
 * own, so the sweep's work — reading facts, deciding, deleting, committing, and the garbage
 * collection all that leaves behind — happens off the main thread, whose event loop stays free for
 * the office's screens. services/sweepThread.ts starts it and answers its requests; see
 * threadWorkspace.ts for what stays with the main thread. Its own build entry
 * (`out/main/retentionSweepWorker.js`, electron.vite.config.ts; `bench/.cache/` for the bench).
 *
 * It closes its connection before it reports the end (`finished` or `failed`); its messages carry
 * counts, dates, ids and error codes, never personal data.
 */
if (!parentPort) throw new Error('retentionSweepWorker runs only as a worker thread')
const port = parentPort
yieldToMainThread()
const received = workerData as SweepWorkerData
// A Buffer crosses the thread as a plain Uint8Array: the same bytes, seen as a Buffer again.
const key = received.writer.ledgerKey
const data: SweepWorkerData = { ...received, writer: { ...received.writer, ledgerKey: Buffer.from(key.buffer, key.byteOffset, key.byteLength) } }

const waiting = new Map<number, (answer: SweepMainMessage) => void>()
let lastId = 0
const main: MainThread = {
  request: (message) =>
    new Promise((resolve) => {
      waiting.set(message.id, resolve)
      port.postMessage(message satisfies SweepWorkerMessage)
    }),
  report: (message) => port.postMessage(message satisfies SweepWorkerMessage),
  nextId: () => ++lastId
}
port.on('message', (answer: SweepMainMessage) => {
  const resolve = waiting.get(answer.id)
  waiting.delete(answer.id)
  resolve?.(answer)
})

async function run(): Promise<SweepWorkerMessage> {
  let vault: ThreadVault | null = null
  try {
    vault = new ThreadVault(await openSecondWriter(data.writer), data.writer, main)
    const ws = new ThreadWorkspace(new TurnClock(data.clock.now, data.clock.today), vault, main)
    const result = await sweepDue(ws, { ...data.sweep, onProgress: (p) => main.report({ type: 'progress', ...p }) })
    return { type: 'finished', result }
  } catch (e) {
    return { type: 'failed', error: toWorkerError(e) }
  } finally {
    await vault?.close().catch(() => undefined)
    data.writer.ledgerKey.fill(0)
  }
}

void run().then((end) => {
  port.postMessage(end)
  port.removeAllListeners('message')
  port.unref()
})
