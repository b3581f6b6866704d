import { RetentionScheduler, type RetentionSchedulerOptions } from '../retention/scheduler'
import type { DossierApp } from './DossierApp'
import type { AppHost } from './handlerTypes'

const schedulers = new WeakMap<AppHost, RetentionScheduler>()

/** The app's scheduler (created on first use, so a bare DossierApp still never overlaps sweeps). */
export function retentionSchedulerOf(app: AppHost, options?: RetentionSchedulerOptions): RetentionScheduler {
  let scheduler = schedulers.get(app)
  if (!scheduler) {
    scheduler = new RetentionScheduler(app, { isUnlocked: () => app.vaultState() === 'unlocked' }, options)
    schedulers.set(app, scheduler)
  }
  return scheduler
}

/** Wire the scheduler into the app's unlock (see createDossierApp). */
export function attachRetentionScheduler(app: DossierApp, options?: RetentionSchedulerOptions): RetentionScheduler {
  const scheduler = retentionSchedulerOf(app, options)
  app.onUnlock(async () => {
    await scheduler.catchUp()
  })
  return scheduler
}
