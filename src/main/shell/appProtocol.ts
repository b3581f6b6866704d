import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { protocol } from 'electron'
import { APP_SCHEME, contentSecurityPolicy, newStyleNonce, withStyleNonce } from './securityPolicy'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
}

/** Must run before app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])
}

/** Serve the built renderer from `app://dossier/…`, refusing any path outside its folder. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '')
    const file = join(rendererDir, rel || 'index.html')
    if (!file.startsWith(rendererDir + sep)) return new Response('Not found', { status: 404 })
    try {
      const type = MIME[extname(file)] ?? 'application/octet-stream'
      // A fresh style nonce for every page load, in the page and in its policy (securityPolicy.ts).
      const nonce = newStyleNonce()
      const body = type.startsWith('text/html') ? withStyleNonce(await readFile(file, 'utf8'), nonce) : await readFile(file)
      // The CSP travels with every response of the app's own scheme too (webRequest does not see it).
      return new Response(body, {
        headers: {
          'Content-Type': type,
          'Content-Security-Policy': contentSecurityPolicy(nonce),
          'X-Content-Type-Options': 'nosniff'
        }
      })
    } catch {
      return new Response('Not found', { status: 404 })
    }
  })
}
