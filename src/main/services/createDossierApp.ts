import type { Clock } from '../clock'
import type { RetentionScheduler } from '../retention/scheduler'
import type { PdfRenderer } from '../workspace/Workspace'
import type { ReportPrinter } from '../rights/reportPrinter'
import { DossierApp } from './DossierApp'
import { ServerApp } from './ServerApp'
import type { ServerAddress } from '../server/initServer'
import { attachRetentionScheduler, retentionSchedulerOf } from './retentionScheduling'

export { retentionSchedulerOf, type RetentionScheduler }

/**
 * Builds the application core with every capability's unlock hook: the retention catch-up sweep
 * runs right after each unlock, then hourly while unlocked (`retentionIntervalMs` to
 * change it; tests shorten it). The scheduler of an app: `retentionSchedulerOf(app)`.
 */
export function createDossierApp(opts: {
  vaultDir: string
  clock: Clock
  kdfN?: number
  retentionIntervalMs?: number
  pdfRenderer?: PdfRenderer
  reportPrinter?: ReportPrinter
  /** see `DossierAppOptions.backgroundCheckpoints` */
  backgroundCheckpoints?: boolean
  /** see `DossierAppOptions.onChooseServer` */
  onChooseServer?: (url: string) => Promise<boolean>
}): DossierApp {
  const app = new DossierApp({
    vaultDir: opts.vaultDir,
    clock: opts.clock,
    kdfN: opts.kdfN,
    pdfRenderer: opts.pdfRenderer,
    reportPrinter: opts.reportPrinter,
    backgroundCheckpoints: opts.backgroundCheckpoints,
    onChooseServer: opts.onChooseServer
  })
  attachRetentionScheduler(app, {
    intervalMs: opts.retentionIntervalMs,
    // The error's class and code only: driver messages can quote values.
    onError: (e) => process.stderr.write(`retention sweep failed: ${(e as { code?: string }).code ?? (e instanceof Error ? e.name : typeof e)}\n`)
  })
  return app
}

/**
 * Issue 17: the application core as a desk of the office server, with the same unlock hook: the
 * catch-up sweep after each sign-in, then hourly, one desk of the office at a time
 * (server/sweepLock.ts: a desk whose run finds another desk sweeping skips it).
 */
export function createServerApp(opts: {
  server: ServerAddress
  clock: Clock
  kdfN?: number
  retentionIntervalMs?: number
  pdfRenderer?: PdfRenderer
  reportPrinter?: ReportPrinter
}): ServerApp {
  const app = new ServerApp({ server: opts.server, clock: opts.clock, kdfN: opts.kdfN, pdfRenderer: opts.pdfRenderer, reportPrinter: opts.reportPrinter })
  attachRetentionScheduler(app, {
    intervalMs: opts.retentionIntervalMs,
    onError: (e) => process.stderr.write(`retention sweep failed: ${(e as { code?: string }).code ?? (e instanceof Error ? e.name : typeof e)}\n`)
  })
  return app
}
