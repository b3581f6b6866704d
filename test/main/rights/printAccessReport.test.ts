import { afterEach, describe, expect, it } from 'vitest'
import { AuditEntryEntity } from '../../../src/main/vault/entities/AuditEntry'
import { newTestApp } from '../../support/testApp'
import { insertRichPerson } from './richPerson'
import type { TestApp } from './support'

/**
 * R-18 "Afdrukken" is a contract operation like every other: the shell injects the printer
 * (Electron: webContents.print), the operation decides what is printed and audits it. Here a
 * stand-in printer answers as the OS dialog would: printed, or cancelled.
 */
const apps: TestApp[] = []
afterEach(async () => {
  for (const t of apps.splice(0)) await t.dispose()
})

async function appWithPrinter(answer: boolean | null) {
  const printed: string[] = []
  const t = await newTestApp({
    start: '2026-11-27T10:00:00Z',
    ...(answer === null
      ? {}
      : {
          reportPrinter: async (html: string) => {
            printed.push(html)
            return answer
          }
        })
  })
  apps.push(t)
  const { personId } = await insertRichPerson(t.app.vault.dataSource)
  const issued = await t.call('getAccessReportHtml', { personId, lang: 'nl' })
  const printAudit = async () =>
    (await t.app.vault.dataSource.getRepository(AuditEntryEntity).find({ where: { subjectId: personId, action: 'report.print' } })).map((e) => [e.reason, e.fields])
  return { t, personId, issued, printed, printAudit }
}

describe('printing an access report (R-18) through the contract', () => {
  it('prints the issued report with the injected printer and audits the print', async () => {
    const { t, personId, issued, printed, printAudit } = await appWithPrinter(true)
    expect(await t.call('printAccessReport', { personId, lang: 'nl', reference: issued.reference })).toEqual({ printed: true })
    expect(printed).toHaveLength(1)
    expect(printed[0]).toContain(issued.reference)
    expect(await printAudit()).toEqual([[issued.reference, ['print']]])
  })

  it('audits nothing when the print dialog was cancelled', async () => {
    const { t, personId, issued, printed, printAudit } = await appWithPrinter(false)
    expect(await t.call('printAccessReport', { personId, lang: 'nl', reference: issued.reference })).toEqual({ printed: false })
    expect(printed).toHaveLength(1)
    expect(await printAudit()).toEqual([])
  })

  it('fails with PRINT_UNAVAILABLE where the shell has no printer (CLI, harness), and audits nothing', async () => {
    const { t, personId, issued, printAudit } = await appWithPrinter(null)
    await expect(t.call('printAccessReport', { personId, lang: 'nl', reference: issued.reference })).rejects.toMatchObject({ code: 'PRINT_UNAVAILABLE' })
    expect(await printAudit()).toEqual([])
  })

  it('prints only a report issued to this person', async () => {
    const { t, personId, printed } = await appWithPrinter(true)
    await expect(t.call('printAccessReport', { personId, lang: 'nl', reference: 'INZ-2026-999999' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(printed).toEqual([])
  })
})
