import { performance } from 'node:perf_hooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../../src/main/governance/settings'
import { buildAccessReportHtml } from '../../../src/main/rights/buildAccessReportModel'
import { DEFAULT_POLICY } from '../../../src/main/retention/policy'
import { newTestApp } from '../../support/testApp'
import { insertRichPerson } from './richPerson'
import { flat, pdfText, type TestApp } from './support'

/** Issue 6 "done when": report generation for 50 disclosures and 20 attachments under 1 s. */
describe('access report for a heavy record (50 disclosures, 20 attachments)', () => {
  let t: TestApp
  let personId = ''
  beforeAll(async () => {
    t = await newTestApp({ start: '2026-11-27T10:00:00Z' })
    // 3 + 47 disclosures, 2 + 18 attachments
    personId = (await insertRichPerson(t.app.vault.dataSource, { disclosures: 47, attachments: 18, unsubscribedOn: '2026-10-15' })).personId
  })
  afterAll(async () => {
    await t.dispose()
  })

  it('builds the model and HTML well under a second, and the whole audited operation too', async () => {
    const opts = { lang: 'nl' as const, today: '2026-11-27', reference: 'INZ-2026-000999', agency: DEFAULT_SETTINGS.agency, policy: DEFAULT_POLICY, restricted: t.app.vault.restricted }
    await buildAccessReportHtml(t.app.vault.dataSource.manager, personId, opts) // warm-up
    const runs: number[] = []
    for (let i = 0; i < 5; i++) {
      const start = performance.now()
      const html = await buildAccessReportHtml(t.app.vault.dataSource.manager, personId, opts)
      runs.push(performance.now() - start)
      // every disclosure in its table, and each client again among the recipients (R-18a)
      expect(html.match(/Opdrachtgever \d+/g)).toHaveLength(94)
    }
    const start = performance.now()
    await t.call('getAccessReportHtml', { personId, lang: 'nl' })
    const operation = performance.now() - start
    console.log(`access report model+HTML: median ${median(runs).toFixed(1)} ms; getAccessReportHtml (transaction, counter, audit): ${operation.toFixed(1)} ms`)
    expect(median(runs)).toBeLessThan(1000)
    expect(operation).toBeLessThan(1000)
  })

  it('makes the PDF with every disclosure and attachment', async () => {
    const start = performance.now()
    const { pdfBase64 } = await t.call('getAccessReportPdf', { personId, lang: 'nl' })
    console.log(`getAccessReportPdf (incl. headless Chromium start): ${(performance.now() - start).toFixed(0)} ms`)
    const text = flat(await pdfText(Buffer.from(pdfBase64, 'base64')))
    expect(text.match(/Opdrachtgever \d+/g)).toHaveLength(94)
    expect(text.match(/referentie-\d+\.pdf/g)).toHaveLength(18)
  })
})

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}
