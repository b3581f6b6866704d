import { BrowserWindow, type WebContents } from 'electron'
import { electronPrintToPdfOptions } from '../documents/pdfFooter'
import type { PdfRenderer } from '../rights/pdfRenderer'
import type { ReportPrinter } from '../rights/reportPrinter'

/**
 * Electron's side of R-18 printing (not unit-tested; the logic lives in `rights/`). A document is
 * loaded into a hidden, sandboxed, script-less window from a `data:` URL — never a temp file, so
 * no personal data is written to disk in clear — in an in-memory session of its own, then either
 * printed with the OS dialog or turned into a PDF with the same footer template as the CLI. Both
 * are injected into the app like any other capability; the renderer reaches them only through
 * the contract (`printAccessReport`, `getAccessReportPdf`), never a channel of their own.
 * Chromium caps URLs at 2 MB; an access report is a few hundred kB at most.
 */

async function withHiddenDocument<T>(html: string, work: (contents: WebContents) => Promise<T>): Promise<T> {
  const win = new BrowserWindow({
    show: false,
    width: 794, // A4 at 96 dpi, so the layout matches the printed page
    height: 1123,
    webPreferences: {
      partition: 'dossier-print', // in memory: no cache or storage on disk
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick'
    }
  })
  // The print session is in memory and grants nothing: no camera, notifications, devices.
  win.webContents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  win.webContents.session.setPermissionCheckHandler(() => false)
  try {
    await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`)
    return await work(win.webContents)
  } finally {
    win.destroy()
  }
}

/** `app.pdf` in Electron: `printToPDF` with the shared options (handed to the app as `DossierAppOptions.pdfRenderer`). */
export const electronPdfRenderer: PdfRenderer = (html, opts) =>
  withHiddenDocument(html, async (contents) => Buffer.from(await contents.printToPDF(electronPrintToPdfOptions(opts.footerText, opts.lang))))

/**
 * `app.reportPrinter` in Electron (handed to the app as `DossierAppOptions.reportPrinter`): the OS
 * print dialog for a document; resolves whether it was printed (false when cancelled). What is
 * printed, who may print it and the audit entry are the `printAccessReport` operation's business.
 */
export const electronReportPrinter: ReportPrinter = (html) =>
  withHiddenDocument(
    html,
    (contents) =>
      new Promise<boolean>((resolve) => {
        contents.print({ silent: false, printBackground: true, pageSize: 'A4' }, (success) => resolve(success))
      })
  )
