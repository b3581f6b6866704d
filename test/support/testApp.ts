import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FixedClock } from '../../src/main/clock'
import { headlessChromiumPdf } from '../../src/main/rights/headlessChromiumPdf'
import type { ReportPrinter } from '../../src/main/rights/reportPrinter'
import { DossierApp } from '../../src/main/services/DossierApp'
import { createDispatcher } from '../../src/main/services/dispatcher'
import { ContractError, createContractClient } from '../../src/shared/contract/client'

/** Tests use a cheaper scrypt cost (2^12) so a suite can create many vaults; the format is the same. */
export const TEST_KDF_N = 1 << 12
export const ADMIN = { username: 'beheerder', displayName: 'Beheerder', passphrase: 'correct horse battery staple' }

export function tempDir(prefix = 'dossier-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

export async function newTestApp(opts: { start?: string; setup?: boolean; reportPrinter?: ReportPrinter } = {}) {
  const { dir, cleanup } = tempDir()
  const clock = new FixedClock(opts.start ?? '2026-11-27T10:00:00Z')
  const vaultDir = join(dir, 'vault')
  // PDFs as the CLI makes them: headless Chromium (loaded only when a test asks for a PDF).
  // No OS print dialog unless a test brings a stand-in (as the CLI and the harness have none).
  const app = new DossierApp({ vaultDir, clock, kdfN: TEST_KDF_N, pdfRenderer: headlessChromiumPdf, reportPrinter: opts.reportPrinter })
  const invoke = createDispatcher(app)
  let recoveryKey = ''
  if (opts.setup !== false) recoveryKey = (await app.setup(ADMIN)).recoveryKey
  return {
    app,
    clock,
    dir,
    vaultDir,
    /** The dispatcher itself: any name and raw input, the envelope back (for tests of the envelope). */
    invoke,
    recoveryKey,
    /** Call an operation through the contract's typed client: its value, or a `ContractError` with the code. */
    call: createContractClient(invoke).call,
    /**
     * For tests that send malformed input on purpose (unknown fields, wrong words, missing fields):
     * exactly `raw` goes to the dispatcher, untyped; it fails as `call` does, with a `ContractError`.
     */
    async callUnchecked(name: string, raw: unknown): Promise<unknown> {
      const r = await invoke(name, raw)
      if (!r.ok) throw new ContractError(r.error)
      return r.value
    },
    async dispose() {
      await app.close()
      cleanup()
    }
  }
}
