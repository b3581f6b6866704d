import { z } from 'zod'
import type { RetentionProgress, RetentionSchedulerOptions } from '../retention/scheduler'
import type { Workspace } from '../workspace/Workspace'

/**
 * Issue 17 point 4: the office's retention run goes on one desk at a time (sweepLock.ts), and the
 * others see how far it is. The desk that runs it keeps its progress in the office's settings,
 * after its transactions (at most every `EVERY_MS`), and removes it at the end; a desk that runs
 * none reads it there (`getRetentionProgress`). A progress older than `STALE_MS` is a desk that
 * died mid-run: its lock went with its connection, and nothing runs.
 * Counts and a time only, never a person.
 */
export const SWEEP_PROGRESS_SETTING = 'retention.sweep-progress'
const EVERY_MS = 250
const STALE_MS = 30_000

const progressSchema = z.strictObject({ done: z.number().int().min(0), total: z.number().int().min(0), at: z.iso.datetime() })

export function officeSweepProgress(ws: Workspace): NonNullable<RetentionSchedulerOptions['progressAcrossDesks']> {
  let last = Number.NEGATIVE_INFINITY
  let writing: Promise<unknown> = Promise.resolve()
  return {
    share(progress) {
      const now = performance.now() // a duration between two writes, not a date
      if (progress && progress.done > 0 && now - last < EVERY_MS) return writing.then(() => undefined)
      last = now
      writing = writing
        .then(() =>
          ws.write(async ({ store }) => {
            if (progress) await store.setting.save({ key: SWEEP_PROGRESS_SETTING, value: { ...progress, at: ws.clock.now().toISOString() } })
            else await store.setting.delete({ key: SWEEP_PROGRESS_SETTING })
          })
        )
        // Telling the others is a courtesy: the run goes on whatever this write met.
        .catch(() => undefined)
      return writing.then(() => undefined)
    },
    async read(): Promise<RetentionProgress | null> {
      const row = await ws.read(({ store }) => store.setting.findOneBy({ key: SWEEP_PROGRESS_SETTING }))
      const parsed = progressSchema.safeParse(row?.value)
      if (!parsed.success || ws.clock.now().getTime() - Date.parse(parsed.data.at) > STALE_MS) return null
      return { running: true, done: parsed.data.done, total: parsed.data.total }
    }
  }
}
