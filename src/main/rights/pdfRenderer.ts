/**
 * turns a document's HTML into an A4 PDF with the shared footer template. Each shell hands
 * its own to the app (its `pdfRenderer` option; domain code asks `ws.pdfRenderer()`): Electron `electronPdfRenderer`
 * (`shell/printReport.ts`, `webContents.printToPDF`), the CLI, the test harness and the bench
 * `headlessChromiumPdf` (`./headlessChromiumPdf.ts`, Playwright + Debian's Chromium). Nothing here
 * imports either, so the Electron bundle never carries Playwright and the CLI never needs Electron.
 */
export type { PdfRenderer } from '../workspace/Workspace'
