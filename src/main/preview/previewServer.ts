import { randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { OPERATION_NAMES } from '../../shared/contract'
import type { Envelope } from '../../shared/contract/client'
import { contentSecurityPolicy, newStyleNonce, withStyleNonce } from '../shell/securityPolicy'

/**
 * The web preview's server (issue 16 point 1), shared by `npm run preview` (./index.ts) and the
 * browser tests (test/e2e/harness): serves the BUILT renderer and the real services on 127.0.0.1
 * only. A bridge script implements `window.dossier` from the contract's operation list over HTTP,
 * exactly as the preload does over IPC, and every call goes to the same dispatcher as Electron's
 * (`services/dispatcher.ts`: contract validation, role check, error envelope): no second API.
 *
 * Every request carries the random token as the first segment of its path
 * (`http://127.0.0.1:PORT/TOKEN/…`; the built page refers to its assets relatively, so they do
 * too); anything else is a 404. A Host header other than this address is refused (DNS
 * rebinding), and so is a request another site's page sent (`Sec-Fetch-Site`).
 */
export interface PreviewServer {
  /** The address to open, token included. */
  url: string
  /** Tell the page main locked the vault (as Electron's `dossier:locked` event does). */
  notifyLocked(): void
  /** Stops serving (the app is the caller's to close). */
  close(): Promise<void>
}

export interface PreviewServerOptions {
  /** The dispatcher over the app (`createDispatcher(app)`). */
  invoke: (name: string, input: unknown) => Promise<Envelope>
  /** The built renderer (`out/renderer`). */
  rendererDir: string
  /** 0 (the default) for any free port. */
  port?: number
}

/** Loopback only: the preview never listens on another interface. */
export const PREVIEW_HOST = '127.0.0.1'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2'
}

/** An operation's input is a form's worth of fields; an attachment is at most 20 MB, base64 included. */
const MAX_BODY_BYTES = 40 * 1024 * 1024

export async function startPreviewServer(opts: PreviewServerOptions): Promise<PreviewServer> {
  const rendererDir = resolve(opts.rendererDir)
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('renderer not built: run `npm run build` first')
  const token = randomBytes(24).toString('hex')
  const tokenBytes = Buffer.from(token)
  const events = new Set<ServerResponse>()
  let allowedHosts: Set<string> = new Set()

  // Relative URLs: the page lives under /TOKEN/, so every call carries the token too.
  const bridge = `(() => {
  const names = ${JSON.stringify(OPERATION_NAMES)};
  const api = {};
  for (const name of names) {
    api[name] = async (input) => {
      const r = await fetch('./__rpc/' + name, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input ?? {}) });
      return r.json();
    };
  }
  window.dossier = Object.freeze(api);
  window.dossierEvents = { onLocked(cb) { const es = new EventSource('./__events'); es.onmessage = () => cb(); return () => es.close(); } };
})();`

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) res.statusCode = 500
      res.end()
    })
  })

  function refuse(res: ServerResponse, status: number): void {
    res.statusCode = status
    res.end()
  }

  function hasToken(segment: string): boolean {
    const given = Buffer.from(segment)
    return given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes)
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('Cache-Control', 'no-store')
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'no-referrer')
    if (!allowedHosts.has(req.headers.host ?? '')) return refuse(res, 421)
    const site = req.headers['sec-fetch-site']
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return refuse(res, 403)
    const url = new URL(req.url ?? '/', `http://${PREVIEW_HOST}`)
    const slash = url.pathname.indexOf('/', 1)
    if (slash < 0 || !hasToken(url.pathname.slice(1, slash))) return refuse(res, 404)
    const path = url.pathname.slice(slash) // '/', '/assets/…', '/__rpc/…'

    if (path.startsWith('/__rpc/')) {
      if (req.method !== 'POST') return refuse(res, 405)
      const chunks: Buffer[] = []
      let size = 0
      for await (const c of req) {
        size += (c as Buffer).length
        if (size > MAX_BODY_BYTES) return refuse(res, 413)
        chunks.push(c as Buffer)
      }
      let input: unknown
      try {
        input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')
      } catch {
        input = undefined // the dispatcher's validation answers
      }
      const result = await opts.invoke(decodeURIComponent(path.slice('/__rpc/'.length)), input)
      res.setHeader('Content-Type', 'application/json')
      res.end(JSON.stringify(result))
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405)
    if (path === '/__events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' })
      res.write(': hello\n\n')
      events.add(res)
      req.on('close', () => events.delete(res))
      return
    }
    if (path === '/__bridge.js') {
      res.setHeader('Content-Type', MIME['.js']!)
      res.end(bridge)
      return
    }
    const rel = normalize(decodeURIComponent(path)).replace(/^([/\\])+/, '') || 'index.html'
    const file = join(rendererDir, rel)
    if (!file.startsWith(rendererDir + sep) || !existsSync(file)) return refuse(res, 404)
    let body: Buffer | string = readFileSync(file)
    if (rel === 'index.html') {
      // As the app's scheme does (shell/appProtocol.ts): a fresh style nonce per page load.
      const nonce = newStyleNonce()
      res.setHeader('Content-Security-Policy', contentSecurityPolicy(nonce))
      body = withStyleNonce(body.toString('utf8'), nonce).replace('<head>', '<head>\n    <script src="./__bridge.js"></script>')
    }
    res.setHeader('Content-Type', MIME[extname(file)] ?? 'application/octet-stream')
    res.end(body)
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(opts.port ?? 0, PREVIEW_HOST, () => {
      server.off('error', fail)
      ok()
    })
  })
  const { port } = server.address() as AddressInfo
  allowedHosts = new Set([`${PREVIEW_HOST}:${port}`, `localhost:${port}`])
  return {
    url: `http://${PREVIEW_HOST}:${port}/${token}/`,
    notifyLocked() {
      for (const res of events) res.write('data: locked\n\n')
    },
    async close() {
      for (const res of events) res.end()
      server.closeAllConnections()
      await new Promise<void>((r) => server.close(() => r()))
    }
  }
}
