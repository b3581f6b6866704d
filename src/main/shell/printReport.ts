import { writeFile } from 'node:fs/promises'
import { BrowserWindow, dialog, type WebContents } from 'electron'
import { electronPrintToPdfOptions } from '../documents/pdfFooter'
import type { Lang } from '../documents/labels'
import { recordReportPrinted, reissueAccessReport } from '../rights/accessReportService'
import type { PdfRenderer } from '../rights/pdfRenderer'
import type { DossierApp } from '../services/DossierApp'

/**
 * Electron's side of R-18 printing (not unit-tested; the logic lives in `rights/`). A document is
 * loaded into a hidden, sandboxed, script-less window from a `data:` URL — never a temp file, so
 * no personal data is written to disk in clear — in an in-memory session of its own, then either
 * printed with the OS dialog or turned into a PDF with the same footer template as the CLI.
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
      spellcheck: false
    }
  })
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

/** The OS print dialog for a document; resolves whether it was printed (false when cancelled). */
export function printHtmlDocument(html: string): Promise<boolean> {
  return withHiddenDocument(
    html,
    (contents) =>
      new Promise<boolean>((resolve) => {
        contents.print({ silent: false, printBackground: true, pageSize: 'A4' }, (success) => resolve(success))
      })
  )
}

/** A save dialog for a PDF; resolves whether it was saved. The suggested name holds no personal data. */
export async function savePdfWithDialog(parent: BrowserWindow | null, pdf: Buffer, suggestedName: string): Promise<boolean> {
  const options = { defaultPath: suggestedName, filters: [{ name: 'PDF', extensions: ['pdf'] }] }
  const choice = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options)
  if (choice.canceled || !choice.filePath) return false
  await writeFile(choice.filePath, pdf, { mode: 0o600 })
  return true
}

/**
 * "Afdrukken" in the app (IPC `dossier:print-access-report`, to be wired by the shell): the same
 * report the preview shows (its reference), printed with the OS dialog; a print is audited.
 */
export async function printAccessReport(app: DossierApp, input: { personId: string; lang: Lang; reference: string }): Promise<{ printed: boolean }> {
  app.requireRole('staff', 'privacy_officer', 'admin')
  const report = await reissueAccessReport(app, input.personId, input.lang, input.reference)
  const printed = await printHtmlDocument(report.html)
  if (printed) await recordReportPrinted(app, input.personId, report.reference, 'print')
  return { printed }
}
