import { DossierError } from '../../shared/errors'
import { RetentionScheduler, type RetentionSchedulerOptions } from '../retention/scheduler'
import { sweepDue, type SweepOptions } from '../retention/sweep'
import type { DossierApp } from './DossierApp'
import type { AppHost } from './handlerTypes'
import { ServerApp } from './ServerApp'
import { withOfficeSweepLock } from '../server/sweepLock'
import { officeSweepProgress } from '../server/sweepProgress'
import { sweepOffThread } from './sweepThread'
import { onLocalVault, VaultWorkspace } from './VaultWorkspace'

const schedulers = new WeakMap<AppHost, RetentionScheduler>()

/**
 * The app's scheduler (created on first use, so a bare DossierApp still never overlaps sweeps). An
 * app over a vault runs its sweeps on a worker thread (services/sweepThread.ts).
 */
export function retentionSchedulerOf(app: AppHost, options?: RetentionSchedulerOptions): RetentionScheduler {
  let scheduler = schedulers.get(app)
  if (!scheduler) {
    // A run the thread could not do is done here instead; the code says why (never personal data).
    const onFallback = (code: string) => process.stderr.write(`retention sweep ran in the main process: ${code}\n`)
    // A local vault's sweep runs on a worker thread; the office server's in this process (its
    // connections are the server's: nothing blocks the others), one desk at a time.
    const onThread = app instanceof VaultWorkspace ? { runSweep: (o: SweepOptions) => (onLocalVault(app) ? sweepOffThread(app, o, { onFallback }) : sweepDue(app, o)) } : {}
    // On the office server a staff login does not see shielded records nor special-data values
    // (server/serverRoles.ts): the office's sweep runs on a privacy officer's desk only.
    const acrossDesks = app instanceof ServerApp ? { exclusive: <T>(wait: boolean, work: () => Promise<T>) => officeSweep(app, wait, work), progressAcrossDesks: officeSweepProgress(app) } : {}
    scheduler = new RetentionScheduler(app, { isUnlocked: () => app.vaultState() === 'unlocked' }, { ...onThread, ...acrossDesks, ...options })
    schedulers.set(app, scheduler)
  }
  return scheduler
}

/** Wire the scheduler into the app's unlock (see createDossierApp, createServerApp). */
export function attachRetentionScheduler(app: DossierApp | ServerApp, options?: RetentionSchedulerOptions): RetentionScheduler {
  const scheduler = retentionSchedulerOf(app, options)
  app.onUnlock(async (): Promise<void> => {
    await scheduler.catchUp()
  })
  return scheduler
}

/** The office's sweep on a privacy officer's desk, one desk at a time; a run asked for elsewhere: FORBIDDEN, a system run: skipped. */
function officeSweep<T>(app: ServerApp, wait: boolean, work: () => Promise<T>): Promise<T | null> {
  if (!app.hasRole('privacy_officer')) {
    return wait ? Promise.reject(new DossierError('FORBIDDEN', "On the office server the retention sweep runs on a privacy officer's desk.")) : Promise.resolve(null)
  }
  return withOfficeSweepLock(app.vault.dataSource, wait, work)
}
