import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FixedClock } from '../../src/main/clock'
import { headlessChromiumPdf } from '../../src/main/rights/headlessChromiumPdf'
import type { ReportPrinter } from '../../src/main/rights/reportPrinter'
import { DossierApp } from '../../src/main/services/DossierApp'
import { createDispatcher } from '../../src/main/services/dispatcher'
import { ContractError, createContractClient } from '../../src/shared/contract/client'
import { deskFolderIsOffice } from './cliDesk'
import { newServerTestApp, TEST_ENGINE } from './serverTestApp'
import { portableQuery } from '../../src/main/vault/portableQuery'

/** Tests use a cheaper scrypt cost (2^12) so a suite can create many vaults; the format is the same. */
export const TEST_KDF_N = 1 << 12
export const ADMIN = { username: 'beheerder', displayName: 'Beheerder', passphrase: 'correct horse battery staple' }

export function tempDir(prefix = 'dossier-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** The one number of a `count(*) AS "n"` query run by `sql`, the same type on both engines (a PostgreSQL count is a string). */
export function countWith(sql: <T>(text: string, params?: Record<string, unknown>) => Promise<T[]>): (text: string, params?: Record<string, unknown>) => Promise<number> {
  return async (text, params = {}) => {
    const [row] = await sql<{ n: number | string }>(text, params)
    return Number(row?.n ?? 0)
  }
}

export async function newTestApp(opts: { start?: string; setup?: boolean; reportPrinter?: ReportPrinter } = {}) {
  const { dir, cleanup } = tempDir()
  const clock = new FixedClock(opts.start ?? '2026-11-27T10:00:00Z')
  const vaultDir = join(dir, 'vault')
  let app: DossierApp
  let recoveryKey = ''
  let disposeServer: (() => Promise<void>) | null = null
  let sql: <T>(text: string, params?: Record<string, unknown>) => Promise<T[]> = (text, params) => portableQuery(app.vault.dataSource.manager, text, params)
  if (TEST_ENGINE === 'postgres') {
    // The office server (serverTestApp.ts): a ServerApp is driven through the same calls. Typed as
    // DossierApp for the suites; what only a local vault has (its folder, recovery) is not there,
    // and the suites that test it do not run on this engine (vitest.server.config.mts).
    const server = await newServerTestApp({ clock, kdfN: TEST_KDF_N, admin: ADMIN, setup: opts.setup !== false, pdfRenderer: headlessChromiumPdf, reportPrinter: opts.reportPrinter })
    // The built CLI's `--vault vaultDir` goes to this office (cliDesk.ts).
    deskFolderIsOffice(vaultDir, server.address)
    app = server.app as unknown as DossierApp
    recoveryKey = server.recoveryKey
    disposeServer = server.dispose
    sql = server.sql
  } else {
    // PDFs as the CLI makes them: headless Chromium (loaded only when a test asks for a PDF).
    // No OS print dialog unless a test brings a stand-in (as the CLI and the harness have none).
    app = new DossierApp({ vaultDir, clock, kdfN: TEST_KDF_N, pdfRenderer: headlessChromiumPdf, reportPrinter: opts.reportPrinter })
    if (opts.setup !== false) recoveryKey = (await app.setup(ADMIN)).recoveryKey
  }
  const invoke = createDispatcher(app)
  return {
    app,
    clock,
    dir,
    vaultDir,
    /**
     * SQL on what is stored, on either engine (`:name` parameters, identifiers in double quotes):
     * the local vault's own connection; on the office server the schema owner's, which no row
     * policy limits. What an auditor with the key sees; also a test's direct set-ups.
     */
    sql,
    /** `sql`'s one number (a `count(*) AS "n"`), the same type on both engines. */
    sqlCount: countWith((text, params) => sql(text, params)),
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
      if (disposeServer) await disposeServer()
      else await app.close()
      cleanup()
    }
  }
}
