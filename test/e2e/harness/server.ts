import { dirname, resolve } from 'node:path'
import { FixedClock } from '../../../src/main/clock'
import { startPreviewServer } from '../../../src/main/preview/previewServer'
import { warmHeadlessChromiumPdf } from '../../../src/main/rights/headlessChromiumPdf'
import { createDossierApp, createServerApp } from '../../../src/main/services/createDossierApp'
import type { ServerAddress } from '../../../src/main/server/initServer'
import type { ServerApp } from '../../../src/main/services/ServerApp'
import { createDispatcher } from '../../../src/main/services/dispatcher'
import { chooseServer } from '../../../src/main/services/deskChoice'
import type { DossierApp } from '../../../src/main/services/DossierApp'

/**
 * The browser tests' server: `npm run preview`'s own (src/main/preview/previewServer.ts: the BUILT
 * renderer and the REAL services on 127.0.0.1, a random token in every request's path, the same
 * dispatcher as Electron's IPC) around an app with a test clock and a cheap scrypt cost, so a test
 * can move time and reach the app directly.
 */
const RENDERER_DIR = resolve(__dirname, '../../../out/renderer')

export interface Harness {
  url: string
  app: DossierApp
  clock: FixedClock
  /** Tell the page main locked the vault (as Electron's `dossier:locked` event does). */
  notifyLocked(): void
  close(): Promise<void>
}

export async function startHarness(opts: { vaultDir: string; clock?: FixedClock; kdfN?: number; server?: (make: (server: ServerAddress) => ServerApp) => Promise<ServerApp> }): Promise<Harness> {
  const clock = opts.clock ?? new FixedClock('2026-11-27T10:00:00Z')
  // PDFs as the preview makes them (a headless Chromium kept warm per session); Electron's app uses printToPDF.
  const pdfRenderer = warmHeadlessChromiumPdf()
  // On the office server (DOSSIER_TEST_ENGINE=postgres, e2eSession.ts): a desk of a fresh office,
  // made as the desktop makes one (createServerApp); typed as DossierApp for the suites, as newTestApp does.
  const app = opts.server
    ? ((await opts.server((server) => createServerApp({ server, clock, kdfN: opts.kdfN, pdfRenderer }))) as unknown as DossierApp)
    : // The first-run choice of the office server is recorded beside the vault, as the desktop app records it in its folder (no restart here).
      createDossierApp({
        vaultDir: opts.vaultDir,
        clock,
        kdfN: opts.kdfN,
        pdfRenderer,
        onChooseServer: async (url) => (chooseServer(dirname(opts.vaultDir), url), false)
      })
  const server = await startPreviewServer({ invoke: createDispatcher(app), rendererDir: RENDERER_DIR })
  return {
    url: server.url,
    app,
    clock,
    notifyLocked: () => server.notifyLocked(),
    async close() {
      await server.close()
      await app.close()
    }
  }
}
