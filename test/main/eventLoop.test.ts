import { readFile } from 'node:fs'
import { MessageChannel } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { yieldToEventLoop } from '../../src/main/eventLoop'

/** Busy-waits (blocks the thread) until a timer set now with delay 0 has certainly expired. */
function blockFor(ms: number): void {
  const end = performance.now() + ms
  while (performance.now() < end) {
    // spin
  }
}

/** After a slice of work and a yield, a timer that fell due during the slice has run. */
async function timerRanAfterYield(): Promise<boolean> {
  let ran = false
  setTimeout(() => (ran = true), 0)
  blockFor(5)
  await yieldToEventLoop()
  return ran
}

describe('yieldToEventLoop: the long work in the main process lets timers and messages in', () => {
  it('runs a due timer before it returns, when the work resumed in a worker-style message (poll phase)', async () => {
    const { port1, port2 } = new MessageChannel()
    const ran = await new Promise<boolean>((resolve) => {
      port2.once('message', () => void timerRanAfterYield().then(resolve))
      port1.postMessage('go')
    })
    port1.close()
    expect(ran).toBe(true)
  })

  it('runs a due timer before it returns, when the work resumed in a file read callback (poll phase)', async () => {
    const ran = await new Promise<boolean>((resolve) => readFile(__filename, () => void timerRanAfterYield().then(resolve)))
    expect(ran).toBe(true)
  })

  it('runs a due timer before it returns, when the work resumed in a timer or an immediate', async () => {
    expect(await new Promise<boolean>((resolve) => setTimeout(() => void timerRanAfterYield().then(resolve), 0))).toBe(true)
    expect(await new Promise<boolean>((resolve) => setImmediate(() => void timerRanAfterYield().then(resolve)))).toBe(true)
  })

  it('lets a message that arrived during the slice in before it returns', async () => {
    const { port1, port2 } = new MessageChannel()
    let received = false
    port2.on('message', () => (received = true))
    port1.postMessage('during the slice')
    blockFor(5)
    await yieldToEventLoop()
    port1.close()
    expect(received).toBe(true)
  })
})
