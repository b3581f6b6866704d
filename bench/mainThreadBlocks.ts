import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'

/**
 * The main thread's event-loop blocks, measured finely, and what they were made of, on Linux: a
 * 1 ms timer notes the time between its ticks and reads the thread's own scheduler statistics
 * (`/proc/thread-self/schedstat`: time run on a CPU, time waited for one) at every tick.
 *
 * Why beside `monitorEventLoopDelay`: that histogram records the whole interval between two ticks
 * of its own timer (5 ms in heavy.ts), so a block shows there as itself plus up to one timer
 * period (a 30 ms busy loop read 31.8 ms; up to 35 ms by the timer's phase). The longest gap between two 1 ms ticks overstates a
 * block by at most ~1 ms. For the longest gap it says whose time it was: the thread's own work
 * (garbage collection included), its wait for a CPU (the sweep's, the checkpointer's threads, or
 * the machine's other load on a 2-vCPU VM), and time it was neither (asleep in the kernel: a page
 * fault, or the VM's CPU not running at all). Null where the file does not exist (not Linux).
 */
export interface MainThreadBlocks {
  /** the longest time between two ticks of the 1 ms timer (ms): the longest event-loop block, +≤1 ms */
  longestGapMs: number
  /** of that gap: the main thread's own work (ms) */
  gapOwnWorkMs: number
  /** of that gap: the main thread's wait for a CPU (ms) */
  gapCpuWaitMs: number
  /** gaps of 16 ms or more (one frame at 60 Hz) */
  gapsOverFrame: number
  /** the longest own work between two ticks, any gap (ms) */
  ownWorkMaxMs: number
  /** the longest wait for a CPU between two ticks, any gap (ms) */
  cpuWaitMaxMs: number
}

const SCHEDSTAT = '/proc/thread-self/schedstat'
const FRAME_MS = 16

export function watchMainThread(): { stop(): MainThreadBlocks | null } {
  const read = (): [number, number] | null => {
    try {
      const [run, wait] = readFileSync(SCHEDSTAT, 'utf8').split(' ').map(Number)
      return [run!, wait!]
    } catch {
      return null
    }
  }
  let last = read()
  if (!last) return { stop: () => null }
  let lastAt = performance.now()
  const out: MainThreadBlocks = { longestGapMs: 0, gapOwnWorkMs: 0, gapCpuWaitMs: 0, gapsOverFrame: 0, ownWorkMaxMs: 0, cpuWaitMaxMs: 0 }
  const tick = (): void => {
    const now = read()
    const at = performance.now()
    if (!now || !last) return
    const gap = at - lastAt
    const work = (now[0] - last[0]) / 1e6
    const wait = (now[1] - last[1]) / 1e6
    if (gap > out.longestGapMs) Object.assign(out, { longestGapMs: gap, gapOwnWorkMs: work, gapCpuWaitMs: wait })
    if (gap >= FRAME_MS) out.gapsOverFrame++
    out.ownWorkMaxMs = Math.max(out.ownWorkMaxMs, work)
    out.cpuWaitMaxMs = Math.max(out.cpuWaitMaxMs, wait)
    last = now
    lastAt = at
  }
  const timer = setInterval(tick, 1)
  const r1 = (n: number): number => Math.round(n * 10) / 10
  return {
    stop: () => {
      clearInterval(timer)
      tick()
      return {
        longestGapMs: r1(out.longestGapMs),
        gapOwnWorkMs: r1(out.gapOwnWorkMs),
        gapCpuWaitMs: r1(out.gapCpuWaitMs),
        gapsOverFrame: out.gapsOverFrame,
        ownWorkMaxMs: r1(out.ownWorkMaxMs),
        cpuWaitMaxMs: r1(out.cpuWaitMaxMs)
      }
    }
  }
}

/**
 * The machine's own floor for the same measure: a second process that does nothing but tick every
 * millisecond, at the same priority as the app's main thread, while the sweep runs. Its longest
 * gap is what this machine does to a thread that has no work at all (its kernel not preempting a
 * thread in a system call, the hypervisor not running the VM's CPU); where it equals the main
 * thread's, the main thread's block is the machine's, not the app's.
 */
export async function startBystander(): Promise<{ stop(): Promise<number | null> }> {
  const probe = `
    const { performance } = require('node:perf_hooks')
    let last = performance.now(), longest = 0
    const t = setInterval(() => { const now = performance.now(); longest = Math.max(longest, now - last); last = now }, 1)
    process.stdin.on('end', () => { clearInterval(t); process.stdout.write(String(Math.max(longest, performance.now() - last))) })
    process.stdin.resume()
    process.stderr.write('ready')`
  // Started and ready before the caller starts measuring: starting a process forks this one,
  // whose page tables at a million persons (~5 GB resident) take the main thread tens of ms.
  const child = spawn(process.execPath, ['-e', probe], { stdio: ['pipe', 'pipe', 'pipe'] })
  await new Promise<void>((resolve, reject) => {
    child.stderr.once('data', () => resolve())
    child.once('error', reject)
  })
  let out = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()))
  return {
    stop: async () => {
      child.stdin.end()
      await exited
      const ms = Number(out)
      return out !== '' && Number.isFinite(ms) ? Math.round(ms * 10) / 10 : null
    }
  }
}
