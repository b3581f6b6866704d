import { DossierError } from '../../shared/errors'
import type { Clock } from '../clock'
import { readSettings } from '../governance/settings'
import type { ReportPrinter } from '../rights/reportPrinter'
import type { PdfRenderer } from '../workspace/Workspace'
import { VaultWorkspace } from './VaultWorkspace'

/**
 * What the two application cores share of a signed-in session, whatever holds the data (a local
 * vault: `DossierApp`; the office server: `ServerApp`): the idle lock and the shell's printer.
 */
export abstract class SessionApp extends VaultWorkspace {
  private lastActivity = 0

  constructor(
    clock: Clock,
    renderer: PdfRenderer | undefined,
    private readonly printer: ReportPrinter | undefined
  ) {
    super(clock, renderer)
  }

  abstract vaultState(): 'none' | 'locked' | 'unlocked'
  abstract lock(reason: 'idle' | 'manual' | 'suspend' | 'screen-lock'): Promise<void>

  /** The shell's OS print dialog; PRINT_UNAVAILABLE without one (the CLI, the web preview). */
  reportPrinter(): ReportPrinter {
    if (!this.printer) throw new DossierError('PRINT_UNAVAILABLE', 'Printing is not available here; save the report as PDF instead.')
    return this.printer
  }

  touch(): void {
    this.lastActivity = this.clock.now().getTime()
  }

  /** The configured idle lock (governance settings); 10 minutes while locked. */
  async idleLockMinutes(): Promise<number> {
    return this.vaultState() === 'unlocked' ? (await this.read((tx) => readSettings(tx.store))).idleLockMinutes : 10
  }

  /** Called periodically by the shell: locks when idle longer than the configured time. */
  async tick(): Promise<boolean> {
    if (this.vaultState() !== 'unlocked') return false
    const idleMs = this.clock.now().getTime() - this.lastActivity
    if (idleMs >= (await this.idleLockMinutes()) * 60_000) {
      await this.lock('idle')
      return true
    }
    return false
  }
}
