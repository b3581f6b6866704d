import { randomBytes } from 'node:crypto'

/**
 * Electron lock-down settings in one small, readable module. Pure data and predicates, so
 * tests verify them without Electron; `window.ts` and `index.ts` apply them.
 */

/** The renderer's origin in production: a custom protocol, never file:// (Electron checklist). */
export const APP_SCHEME = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://dossier`

/**
 * The style nonce's stand-in in the built `index.html` (Vite's `html.cspNonce`, see
 * electron.vite.config.ts): whoever serves the page replaces it with a fresh nonce per load
 * (`withStyleNonce`). The dev server cannot, so in development the stand-in is the nonce.
 */
export const STYLE_NONCE_PLACEHOLDER = 'dossierStyleNonce'

/** A fresh nonce for one page load: 128 random bits, hex (a valid CSP nonce and HTML attribute). */
export function newStyleNonce(): string {
  return randomBytes(16).toString('hex')
}

/**
 * Styles (issue 15 point 8), as narrow as Mantine allows:
 * - `style-src 'self' 'nonce-…'`: stylesheets from the app itself, and `<style>` elements only
 *   when they carry this page load's nonce. Mantine 9 still writes `<style>` elements at run time —
 *   the theme's CSS variables and breakpoint classes (MantineProvider), responsive props of
 *   AppShell, Grid and SimpleGrid (InlineStyles, with generated class names), the scroll lock of
 *   modals (react-remove-scroll) — so `'self'` alone breaks the screens, and the content varies,
 *   so hashes cannot list it. The renderer hands the nonce to Mantine (`getStyleNonce`) and to
 *   react-remove-scroll (`get-nonce`); an injected `<style>` without it is refused. The printable
 *   documents shown in `srcdoc` frames inherit this policy, so the renderer marks their print CSS
 *   with the nonce too (src/renderer/src/styleNonce.ts).
 * - `style-src-attr 'unsafe-inline'`: `style="…"` attributes, which Mantine sets on nearly every
 *   component (its CSS variables per instance) and which no nonce or hash can cover. An attribute
 *   can restyle an element but load nothing (`img-src`/`font-src` still bind its `url()`s).
 */
export function contentSecurityPolicy(styleNonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${styleNonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self' blob:", // the access-report preview (sandboxed srcdoc/blob frame)
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'"
  ].join('; ')
}

/** The page as served: the nonce stand-in (in the meta policy and on Vite's tags) replaced by this load's nonce. */
export function withStyleNonce(html: string, styleNonce: string): string {
  return html.replaceAll(STYLE_NONCE_PLACEHOLDER, styleNonce)
}

export interface SecureWebPreferences {
  preload: string
  contextIsolation: true
  sandbox: true
  nodeIntegration: false
  nodeIntegrationInWorker: false
  nodeIntegrationInSubFrames: false
  webSecurity: true
  allowRunningInsecureContent: false
  webviewTag: false
  experimentalFeatures: false
  navigateOnDragDrop: false
  spellcheck: false
  disableBlinkFeatures: 'Auxclick'
  devTools: boolean
}

export function secureWebPreferences(preload: string, isProduction: boolean): SecureWebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // Middle-click (auxclick) must not open a link in a new window (electronegativity AUXCLICK).
    disableBlinkFeatures: 'Auxclick',
    devTools: !isProduction
  }
}

/** The only pages the app may show: its own renderer (and the dev server in development). */
export function isTrustedUrl(url: string, devServerUrl: string | undefined): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'dossier') return true
  if (devServerUrl) {
    const dev = new URL(devServerUrl)
    return parsed.origin === dev.origin
  }
  return false
}

/** Navigation away from the app and new windows are always denied. */
export function isAllowedNavigation(currentUrl: string, targetUrl: string, devServerUrl: string | undefined): boolean {
  return isTrustedUrl(targetUrl, devServerUrl) && new URL(targetUrl).origin === new URL(currentUrl).origin
}

/** IPC is accepted only from the app's own top frame. */
export function isTrustedSender(frame: { url: string; parent: unknown } | null, devServerUrl: string | undefined): boolean {
  return !!frame && frame.parent === null && isTrustedUrl(frame.url, devServerUrl)
}

/**
 * The same policy as the renderer's `<meta http-equiv>` carries it: `frame-ancestors` is ignored
 * in a meta tag (browsers warn), so only the response header has it.
 */
export function contentSecurityPolicyMeta(styleNonce: string): string {
  return contentSecurityPolicy(styleNonce)
    .split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ')
}

/** A CSP as directive → sources, for checks (tests, and anyone reading the policy). */
export function cspDirectives(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    if (name) out.set(name.toLowerCase(), sources)
  }
  return out
}

/** Camera, microphone, geolocation, notifications, clipboard reads…: the app needs none. */
export function isPermissionAllowed(_permission: string): boolean {
  return false
}

/** Fuses set when packaging (see electron-builder.yml / scripts): documented and tested as data. */
export const ELECTRON_FUSES = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  // file:// gets no extra privileges: the renderer is served from the app's own scheme, never file://
  GrantFileProtocolExtraPrivileges: false
} as const
