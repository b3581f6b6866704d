import type { Clock } from '../clock'
import type { RetentionScheduler } from '../retention/scheduler'
import type { PdfRenderer } from '../workspace/Workspace'
import type { ReportPrinter } from '../rights/reportPrinter'
import { DossierApp } from './DossierApp'
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
}): DossierApp {
  const app = new DossierApp({
    vaultDir: opts.vaultDir,
    clock: opts.clock,
    kdfN: opts.kdfN,
    pdfRenderer: opts.pdfRenderer,
    reportPrinter: opts.reportPrinter,
    backgroundCheckpoints: opts.backgroundCheckpoints
  })
  attachRetentionScheduler(app, {
    intervalMs: opts.retentionIntervalMs,
    // The error's class and code only: driver messages can quote values.
    onError: (e) => process.stderr.write(`retention sweep failed: ${(e as { code?: string }).code ?? (e instanceof Error ? e.name : typeof e)}\n`)
  })
  return app
}
