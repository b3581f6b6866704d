/**
 * The PDF path for the CLI, the web preview and tests: a document's HTML through headless Chromium
 * (playwright-core + Debian's chromium) into an A4 PDF with the shared footer template.
 * The Electron app does not use this file; it prints the same HTML with
 * `webContents.printToPDF(electronPrintToPdfOptions(...))` from `pdfFooter.ts`.
 *
 * Privacy: the HTML goes to the browser with `setContent`, never through a file, so personal data
 * is not written to disk in clear; the browser runs with a throw-away profile, no JavaScript and
 * no network; the browser is closed whatever happens — after the document (`htmlToPdf`) or, kept
 * warm for a session (`WarmHtmlToPdf`), when the session ends.
 */
import type { Page } from 'playwright-core'
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

/** One document, one browser: launched, used and closed (the CLI makes one PDF per run). */
export async function htmlToPdf(html: string, opts: HtmlToPdfOptions): Promise<Buffer> {
  const page = await openPage()
  try {
    return await printPage(page, html, opts)
  } finally {
    await page.context().browser()?.close()
  }
}

/** What stays in the warm page between documents: nothing of the last one. */
const BLANK = '<!doctype html><title></title>'

/**
 * The same PDFs from a browser kept warm across the documents of a session (issue 16 point 9:
 * starting Chromium and a page's renderer process is most of a cold report's 2 s). The browser
 * and its one page start with the first document and are reused by the next ones, one document
 * at a time; a browser or page that died is replaced at the next document (and the document it
 * died under is tried once more); `close()` ends it — the app calls it when the session ends
 * (sign-out, lock, quit). The page's context is in memory, without JavaScript or network, and the
 * page is emptied after every document, so a report does not stay in it until the next one.
 */
export class WarmHtmlToPdf {
  private page: Promise<Page> | null = null
  private queue: Promise<unknown> = Promise.resolve()

  render(html: string, opts: HtmlToPdfOptions): Promise<Buffer> {
    const run = this.queue.then(() => this.renderNow(html, opts))
    // The page is emptied right after the PDF is handed back, before the next document starts.
    this.queue = run.then(
      () => this.blank(),
      () => this.blank()
    )
    return run
  }

  /** Resolves once the last document is printed and the page emptied (for tests). */
  async idle(): Promise<void> {
    await this.queue
  }

  /** Closes the browser if one runs; the next document starts a new one. */
  async close(): Promise<void> {
    const opening = this.page
    this.page = null
    const page = await opening?.catch(() => null)
    await page?.context().browser()?.close().catch(() => undefined)
  }

  private async renderNow(html: string, opts: HtmlToPdfOptions): Promise<Buffer> {
    for (let attempt = 0; ; attempt++) {
      const page = await this.livePage()
      try {
        return await printPage(page, html, opts)
      } catch (e) {
        if (attempt > 0 || usable(page)) throw e
        // The browser or page died under this document (killed, crashed): once more in a new one.
      }
    }
  }

  private async blank(): Promise<void> {
    const page = await this.page?.catch(() => null)
    if (page && usable(page)) await page.setContent(BLANK).catch(() => undefined)
  }

  private livePage(): Promise<Page> {
    if (!this.page) {
      const opening = openPage({ warm: true })
      this.page = opening
      const forget = () => {
        if (this.page === opening) this.page = null
      }
      opening.then(
        (page) => {
          const browser = page.context().browser()
          browser?.on('disconnected', forget)
          page.on('close', forget)
          page.on('crash', () => {
            forget()
            void browser?.close().catch(() => undefined)
          })
        },
        forget
      )
    }
    return this.page
  }
}

function usable(page: Page): boolean {
  return !page.isClosed() && (page.context().browser()?.isConnected() ?? false)
}

/**
 * A new headless browser with one page in an in-memory context: no JavaScript, no network. A warm
 * browser belongs to a long-running shell, which closes it on its own signals (Playwright's
 * handlers would end the whole process at Ctrl+C before the shell closed its vault).
 */
async function openPage(opts: { warm: boolean } = { warm: false }): Promise<Page> {
  // Loaded on use: playwright-core is test/CLI tooling and must not weigh on other importers.
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({
    executablePath: process.env.DOSSIER_CHROMIUM ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS],
    ...(opts.warm ? { handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false } : {})
  })
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true })
    // The documents load nothing (CSP `default-src 'none'`); refuse any request all the same.
    await context.route('**/*', (route) => route.abort())
    return await context.newPage()
  } catch (e) {
    await browser.close().catch(() => undefined)
    throw e
  }
}

async function printPage(page: Page, html: string, opts: HtmlToPdfOptions): Promise<Buffer> {
  await page.setContent(html, { waitUntil: 'load' })
  const m = PAGE_MARGINS_MM
  return page.pdf({
    format: 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: PDF_HEADER_TEMPLATE,
    footerTemplate: pdfFooterTemplate(opts.footerText, opts.lang),
    preferCSSPageSize: true,
    margin: { top: `${m.top}mm`, right: `${m.right}mm`, bottom: `${m.bottom}mm`, left: `${m.left}mm` }
  })
}
