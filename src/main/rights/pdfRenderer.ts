import { DossierError } from '../../shared/errors'
import type { Lang } from '../documents/labels'

/**
 * turns a document's HTML into an A4 PDF with the shared footer template. Each shell
 * installs one on the app at start-up: Electron `electronPdfRenderer` (`shell/printReport.ts`,
 * `webContents.printToPDF`), the CLI and the test harness `headlessChromiumPdf`
 * (`./headlessChromiumPdf.ts`, Playwright + Debian's Chromium). Nothing here imports either, so
 * the Electron bundle never carries Playwright and the CLI never needs Electron.
 */
export type PdfRenderer = (html: string, opts: { footerText: string; lang: Lang }) => Promise<Buffer>

const renderers = new WeakMap<object, PdfRenderer>()

export function setPdfRenderer(app: object, renderer: PdfRenderer): void {
  renderers.set(app, renderer)
}

export function pdfRendererFor(app: object): PdfRenderer {
  const renderer = renderers.get(app)
  if (!renderer) throw new DossierError('INTERNAL', 'No PDF renderer is installed.')
  return renderer
}
