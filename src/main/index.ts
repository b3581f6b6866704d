import { join } from 'node:path'
import { app, BrowserWindow, session } from 'electron'
import { systemClock } from './clock'
import { createDossierApp } from './services/createDossierApp'
import { createDispatcher } from './services/dispatcher'
import { registerAppScheme, serveRenderer } from './shell/appProtocol'
import { registerIpc } from './shell/ipc'
import { installLocks } from './shell/powerLock'
import { createMainWindow } from './shell/window'

/**
 * Electron entry: lifecycle and wiring only. Every rule lives in Electron-free modules
 * (services/, vault/, retention/, ...) that the CLI and the tests run under plain Node.
 */
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined
const isProduction = app.isPackaged

// crashReporter is deliberately never started: minidumps could carry personal data from memory.
registerAppScheme()

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
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
    session.defaultSession.setPermissionCheckHandler(() => false)
    serveRenderer(join(__dirname, '../renderer'))

    const dossier = createDossierApp({ vaultDir: join(app.getPath('userData'), 'vault'), clock: systemClock })
    registerIpc(createDispatcher(dossier, (line) => console.error(line)), devServerUrl)
    win = createMainWindow({ isProduction, devServerUrl })
    installLocks(dossier, () => win?.webContents.send('dossier:locked'))
    app.on('before-quit', () => void dossier.close())
  })

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })
  app.on('window-all-closed', () => app.quit())
}
