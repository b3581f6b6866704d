import { join } from 'node:path'
import { BrowserWindow, session } from 'electron'
import { APP_ORIGIN, CONTENT_SECURITY_POLICY, isAllowedNavigation, secureWebPreferences } from './securityPolicy'

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

  // CSP on every response, not only the meta tag in index.html.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
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
