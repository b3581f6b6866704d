import type { DataSource } from 'typeorm'

/** The office's sweep lock: one 64-bit advisory-lock key, the same on every desk ('dossier.sweep'). */
export const SERVER_SWEEP_LOCK_KEY = 0x73_7765_6570n.toString()

/**
 * Issue 17 point 4: the retention sweep of the office runs on one desk at a time. The lock is a
 * session-level advisory lock held by one connection for the run: released at the run's end, and
 * by the server when the desk's connection drops (a desk killed mid-sweep), so the next desk's run
 * finishes the work (each person's actions commit whole; a run is idempotent).
 *
 * `wait`: a privacy officer's run waits for another desk's to end (and then finds what is left);
 * the system's own runs (after sign-in, hourly) do not wait: null, another desk is sweeping.
 */
export async function withOfficeSweepLock<T>(dataSource: DataSource, wait: boolean, work: () => Promise<T>): Promise<T | null> {
  const runner = dataSource.createQueryRunner()
  await runner.connect()
  try {
    if (wait) await runner.query(`SELECT pg_advisory_lock(${SERVER_SWEEP_LOCK_KEY})`)
    else {
      const [got] = (await runner.query(`SELECT pg_try_advisory_lock(${SERVER_SWEEP_LOCK_KEY}) AS "locked"`)) as { locked: boolean }[]
      if (!got?.locked) return null
    }
    try {
      return await work()
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(${SERVER_SWEEP_LOCK_KEY})`)
    }
  } finally {
    await runner.release()
  }
}
