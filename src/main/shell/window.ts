import { join } from 'node:path'
import { BrowserWindow, session } from 'electron'
import { APP_ORIGIN, STYLE_NONCE_PLACEHOLDER, contentSecurityPolicy, isAllowedNavigation, secureWebPreferences } from './securityPolicy'

/** The main window, locked down per Electron's security checklist. */
export function createMainWindow(opts: { isProduction: boolean; devServerUrl: string | undefined }): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    show: false,
    autoHideMenuBar: true,
    title: 'Dossier',
    // The decisive switches are also spelled out literally, so static checkers (electronegativity) see them.
    webPreferences: {
      ...secureWebPreferences(join(__dirname, '../preload/index.js'), opts.isProduction),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick'
    }
  })
  win.once('ready-to-show', () => win.show())

  // CSP on every response, not only the meta tag in index.html. The app's own scheme sets its
  // policy with the page's style nonce (appProtocol.ts); anything else — the dev server, which
  // cannot vary the nonce — gets the policy with the nonce's stand-in, as its pages carry it.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    if (details.url.startsWith(`${APP_ORIGIN}/`)) return callback({})
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy(STYLE_NONCE_PLACEHOLDER)] } })
  })

  win.webContents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(win.webContents.getURL(), url, opts.devServerUrl)) event.preventDefault()
  })
  win.webContents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(win.webContents.getURL(), url, opts.devServerUrl)) event.preventDefault()
  })
  // Frames (the access-report preview) navigate nowhere either.
  win.webContents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isAllowedNavigation(win.webContents.getURL(), event.url, opts.devServerUrl)) event.preventDefault()
  })
  // Nothing opens a window, in the app or in the system browser: the app is offline and shows
  // addresses (the regulator's) as text, so no link can hand a URL to the operating system.
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  if (opts.isProduction) {
    win.webContents.on('devtools-opened', () => win.webContents.closeDevTools())
  }

  if (opts.devServerUrl) void win.loadURL(opts.devServerUrl)
  else void win.loadURL(`${APP_ORIGIN}/index.html`)
  return win
}
