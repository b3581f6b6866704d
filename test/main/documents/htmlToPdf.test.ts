import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { PrintToPDFOptions } from 'electron'
import { afterAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { htmlToPdf, pdfFooterTemplate, pdfFooterText, WarmHtmlToPdf } from '../../../src/main/documents/htmlToPdf'
import { electronPrintToPdfOptions } from '../../../src/main/documents/pdfFooter'
import { renderAccessReportHtml } from '../../../src/main/documents/renderAccessReport'
import { renderProcessingRegisterHtml } from '../../../src/main/documents/renderProcessingRegister'
import { FIELD_KEYS, LABELS } from '../../../src/main/documents/labels'
import { AGENCY, FIELD_VALUES, richAccessReport } from './fixtures'

const run = promisify(execFile)

/**
 * The PDF's text as `pdftotext -layout` reads it. The PDF is written to a temp file only here, in
 * the test, with synthetic data, and removed at once.
 */
async function pdfText(pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-pdf-test-'))
  try {
    const file = join(dir, 'document.pdf')
    await writeFile(file, pdf)
    const { stdout } = await run('pdftotext', ['-layout', file, '-'])
    return stdout
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Whitespace-insensitive, so a table's column padding does not matter. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ')
}

describe('PDF of the access report (R-18: savable as PDF)', () => {
  // The first and the last document as the CLI makes them (a browser of their own); the others from
  // one warm browser (as the preview and the bench make them): the same page setup and print options.
  const warm = new WarmHtmlToPdf()
  afterAll(() => warm.close())

  it('holds the same data as the HTML, with the footer and "Pagina X van Y" on every page', async () => {
    const model = richAccessReport('nl')
    const pdf = await htmlToPdf(renderAccessReportHtml(model), { footerText: pdfFooterText(model), lang: 'nl' })
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')

    const text = await pdfText(pdf)
    const all = flat(text)
    for (const key of FIELD_KEYS) expect(all, key).toContain(FIELD_VALUES[key])
    for (const expected of [
      'Inzageverslag',
      'INZ-2026-000123',
      'Datum van uitgifte',
      '27-11-2026',
      'cv-fenna-2026.pdf',
      'Bakkerij Vermeulen BV',
      'Techniek Partners NV',
      'PV-2025-03',
      'Toegangspas',
      'Geen tilwerk boven 15 kg',
      '30-04-2027',
      '31-12-2031',
      'autoriteitpersoonsgegevens.nl',
      'info@jobandtraining.nl',
      '0162-785594'
    ]) {
      expect(all, expected).toContain(expected)
    }

    const pages = text.split('\f').filter((page) => page.trim() !== '')
    expect(pages.length).toBeGreaterThan(1)
    pages.forEach((page, i) => {
      expect(flat(page)).toContain(`Pagina ${i + 1} van ${pages.length}`)
      expect(flat(page)).toContain('Inzageverslag INZ-2026-000123 · uitgegeven 27-11-2026')
    })
    expect(all).toContain('Pagina 1 van')
  })

  it('numbers English pages "Page X of Y"', async () => {
    const model = richAccessReport('en')
    const pdf = await warm.render(renderAccessReportHtml(model), { footerText: pdfFooterText(model), lang: 'en' })
    const all = flat(await pdfText(pdf))
    expect(all).toContain('Page 1 of')
    expect(all).toContain('Access report INZ-2026-000123 · issued 27 Nov 2026')
    expect(all).toContain('30 Apr 2027')
    expect(all).toContain(LABELS.en.accessReport.rightsSection)
  })

  it('prints other documents through the same path', async () => {
    const html = renderProcessingRegisterHtml({
      lang: 'nl',
      agency: AGENCY,
      generatedOn: '2026-11-27',
      purposes: [{ purpose: 'payroll', legalBasis: 'legal-obligation', dataCategories: ['BSN'], recipients: ['Belastingdienst'], retention: '7 jaar' }],
      specialCategories: ['health'],
      securityMeasures: ['Versleutelde database']
    })
    const all = flat(await pdfText(await warm.render(html, { footerText: 'Verwerkingsregister', lang: 'nl' })))
    expect(all).toContain('Register van verwerkingsactiviteiten')
    expect(all).toContain('Belastingdienst')
    // Numbered pages in the footer (the register runs on past page 1 since it prints processors and DPIAs).
    const pages = Number(/Pagina 1 van (\d+)/.exec(all)?.[1])
    expect(pages).toBeGreaterThanOrEqual(1)
    expect(all).toContain(`Pagina ${pages} van ${pages}`)
  })

  it('loads nothing from the network, even for a document that asks to', async () => {
    let requests = 0
    const server = createServer((_req, res) => {
      requests++
      res.end('x')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as AddressInfo
      const url = `http://127.0.0.1:${port}`
      const html = `<!doctype html><html><head><link rel="stylesheet" href="${url}/style.css"></head>
        <body><p>Offline</p><img src="${url}/pixel.png"><iframe src="${url}/frame"></iframe></body></html>`
      const text = await pdfText(await htmlToPdf(html, { footerText: 'test', lang: 'nl' }))
      expect(text).toContain('Offline')
      expect(requests).toBe(0)
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })
})

describe('PDFs from a browser kept warm for a session (issue 16 point 9)', () => {
  const doc = (text: string) => `<!doctype html><html><body><p>${text}</p></body></html>`
  /** The warm page, reached for the test only. */
  const pageOf = (warm: WarmHtmlToPdf) => (warm as unknown as { page: Promise<Page> | null }).page

  it('reuses one browser, keeps nothing of a document in it, starts a new one when it died, and closes it', async () => {
    const warm = new WarmHtmlToPdf()
    try {
      expect(flat(await pdfText(await warm.render(doc('Eerste verslag'), { footerText: 'een', lang: 'nl' })))).toContain('Eerste verslag')
      const page = await pageOf(warm)!
      const browser = page.context().browser()!
      // The page is emptied after each document.
      await warm.idle()
      expect(await page.content()).not.toContain('Eerste verslag')
      const [second, third] = await Promise.all([
        warm.render(doc('Tweede verslag'), { footerText: 'twee', lang: 'nl' }),
        warm.render(doc('Derde verslag'), { footerText: 'drie', lang: 'en' })
      ])
      expect(await pageOf(warm)).toBe(page) // the same page, one document at a time
      const secondText = flat(await pdfText(second))
      expect(secondText).toContain('Tweede verslag')
      expect(secondText).not.toContain('Eerste verslag')
      expect(flat(await pdfText(third))).toContain('Derde verslag')

      await browser.close() // as if it crashed or was killed
      expect(flat(await pdfText(await warm.render(doc('Na de herstart'), { footerText: 'vier', lang: 'nl' })))).toContain('Na de herstart')
      const restarted = (await pageOf(warm)!).context().browser()!
      expect(restarted).not.toBe(browser)
      expect(restarted.isConnected()).toBe(true)

      await warm.close()
      expect(restarted.isConnected()).toBe(false)
      expect(pageOf(warm)).toBeNull()
    } finally {
      await warm.close()
    }
  })
})

describe('footer template shared with Electron’s printToPDF', () => {
  it('escapes the footer text and leaves Chromium’s page-number slots in place', () => {
    const template = pdfFooterTemplate('Inzageverslag <b>X</b> & co', 'nl')
    expect(template).toContain('Inzageverslag &lt;b&gt;X&lt;/b&gt; &amp; co')
    expect(template).toContain('Pagina <span class="pageNumber"></span> van <span class="totalPages"></span>')
    expect(pdfFooterTemplate('x', 'en')).toContain('Page <span class="pageNumber"></span> of <span class="totalPages"></span>')
  })

  it('gives Electron the same template, A4 and the @page margins in inches', () => {
    const options = electronPrintToPdfOptions('Inzageverslag INZ-1', 'nl') satisfies PrintToPDFOptions
    expect(options.footerTemplate).toBe(pdfFooterTemplate('Inzageverslag INZ-1', 'nl'))
    expect(options.pageSize).toBe('A4')
    expect(options.displayHeaderFooter).toBe(true)
    expect(options.margins.top).toBeCloseTo(18 / 25.4)
    expect(options.margins.bottom).toBeCloseTo(20 / 25.4)
  })
})
