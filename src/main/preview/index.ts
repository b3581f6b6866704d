import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { systemClock } from '../clock'
import { seedDemo } from '../demo/seedDemo'
import { createLogger, stderrSink } from '../logging/log'
import { warmHeadlessChromiumPdf } from '../rights/headlessChromiumPdf'
import { createDossierApp } from '../services/createDossierApp'
import { createDispatcher } from '../services/dispatcher'
import type { DossierApp } from '../services/DossierApp'
import { type PreviewServer, startPreviewServer } from './previewServer'
import { chooseServer } from '../services/deskChoice'

/**
 * `npm run preview` (issue 16 point 1; bin/dossier-preview.js builds when needed and calls `main`):
 * the built renderer and the real services in any browser on this machine, under plain Node — no
 * Electron. The same app core, dispatcher and contract as the Electron shell, with the shell's
 * duties a browser cannot do taken over here: the idle lock (the page is told, as Electron's
 * `dossier:locked` event does), PDFs through a warm headless Chromium, no OS printing.
 *
 *   --vault DIR   the vault folder (a new one shows the first-run setup in the browser)
 *   --demo N      a demo vault with N synthetic persons; alone, in a new private temp folder that
 *                 is deleted when the preview stops; with --vault, created in DIR (which must not
 *                 hold a vault) and kept. Prints the demo account's name and passphrase.
 *   --port P      the port on 127.0.0.1 (default: any free one)
 */

export const DEMO_USER = 'demo'
const USAGE = 'usage: npm run preview -- (--vault DIR | --demo N | --vault DIR --demo N) [--port P]'
/** As the Electron shell (shell/powerLock.ts): the idle lock is checked every 15 seconds. */
const IDLE_TICK_MS = 15_000

class UsageError extends Error {}

interface PreviewArgs {
  vault: string | null
  demo: number | null
  port: number
}

export function parsePreviewArgs(argv: string[]): PreviewArgs {
  let values: { vault?: string; demo?: string; port?: string; help?: boolean }
  try {
    values = parseArgs({ args: argv, options: { vault: { type: 'string' }, demo: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true }).values
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e))
  }
  if (values.help) throw new UsageError('')
  const whole = (text: string | undefined, name: string, max: number): number | null => {
    if (text === undefined) return null
    const n = Number(text)
    if (!/^\d+$/.test(text) || n > max) throw new UsageError(`${name} must be a whole number from 0 to ${max}`)
    return n
  }
  const demo = whole(values.demo, '--demo', 1_000_000)
  const port = whole(values.port, '--port', 65_535) ?? 0
  const vault = values.vault ?? process.env['DOSSIER_VAULT'] ?? null
  if (vault === null && demo === null) throw new UsageError('name a vault folder (--vault DIR) or ask for a demo (--demo N)')
  return { vault: vault === null ? null : resolve(vault), demo, port }
}

/** A random passphrase of 24 letters and digits in groups of four (about 120 bits). */
function demoPassphrase(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789'
  const bytes = randomBytes(24)
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]!)
  return Array.from({ length: 6 }, (_, i) => chars.slice(i * 4, i * 4 + 4).join('')).join('-')
}

export async function main(argv: string[], out: (line: string) => void = (l) => void process.stdout.write(l + '\n')): Promise<number> {
  let args: PreviewArgs
  try {
    args = parsePreviewArgs(argv)
  } catch (e) {
    const message = e instanceof Error ? e.message : ''
    process.stderr.write(message ? `error USAGE: ${message}\n${USAGE}\n` : `${USAGE}\n`)
    return message ? 2 : 0
  }

  const log = createLogger(stderrSink, () => systemClock.now())
  // A demo without --vault lives in a new private folder (mkdtemp: 0700; the vault's files are 0600).
  const scratch = args.vault === null ? mkdtempSync(join(tmpdir(), 'dossier-preview-')) : null
  const vaultDir = args.vault ?? join(scratch!, 'vault')
  if (args.demo !== null && args.vault !== null && existsSync(vaultDir) && readdirSync(vaultDir).length > 0) {
    process.stderr.write('error USAGE: --demo makes a new vault; the --vault folder must be empty or absent\n')
    return 2
  }

  // The first-run choice of the office server is recorded beside the vault; the preview itself runs on a vault only.
  const onChooseServer = async (url: string) => (chooseServer(dirname(vaultDir), url), false)
  const app: DossierApp = createDossierApp({ vaultDir, clock: systemClock, pdfRenderer: warmHeadlessChromiumPdf(), backgroundCheckpoints: true, onChooseServer })
  let server: PreviewServer | null = null
  let idle: NodeJS.Timeout | null = null
  let stopping: Promise<void> | null = null
  const stop = () =>
    (stopping ??= (async () => {
      if (idle) clearInterval(idle)
      await server?.close()
      await app.close() // the session ends: audit head witnessed, the PDF browser closed
      if (scratch) rmSync(scratch, { recursive: true, force: true })
    })())
  // From here on a Ctrl+C closes the vault and removes a demo folder, also while the demo is made.
  let stopped!: () => void
  const whenStopped = new Promise<void>((done) => (stopped = done))
  const quit = () => void stop().finally(stopped)
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, quit)

  try {
    let passphrase: string | null = null
    if (args.demo !== null) {
      passphrase = demoPassphrase()
      await app.setup({ username: DEMO_USER, displayName: 'Demo', passphrase })
      await seedDemo(app, { persons: args.demo, seed: 1 })
      await app.signOut()
    }
    server = await startPreviewServer({
      invoke: createDispatcher(app, (line) => log.error('operation.failed', undefined, { detail: line })),
      rendererDir: join(__dirname, '../renderer'),
      port: args.port
    })
    const notify = server.notifyLocked.bind(server)
    idle = setInterval(() => void app.tick().then((locked) => locked && notify(), () => undefined), IDLE_TICK_MS)
    idle.unref()

    out(`Dossier preview: ${server.url}`)
    if (args.demo !== null) {
      out(`  demo vault:  ${vaultDir} (${args.demo} persons${scratch ? '; deleted when the preview stops' : ''})`)
      out(`  user name:   ${DEMO_USER}`)
      out(`  passphrase:  ${passphrase}`)
    } else out(`  vault:       ${vaultDir}${app.vaultState() === 'none' ? ' (new: the browser shows the first-run setup)' : ''}`)
    out('Open the address in Chromium or any browser on this machine. Ctrl+C stops.')
  } catch (e) {
    process.stderr.write(`error ${(e as { code?: string }).code ?? 'PREVIEW'}: ${startFailure(e)}\n`)
    await stop().catch(() => undefined)
    return 1
  }

  await whenStopped
  return 0
}

/** A message without personal data: the app's own (DossierError), or the system's code. */
function startFailure(e: unknown): string {
  const code = (e as { code?: string }).code
  if (code === 'EADDRINUSE') return 'the port is in use; choose another with --port'
  if (e instanceof Error && code && /^[A-Z_]+$/.test(code)) return e.message
  return 'the preview could not start'
}
