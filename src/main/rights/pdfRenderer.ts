/**
 * turns a document's HTML into an A4 PDF with the shared footer template. Each shell hands
 * its own to the app (its `pdfRenderer` option; domain code asks `ws.pdfRenderer()`): Electron `electronPdfRenderer`
 * (`shell/printReport.ts`, `webContents.printToPDF`), the CLI `headlessChromiumPdf`, the web
 * preview, the browser tests and the bench `warmHeadlessChromiumPdf()` (`./headlessChromiumPdf.ts`,
 * Playwright + Debian's Chromium, kept warm for a session and released when it ends). Nothing here
 * imports either, so the Electron bundle never carries Playwright and the CLI never needs Electron.
 */
export type { PdfRenderer } from '../workspace/Workspace'
