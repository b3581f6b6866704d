import { FixedClock } from '../src/main/clock'

/**
 * The bench's fixed world: one synthetic admin, one date. Synthetic data only (the demo
 * generator), so the passphrase below protects nothing real.
 */
export const BENCH_USER = 'bench-admin'
export const BENCH_PASSPHRASE = 'bench passphrase, synthetic data only'
export const BENCH_TODAY = '2026-11-27'
export const BENCH_SEED = 2026

export function benchClock(): FixedClock {
  return new FixedClock(`${BENCH_TODAY}T10:00:00Z`)
}

/** Folders of one cached data set: the encrypted vault and its plain twin. */
export function twinDirs(root: string): { enc: string; plain: string; meta: string } {
  return { enc: `${root}/enc`, plain: `${root}/plain`, meta: `${root}/meta.json` }
}
