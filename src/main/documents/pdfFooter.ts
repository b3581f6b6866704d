/**
 * The footer of every PDF page: the document's identity (title, reference, date) and
 * "Pagina X van Y". Chromium fills `pageNumber`/`totalPages` in the footer template; CSS counters
 * in `@page` margin boxes are not reliable there. Both PDF paths use these builders: Playwright
 * (`htmlToPdf`, CLI and tests) and Electron's `webContents.printToPDF`. This file imports no
 * browser library, so the Electron main bundle can import it.
 */
import type { CalendarDate } from '../../shared/domain'
import type { AccessReportModel } from './accessReportModel'
import { escapeHtml } from './escapeHtml'
import { formatPrintedDate } from '../../shared/time'
import { labelsFor, type Lang } from './labels'
import { PAGE_MARGINS_MM } from './printCss'

/** Chromium prints a default header (date, title) unless given one; ours is empty. */
export const PDF_HEADER_TEMPLATE = '<span></span>'

/** "Inzageverslag INZ-2026-000123 · uitgegeven 27-11-2026" — no personal data. */
export function documentFooterText(footer: {
  lang: Lang
  title: string
  reference: string | null
  date: CalendarDate
  dateKind: 'issued' | 'generated'
}): string {
  const l = labelsFor(footer.lang).common
  const what = footer.reference ? `${footer.title} ${footer.reference}` : footer.title
  return `${what} · ${l[footer.dateKind]} ${formatPrintedDate(footer.date, footer.lang)}`
}

/** the access report's footer line. */
export function pdfFooterText(model: AccessReportModel): string {
  return documentFooterText({
    lang: model.lang,
    title: labelsFor(model.lang).accessReport.title,
    reference: model.reference,
    date: model.issuedOn,
    dateKind: 'issued'
  })
}

/**
 * The footer template for Chromium's PDF printing: the footer text on the left, "Pagina X van Y"
 * on the right, inside the bottom page margin. The template page does not inherit the document's
 * styles, so everything is inline (and the default font size there is unreadably small).
 */
export function pdfFooterTemplate(footerText: string, lang: Lang): string {
  const l = labelsFor(lang).common
  const m = PAGE_MARGINS_MM
  return (
    `<div style="box-sizing:border-box;width:100%;padding:0 ${m.right}mm 0 ${m.left}mm;display:flex;justify-content:space-between;` +
    `gap:8mm;font-family:system-ui,'Liberation Sans',Arial,sans-serif;font-size:8pt;color:#444;">` +
    `<span>${escapeHtml(footerText)}</span>` +
    `<span style="white-space:nowrap;">${escapeHtml(l.page)} <span class="pageNumber"></span> ` +
    `${escapeHtml(l.pageOf)} <span class="totalPages"></span></span>` +
    `</div>`
  )
}

/**
 * Options for Electron's `webContents.printToPDF`, equal to what `htmlToPdf` gives Playwright:
 * A4, backgrounds, the shared header/footer templates and the `@page` margins (in inches, as
 * Electron wants them). A plain object, so this module needs no Electron import.
 */
export function electronPrintToPdfOptions(footerText: string, lang: Lang) {
  const inch = (mm: number): number => mm / 25.4
  return {
    pageSize: 'A4' as const,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: PDF_HEADER_TEMPLATE,
    footerTemplate: pdfFooterTemplate(footerText, lang),
    preferCSSPageSize: true,
    margins: {
      top: inch(PAGE_MARGINS_MM.top),
      right: inch(PAGE_MARGINS_MM.right),
      bottom: inch(PAGE_MARGINS_MM.bottom),
      left: inch(PAGE_MARGINS_MM.left)
    }
  }
}
