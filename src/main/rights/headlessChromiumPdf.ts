import { htmlToPdf } from '../documents/htmlToPdf'
import type { PdfRenderer } from './pdfRenderer'

/**
 * The PdfRenderer of the plain-Node shells (CLI, test harness): the document through headless
 * Chromium (`documents/htmlToPdf.ts`). Must not be imported from the Electron bundle.
 */
export const headlessChromiumPdf: PdfRenderer = (html, opts) => htmlToPdf(html, opts)
