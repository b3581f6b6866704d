import { htmlToPdf, WarmHtmlToPdf } from '../documents/htmlToPdf'
import type { PdfRenderer } from './pdfRenderer'

/**
 * The PdfRenderers of the plain-Node shells: the document through headless Chromium
 * (`documents/htmlToPdf.ts`). Must not be imported from the Electron bundle.
 */

/** One browser per document: the CLI, which makes one PDF per run. */
export const headlessChromiumPdf: PdfRenderer = (html, opts) => htmlToPdf(html, opts)

/**
 * One browser per session (the web preview, the browser tests' server, the bench): the second and
 * later PDFs skip Chromium's launch. The app releases it when the session ends.
 */
export function warmHeadlessChromiumPdf(): PdfRenderer {
  const warm = new WarmHtmlToPdf()
  const render: PdfRenderer = (html, opts) => warm.render(html, opts)
  render.release = () => warm.close()
  return render
}
