import { readFileSync } from 'node:fs'

/**
 * What the longest pauses of the main thread's event loop were made of, on Linux: a 1 ms timer
 * reads the thread's own scheduler statistics (`/proc/thread-self/schedstat`: time run on a CPU,
 * time waited for one) at every tick. For each late tick it tells the thread's own work in the gap
 * (garbage collection included) from its wait for a CPU (other threads — the sweep's, the
 * checkpointer's — or the machine's other load on a 2-vCPU VM) and from time it was neither
 * (the VM's CPU not running at all). `monitorEventLoopDelay` gives the pause; this says whose.
 * Null where the file does not exist (not Linux).
 */
export interface MainThreadBlocks {
  /** the longest work of the main thread itself between two ticks (ms) */
  ownWorkMaxMs: number
  /** the longest wait for a CPU between two ticks (ms) */
  cpuWaitMaxMs: number
}

const SCHEDSTAT = '/proc/thread-self/schedstat'

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
  let ownWorkMaxMs = 0
  let cpuWaitMaxMs = 0
  const timer = setInterval(() => {
    const now = read()
    if (!now || !last) return
    ownWorkMaxMs = Math.max(ownWorkMaxMs, (now[0] - last[0]) / 1e6)
    cpuWaitMaxMs = Math.max(cpuWaitMaxMs, (now[1] - last[1]) / 1e6)
    last = now
  }, 1)
  return {
    stop: () => {
      clearInterval(timer)
      return { ownWorkMaxMs: Math.round(ownWorkMaxMs * 10) / 10, cpuWaitMaxMs: Math.round(cpuWaitMaxMs * 10) / 10 }
    }
  }
}
