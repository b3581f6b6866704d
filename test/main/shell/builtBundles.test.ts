import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicyMeta, STYLE_NONCE_PLACEHOLDER } from '../../../src/main/shell/securityPolicy'

/**
 * R-21, checked on what ships rather than on the sources: the bundles `npx electron-vite build`
 * wrote to out/. (The Electron binary cannot run here, so this and the policy tests are the proof.)
 */
const OUT = resolve(__dirname, '../../../out')

/** The Electron entry with the chunks it loads (code it shares with the preview sits in a chunk). */
function electronMain(): string {
  const index = read('main/index.js')
  const chunks = [...index.matchAll(/require\("\.\/(chunks\/[^"]+\.js)"\)/g)].map((m) => read(`main/${m[1] ?? ''}`))
  return [index, ...chunks].join('\n')
}

function read(rel: string): string {
  const path = join(OUT, rel)
  if (!existsSync(path)) throw new Error(`${rel} is not built: run \`npx electron-vite build\` first`)
  return readFileSync(path, 'utf8')
}

/** The main-process code: its entry and the chunks it loads, except the browser-test library bundled for the CLI. */
function mainProcessCode(): { name: string; code: string }[] {
  const chunks = existsSync(join(OUT, 'main/chunks')) ? readdirSync(join(OUT, 'main/chunks')).filter((f) => f.endsWith('.js') && !f.startsWith('playwright-core')) : []
  return [{ name: 'main/index.js', code: read('main/index.js') }, ...chunks.map((f) => ({ name: `main/chunks/${f}`, code: read(`main/chunks/${f}`) }))]
}

const INSECURE: [string, RegExp][] = [
  ['nodeIntegration on', /nodeIntegration(?:InWorker|InSubFrames)?\s*:\s*(?:true|!0)/],
  ['sandbox off', /\bsandbox\s*:\s*(?:false|!1)/],
  ['context isolation off', /contextIsolation\s*:\s*(?:false|!1)/],
  ['web security off', /webSecurity\s*:\s*(?:false|!1)/],
  ['insecure content allowed', /allowRunningInsecureContent\s*:\s*(?:true|!0)/],
  ['webview tag on', /webviewTag\s*:\s*(?:true|!0)/],
  ['remote module', /enableRemoteModule|@electron\/remote|electron\.remote\b|\bremote\.require\b/],
  ['devtools opened from code', /openDevTools\s*\(/],
  ['crash reporter started', /crashReporter\.start\s*\(/],
  ['certificate errors ignored', /ignore-certificate-errors|setCertificateVerifyProc/],
  ['insecure switches', /disable-web-security|allow-file-access-from-files/]
]

describe('the built bundles are locked down (R-21)', () => {
  it.each(INSECURE)('main and preload contain no %s', (_what, pattern) => {
    for (const { name, code } of [...mainProcessCode(), { name: 'preload/index.js', code: read('preload/index.js') }]) {
      expect(pattern.test(code), name).toBe(false)
    }
  })

  it('creates windows with the secure preferences: isolated, sandboxed, no Node, devtools only outside production', () => {
    const main = electronMain()
    for (const setting of [/contextIsolation: true/, /sandbox: true/, /nodeIntegration: false/, /webSecurity: true/, /webviewTag: false/, /devTools: !isProduction/]) {
      expect(main).toMatch(setting)
    }
    expect(main).toMatch(/isProduction = electron\.app\.isPackaged/)
  })

  it('wires the guards: global sandbox, permission denial, navigation and window-open denial, webview refusal, IPC sender check', () => {
    const main = electronMain()
    expect(main).toMatch(/app\.enableSandbox\(\)/)
    expect(main).toMatch(/setPermissionRequestHandler\(/)
    expect(main).toMatch(/setPermissionCheckHandler\(/)
    expect(main).toMatch(/"will-navigate"/)
    expect(main).toMatch(/"will-redirect"/)
    expect(main).toMatch(/setWindowOpenHandler\(/)
    expect(main).toMatch(/action: "deny"/)
    expect(main).toMatch(/"will-attach-webview"/)
    expect(main).toMatch(/isTrustedSender\(event\.senderFrame/)
    expect(main).toMatch(/"Content-Security-Policy"/)
    // The browser-test library never loads with the app window.
    expect(main).not.toMatch(/require\("[^"]*playwright/)
  })

  it('has a preload that exposes only named contract methods through contextBridge, never ipcRenderer itself', () => {
    const preload = read('preload/index.js')
    const exposed = [...preload.matchAll(/exposeInMainWorld\("([^"]+)"/g)].map((m) => m[1])
    expect(exposed).toEqual(['dossier', 'dossierEvents'])
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*[,)]/)
    expect(preload).not.toMatch(/window\.\w+\s*=|globalThis\.\w+\s*=/)
    const channels = [...preload.matchAll(/ipcRenderer\.\w+\("([^"]+)"/g)].map((m) => m[1])
    expect(channels.length).toBeGreaterThan(0)
    for (const c of channels) expect(c).toMatch(/^dossier:/)
    expect(preload).not.toMatch(/ipcRenderer\.(?:send|invoke|sendSync|on)\((?!")/) // no caller-chosen channel
  })

  it('serves a renderer page with the CSP meta tag and no inline script', () => {
    const html = read('renderer/index.html')
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)
    expect(meta?.[1]).toBe(contentSecurityPolicyMeta(STYLE_NONCE_PLACEHOLDER))
    // The nonce's stand-in, for the renderer to read and the server to fill in per load.
    expect(html).toContain(`<meta property="csp-nonce" nonce="${STYLE_NONCE_PLACEHOLDER}">`)
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    expect(scripts.length).toBeGreaterThan(0)
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/src="\.\/assets\//)
      expect(body!.trim()).toBe('')
    }
  })
})
