/**
 * The PDF path for the CLI and tests: a document's HTML through headless Chromium
 * (playwright-core + Debian's chromium) into an A4 PDF with the shared footer template.
 * The Electron app does not use this file; it prints the same HTML with
 * `webContents.printToPDF(electronPrintToPdfOptions(...))` from `pdfFooter.ts`.
 *
 * Privacy: the HTML goes to the browser with `setContent`, never through a file, so personal data
 * is not written to disk in clear; the browser runs with a throw-away profile, no JavaScript and
 * no network, and is closed whatever happens.
 */
import { PDF_HEADER_TEMPLATE, pdfFooterTemplate } from './pdfFooter'
import type { Lang } from './labels'
import { PAGE_MARGINS_MM } from './printCss'

export { pdfFooterTemplate, pdfFooterText, documentFooterText, PDF_HEADER_TEMPLATE } from './pdfFooter'

export interface HtmlToPdfOptions {
  /** The line repeated at the foot of every page (see `pdfFooterText`). */
  footerText: string
  lang: Lang
}

/** Arguments for Debian's chromium in a headless, offline, profile-less run. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync'
]

export async function htmlToPdf(html: string, opts: HtmlToPdfOptions): Promise<Buffer> {
  // Loaded on use: playwright-core is test/CLI tooling and must not weigh on other importers.
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({
    executablePath: process.env.DOSSIER_CHROMIUM ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS]
  })
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true })
    // The documents load nothing (CSP `default-src 'none'`); refuse any request all the same.
    await context.route('**/*', (route) => route.abort())
    const page = await context.newPage()
    await page.setContent(html, { waitUntil: 'load' })
    const m = PAGE_MARGINS_MM
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: PDF_HEADER_TEMPLATE,
      footerTemplate: pdfFooterTemplate(opts.footerText, opts.lang),
      preferCSSPageSize: true,
      margin: { top: `${m.top}mm`, right: `${m.right}mm`, bottom: `${m.bottom}mm`, left: `${m.left}mm` }
    })
  } finally {
    await browser.close()
  }
}
