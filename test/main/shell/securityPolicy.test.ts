import { describe, expect, it } from 'vitest'
import {
  APP_ORIGIN,
  contentSecurityPolicy,
  contentSecurityPolicyMeta,
  cspDirectives,
  ELECTRON_FUSES,
  isAllowedNavigation,
  isPermissionAllowed,
  isTrustedSender,
  isTrustedUrl,
  newStyleNonce,
  secureWebPreferences,
  STYLE_NONCE_PLACEHOLDER,
  withStyleNonce
} from '../../../src/main/shell/securityPolicy'

const DEV = 'http://localhost:5173'

describe('Electron lock-down policy (R-21), checked as data', () => {
  it('runs every page isolated, sandboxed and without Node', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.js', true)
    expect(prefs).toEqual({
      preload: '/app/out/preload/index.js',
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
      disableBlinkFeatures: 'Auxclick', // no middle-click new windows
      devTools: false
    })
    expect(secureWebPreferences('/p', false).devTools).toBe(true) // development builds only
  })

  it('has a CSP that allows nothing by default, no eval, no inline or foreign scripts, no framing', () => {
    const CONTENT_SECURITY_POLICY = contentSecurityPolicy('0123abcd')
    const csp = cspDirectives(CONTENT_SECURITY_POLICY)
    expect(csp.get('default-src')).toEqual(["'none'"])
    expect(csp.get('script-src')).toEqual(["'self'"])
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|\*|https?:|data:.*script/)
    expect(csp.get('object-src')).toEqual(["'none'"])
    expect(csp.get('base-uri')).toEqual(["'none'"])
    expect(csp.get('form-action')).toEqual(["'none'"])
    expect(csp.get('frame-ancestors')).toEqual(["'none'"])
    expect(csp.get('connect-src')).toEqual(["'self'"])
    // Every directive a page could fetch with falls back to default-src or is listed: no scheme-wide sources.
    for (const [, sources] of csp) for (const s of sources) expect(["'self'", "'none'", "'unsafe-inline'", "'nonce-0123abcd'", 'data:', 'blob:']).toContain(s)
    // The meta-tag form is the same policy minus frame-ancestors (ignored in <meta>).
    expect(cspDirectives(contentSecurityPolicyMeta('0123abcd'))).toEqual(new Map([...csp].filter(([k]) => k !== 'frame-ancestors')))
  })

  it('allows <style> elements only with the page load\'s nonce, and inline styles only as attributes (issue 15 point 8)', () => {
    const csp = cspDirectives(contentSecurityPolicy('0123abcd'))
    expect(csp.get('style-src')).toEqual(["'self'", "'nonce-0123abcd'"])
    expect(csp.get('style-src-attr')).toEqual(["'unsafe-inline'"])
    expect(csp.has('style-src-elem')).toBe(false) // falls back to style-src: no 'unsafe-inline' for elements
    expect([...csp].filter(([, sources]) => sources.includes("'unsafe-inline'")).map(([name]) => name)).toEqual(['style-src-attr'])
  })

  it('gives every page load its own nonce, filled in wherever the built page has the stand-in', () => {
    const a = newStyleNonce()
    expect(a).toMatch(/^[0-9a-f]{32}$/)
    expect(newStyleNonce()).not.toBe(a)
    const page = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicyMeta(STYLE_NONCE_PLACEHOLDER)}"><meta property="csp-nonce" nonce="${STYLE_NONCE_PLACEHOLDER}">`
    const served = withStyleNonce(page, a)
    expect(served).not.toContain(STYLE_NONCE_PLACEHOLDER)
    expect(served).toContain(`'nonce-${a}'`)
    expect(served).toContain(`nonce="${a}"`)
  })

  it('trusts only its own origin (and the dev server in development)', () => {
    expect(isTrustedUrl(`${APP_ORIGIN}/index.html`, undefined)).toBe(true)
    expect(isTrustedUrl('app://other/index.html', undefined)).toBe(false)
    expect(isTrustedUrl('file:///etc/passwd', undefined)).toBe(false)
    expect(isTrustedUrl('https://example.org/', undefined)).toBe(false)
    expect(isTrustedUrl(`${DEV}/`, undefined)).toBe(false) // no dev server in production
    expect(isTrustedUrl(`${DEV}/src/main.tsx`, DEV)).toBe(true)
    expect(isTrustedUrl('http://localhost:5174/', DEV)).toBe(false)
    expect(isTrustedUrl('not a url', DEV)).toBe(false)
  })

  it('denies navigation away from the app', () => {
    const here = `${APP_ORIGIN}/index.html`
    expect(isAllowedNavigation(here, `${APP_ORIGIN}/index.html#x`, undefined)).toBe(true)
    for (const target of ['https://evil.example/', 'file:///C:/Windows/', 'javascript:alert(1)', 'data:text/html,hi', 'about:blank', `${DEV}/`]) {
      expect(isAllowedNavigation(here, target, undefined)).toBe(false)
    }
    // In development the dev server cannot navigate into the app scheme or vice versa.
    expect(isAllowedNavigation(`${DEV}/`, `${APP_ORIGIN}/index.html`, DEV)).toBe(false)
  })

  it('accepts IPC only from the app\'s top frame', () => {
    expect(isTrustedSender({ url: `${APP_ORIGIN}/index.html`, parent: null }, undefined)).toBe(true)
    expect(isTrustedSender({ url: `${APP_ORIGIN}/index.html`, parent: {} }, undefined)).toBe(false) // a sub-frame, e.g. a document preview
    expect(isTrustedSender({ url: 'about:srcdoc', parent: null }, undefined)).toBe(false)
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null }, undefined)).toBe(false)
    expect(isTrustedSender(null, undefined)).toBe(false)
  })

  it('grants no permission request (camera, microphone, notifications, geolocation…)', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial']) {
      expect(isPermissionAllowed(p)).toBe(false)
    }
  })

  it('sets the packaging fuses: no RunAsNode, cookies encrypted, no NODE_OPTIONS, no --inspect, asar only and integrity-checked, no extra file:// privileges', () => {
    expect(ELECTRON_FUSES).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false
    })
  })

})
