import { join } from 'node:path'
import { app, BrowserWindow, session } from 'electron'
import { systemClock } from './clock'
import { createLogger, fileSink, stderrSink, type LogSink } from './logging/log'
import { createDossierApp, createServerApp } from './services/createDossierApp'
import { chooseServer, readDeskChoice, type DeskChoice } from './services/deskChoice'
import { parseServerUrl } from './server/serverAddress'
import { createDispatcher } from './services/dispatcher'
import { installAppMenu } from './shell/appMenu'
import { registerAppScheme, serveRenderer } from './shell/appProtocol'
import { registerIpc } from './shell/ipc'
import { installLocks } from './shell/powerLock'
import { electronPdfRenderer, electronReportPrinter } from './shell/printReport'
import { isAllowedNavigation, isPermissionAllowed } from './shell/securityPolicy'
import { createMainWindow } from './shell/window'

/**
 * Electron entry: lifecycle and wiring only. Every rule lives in Electron-free modules
 * (services/, vault/, retention/, ...) that the CLI and the tests run under plain Node.
 */
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined
const isProduction = app.isPackaged

// event names and error codes only (logging/log.ts); to stderr until the log folder is known.
let sink: LogSink = stderrSink
const log = createLogger({ write: (line) => sink.write(line) }, () => systemClock.now())
process.on('uncaughtException', (e) => log.error('process.uncaught-exception', e))
process.on('unhandledRejection', (e) => log.error('process.unhandled-rejection', e))

// crashReporter is deliberately never started: minidumps could carry personal data from memory.
// Every renderer is sandboxed, whatever a future window's options say.
app.enableSandbox()
registerAppScheme()
// One folder for the app's data whether packaged (productName) or run with `npm run dev` (the npm name).
app.setPath('userData', join(app.getPath('appData'), 'Dossier'))

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  let win: BrowserWindow | null = null
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore()
      win.focus()
    }
  })

  void app.whenReady().then(() => {
    if (isProduction) sink = fileSink(join(app.getPath('logs'), 'dossier.log'))
    log.info('app.ready', { packaged: isProduction })
    session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(isPermissionAllowed(permission)))
    session.defaultSession.setPermissionCheckHandler((_wc, permission) => isPermissionAllowed(permission))
    session.defaultSession.setDevicePermissionHandler(() => false)
    installAppMenu(isProduction)
    serveRenderer(join(__dirname, '../renderer'))

    // PDFs through Electron's own printToPDF; the headless-Chromium renderer is CLI/test tooling, not packaged.
    // Printing with the OS dialog exists only here (the CLI and the harness have no printer).
    // Issue 17: this desk's data on the office server, or in the local vault (services/deskChoice.ts).
    const deskDir = app.getPath('userData')
    let desk: DeskChoice = { kind: 'local' }
    try {
      desk = readDeskChoice(deskDir)
    } catch (e) {
      log.error('desk.invalid', e)
    }
    const dossier =
      desk.kind === 'server'
        ? createServerApp({ server: parseServerUrl(desk.url), clock: systemClock, pdfRenderer: electronPdfRenderer, reportPrinter: electronReportPrinter })
        : createDossierApp({
            vaultDir: join(deskDir, 'vault'),
            clock: systemClock,
            pdfRenderer: electronPdfRenderer,
            reportPrinter: electronReportPrinter,
            backgroundCheckpoints: true,
            // The first-run choice: recorded, then the app starts again on the server.
            onChooseServer: async (url) => {
              chooseServer(deskDir, url)
              log.info('desk.server-chosen')
              setTimeout(() => {
                app.relaunch()
                app.exit(0)
              }, 1500)
              return true
            }
          })
    registerIpc(createDispatcher(dossier, (line) => log.error('operation.failed', undefined, { detail: line })), devServerUrl)
    win = createMainWindow({ isProduction, devServerUrl })
    installLocks(dossier, () => {
      log.info('vault.locked')
      win?.webContents.send('dossier:locked')
    })
    app.on('before-quit', () => void dossier.close())
  })

  // Any web contents, not only the main window's: no webviews, no navigation away, no new windows.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(contents.getURL(), url, devServerUrl)) {
        event.preventDefault()
        log.warn('navigation.denied')
      }
    })
    contents.on('will-frame-navigate', (event) => {
      if (!event.isMainFrame && !isAllowedNavigation(contents.getURL(), event.url, devServerUrl)) {
        event.preventDefault()
        log.warn('frame-navigation.denied')
      }
    })
    contents.setWindowOpenHandler(() => {
      log.warn('window-open.denied')
      return { action: 'deny' }
    })
  })
  app.on('window-all-closed', () => app.quit())
}
