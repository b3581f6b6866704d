import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { OPERATION_NAMES } from '../../../src/shared/contract'
import { FixedClock } from '../../../src/main/clock'
import { contentSecurityPolicy, newStyleNonce, withStyleNonce } from '../../../src/main/shell/securityPolicy'
import { createDossierApp } from '../../../src/main/services/createDossierApp'
import { createDispatcher } from '../../../src/main/services/dispatcher'
import type { DossierApp } from '../../../src/main/services/DossierApp'
import { headlessChromiumPdf } from '../../../src/main/rights/headlessChromiumPdf'

/**
 * TEST TOOLING ONLY (never shipped): serves the BUILT renderer (`out/renderer`) and the REAL
 * main-process services on 127.0.0.1 (random port, random token). A bridge script implements
 * `window.dossier` from the contract's operation list over HTTP, exactly as the preload does over
 * IPC, so Chromium drives the real screens against a real encrypted vault.
 */
const RENDERER_DIR = resolve(__dirname, '../../../out/renderer')

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2'
}

export interface Harness {
  url: string
  app: DossierApp
  clock: FixedClock
  /** Tell the page main locked the vault (as Electron's `dossier:locked` event does). */
  notifyLocked(): void
  close(): Promise<void>
}

export async function startHarness(opts: { vaultDir: string; clock?: FixedClock; kdfN?: number }): Promise<Harness> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('renderer not built: run `npm run build` first')
  const clock = opts.clock ?? new FixedClock('2026-11-27T10:00:00Z')
  // PDFs as the CLI makes them (headless Chromium); Electron's app uses printToPDF.
  const app = createDossierApp({ vaultDir: opts.vaultDir, clock, kdfN: opts.kdfN, pdfRenderer: headlessChromiumPdf })
  const invoke = createDispatcher(app)
  const token = randomBytes(24).toString('hex')
  const events = new Set<ServerResponse>()

  const bridge = `(() => {
  const token = ${JSON.stringify(token)};
  const names = ${JSON.stringify(OPERATION_NAMES)};
  const api = {};
  for (const name of names) {
    api[name] = async (input) => {
      const r = await fetch('/__rpc/' + name, { method: 'POST', headers: { 'content-type': 'application/json', 'x-dossier-token': token }, body: JSON.stringify(input ?? {}) });
      return r.json();
    };
  }
  window.dossier = Object.freeze(api);
  window.dossierEvents = { onLocked(cb) { const es = new EventSource('/__events?token=' + token); es.onmessage = () => cb(); return () => es.close(); } };
})();`

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      res.statusCode = 500
      res.end()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    // As the app's scheme does (appProtocol.ts): a fresh style nonce per page load.
    const nonce = newStyleNonce()
    res.setHeader('Content-Security-Policy', contentSecurityPolicy(nonce))
    res.setHeader('Cache-Control', 'no-store')
    if (req.method === 'POST' && url.pathname.startsWith('/__rpc/')) {
      if (req.headers['x-dossier-token'] !== token) {
        res.statusCode = 403
        res.end()
        return
      }
      const chunks: Buffer[] = []
      for await (const c of req) chunks.push(c as Buffer)
      let input: unknown
      try {
        input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')
      } catch {
        input = undefined
      }
      const result = await invoke(decodeURIComponent(url.pathname.slice('/__rpc/'.length)), input)
      res.setHeader('Content-Type', 'application/json')
      res.end(JSON.stringify(result))
      return
    }
    if (url.pathname === '/__events') {
      if (url.searchParams.get('token') !== token) {
        res.statusCode = 403
        res.end()
        return
      }
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' })
      res.write(': hello\n\n')
      events.add(res)
      req.on('close', () => events.delete(res))
      return
    }
    if (url.pathname === '/__bridge.js') {
      res.setHeader('Content-Type', MIME['.js']!)
      res.end(bridge)
      return
    }
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '') || 'index.html'
    const file = join(RENDERER_DIR, rel)
    if (!file.startsWith(RENDERER_DIR + sep) || !existsSync(file)) {
      res.statusCode = 404
      res.end()
      return
    }
    let body: Buffer | string = readFileSync(file)
    if (rel === 'index.html') body = withStyleNonce(body.toString('utf8'), nonce).replace('<head>', '<head>\n    <script src="/__bridge.js"></script>')
    res.setHeader('Content-Type', MIME[extname(file)] ?? 'application/octet-stream')
    res.end(body)
  }

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    app,
    clock,
    notifyLocked() {
      for (const res of events) res.write('data: locked\n\n')
    },
    async close() {
      for (const res of events) res.end()
      server.closeAllConnections()
      await new Promise<void>((r) => server.close(() => r()))
      await app.close()
    }
  }
}
