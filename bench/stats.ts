import { performance } from 'node:perf_hooks'

/** Latency summary of one measurement, in milliseconds. */
export interface Latency {
  n: number
  p50: number
  p95: number
  max: number
  mean: number
}

/** Nearest-rank percentile of sorted samples (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}

export function summarise(samples: readonly number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b)
  const sum = sorted.reduce((s, v) => s + v, 0)
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
    mean: round(sorted.length ? sum / sorted.length : Number.NaN)
  }
}

export function round(ms: number, digits = 3): number {
  const f = 10 ** digits
  return Math.round(ms * f) / f
}

/** Time one async call (ms). */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now()
  const value = await work()
  return { ms: performance.now() - start, value }
}

/** Run `work` for every item, return the latency summary. */
export async function latencies<I>(items: readonly I[], work: (item: I) => Promise<unknown>): Promise<Latency> {
  const samples: number[] = []
  for (const item of items) samples.push((await timed(() => work(item))).ms)
  return summarise(samples)
}

/** Deterministic pseudo-random numbers (mulberry32): the same samples in both twins. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** `count` items drawn (with replacement) from `from`, deterministically. */
export function sample<T>(from: readonly T[], count: number, seed: number): T[] {
  if (from.length === 0) return []
  const rnd = seededRandom(seed)
  return Array.from({ length: count }, () => from[Math.floor(rnd() * from.length)]!)
}
