import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SubjectRequestEntity } from '../../../src/main/vault/entities/Governance'
import { PersonEntity } from '../../../src/main/vault/entities/Person'
import { newTestApp } from '../../support/testApp'
import { ATTACHMENT_NAMES, CLIENT_NAMES, DISCLOSURE_REASON, insertRichPerson, RICH_FIELDS_NL, SPECIAL_VALUE, writeSettings } from './richPerson'
import { flat, pdfText, signInAdmin, signInAs, type TestApp } from './support'

/** The person's audit entries as stored (whoever is signed in: on the office server staff may not read the trail). */
async function auditOf(t: TestApp, personId: string) {
  const rows = await t.sql<{ action: string; reason: string | null; fields: string; actorId: string | null }>('SELECT "action", "reason", "fields", "actorId" FROM "audit_entry" WHERE "subjectId" = :personId ORDER BY "seq"', { personId })
  return rows.map((r) => ({ ...r, fields: JSON.parse(r.fields) as string[] }))
}

describe('access report (R-18) from the vault', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await newTestApp({ start: '2026-11-27T10:00:00Z' })
  })
  afterEach(async () => {
    await t.dispose()
  })

  it('prints every field, consent, disclosure, attachment and the retention dates of a rich person into the PDF', async () => {
    await writeSettings(t.app, { agency: { name: 'Job & Training', email: 'info@jobandtraining.nl', phone: '0162-785594', address: 'Stationsstraat 1' } })
    // Worked until 30 Sep 2026 and unsubscribed: R-11 runs, then the legal holds.
    const { personId } = await insertRichPerson(t.app.vault.dataSource, { unsubscribedOn: '2026-10-15' })
    const { pdfBase64, reference, fileName } = await t.call('getAccessReportPdf', { personId, lang: 'nl' })
    expect(reference).toBe('INZ-2026-000001')
    expect(fileName).toBe('inzageverslag-INZ-2026-000001.pdf')
    expect(fileName).not.toMatch(/fenna|vliegenthart/i)

    const text = flat(await pdfText(Buffer.from(pdfBase64, 'base64')))
    for (const [field, value] of Object.entries(RICH_FIELDS_NL)) expect(text, field).toContain(value)
    expect(text).not.toContain('111222333') // masked
    for (const expected of [
      ...CLIENT_NAMES,
      ...ATTACHMENT_NAMES,
      'Gezondheid', // consent 1 (valid)
      'Lidmaatschap van een vakbond', // consent 2 (withdrawn)
      'Ingetrokken',
      '30-06-2026',
      SPECIAL_VALUE, // only in the person's own report
      DISCLOSURE_REASON,
      '20-01-2026', // first disclosure
      'Uitvoering van een overeenkomst', // purpose legal basis
      'Wervings- en selectieprocedures',
      'werkzoeken.example', // source
      'PV-2025-03', // statement version
      'Verzuim',
      '07-01-2027', // next step: the expired consent's data is purged the day after 06-01-2027
      'Waarom deze stap Uw toestemming is verlopen of ingetrokken', // …and that step's own rule
      'Bewaarregel U heeft via ons gewerkt en de bemiddeling is gestopt', // the governing rule
      '01-01-2034', // the record's deletion: 7 years after the end of 2026, the year the employment ended (AWR art. 52, R-16a)
      'Inzageverslag INZ-2026-000001 · uitgegeven 27-11-2026',
      'info@jobandtraining.nl',
      'autoriteitpersoonsgegevens.nl'
    ]) {
      expect(text, expected).toContain(expected)
    }
  })

  it('issues an INZ reference per request (issue 14: not per view), counted per calendar year', async () => {
    const { personId } = await insertRichPerson(t.app.vault.dataSource)
    const other = (await insertRichPerson(t.app.vault.dataSource)).personId
    const first = await t.call('getAccessReportHtml', { personId, lang: 'nl' })
    const second = await t.call('getAccessReportHtml', { personId: other, lang: 'en' })
    expect([first.reference, second.reference]).toEqual(['INZ-2026-000001', 'INZ-2026-000002'])
    t.clock.set('2027-01-02T10:00:00Z')
    expect((await t.call('getAccessReportHtml', { personId, lang: 'nl' })).reference).toBe('INZ-2027-000001')
    expect(second.html).toContain('Access report')
    expect(second.html).toContain('14 Mar 1991') // issue 14: an English report's dates are not ISO
    expect(second.footerText).toBe('Access report INZ-2026-000002 · issued 27 Nov 2026')
  })

  it('audits the report by field name and the special data it showed, never values', async () => {
    const { personId } = await insertRichPerson(t.app.vault.dataSource)
    const { reference } = await t.call('getAccessReportHtml', { personId, lang: 'nl' })
    const entries = await auditOf(t, personId)
    const access = entries.find((e) => e.action === 'report.access')!
    expect(access.reason).toBe(reference)
    expect(access.fields).toEqual(expect.arrayContaining(['givenName', 'bsn', 'iban', 'disclosures', 'attachments', 'absence']))
    expect(entries.find((e) => e.action === 'special.view')?.fields).toEqual(['health'])
    const serialized = JSON.stringify(entries)
    for (const value of ['Fenna', '111222333', SPECIAL_VALUE]) expect(serialized).not.toContain(value)
  })

  it('records the report and its print on the person’s open access request', async () => {
    const { personId } = await insertRichPerson(t.app.vault.dataSource)
    const request = await t.call('createRequest', { personId, kind: 'access', receivedOn: '2026-11-20', identityCheck: 'Paspoort gezien aan de balie' })
    const { reference } = await t.call('getAccessReportHtml', { personId, lang: 'nl' })
    await t.call('recordReportPrinted', { personId, reference, how: 'print' })
    const row = await t.app.vault.dataSource.getRepository(SubjectRequestEntity).findOneByOrFail({ id: request.id })
    expect(row.documents.map((d) => [d.kind, d.reference])).toEqual([
      ['access-report', reference],
      ['access-report-print', reference]
    ])
    expect((await auditOf(t, personId)).filter((e) => e.action === 'report.print').map((e) => [e.reason, e.fields])).toEqual([[reference, ['print']]])
  })

  it('refuses to record a print of a report that was never issued to this person', async () => {
    const a = await insertRichPerson(t.app.vault.dataSource)
    const b = await insertRichPerson(t.app.vault.dataSource)
    const { reference } = await t.call('getAccessReportHtml', { personId: a.personId, lang: 'nl' })
    await expect(t.call('recordReportPrinted', { personId: b.personId, reference, how: 'pdf' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(t.call('recordReportPrinted', { personId: a.personId, reference: 'INZ-2026-999999', how: 'pdf' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(t.call('getAccessReportPdf', { personId: b.personId, lang: 'nl', reference })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('gives a shielded person’s report only to a privacy officer (R-14), and audits the opening', async () => {
    const { personId } = await insertRichPerson(t.app.vault.dataSource, { state: 'shielded', employmentEnd: 'none', unsubscribedOn: '2026-10-01' })
    await signInAs(t, 'medewerker', ['staff'])
    await expect(t.call('getAccessReportHtml', { personId, lang: 'nl' })).rejects.toMatchObject({ code: 'RETENTION_SHIELDED' })
    await expect(t.call('getAccessReportPdf', { personId, lang: 'nl' })).rejects.toMatchObject({ code: 'RETENTION_SHIELDED' })
    await expect(t.call('exportPerson', { personId })).rejects.toMatchObject({ code: 'RETENTION_SHIELDED' })
    expect((await auditOf(t, personId)).map((e) => e.action)).not.toContain('report.access')

    await signInAs(t, 'privacy', ['privacy_officer'])
    const report = await t.call('getAccessReportHtml', { personId, lang: 'nl' })
    expect(report.html).toContain('Afgeschermd')
    const actions = (await auditOf(t, personId)).map((e) => e.action)
    expect(actions).toEqual(expect.arrayContaining(['person.shielded-open', 'report.access']))
  })

  it('the same holds for a record under legal hold', async () => {
    const { personId } = await insertRichPerson(t.app.vault.dataSource, { state: 'legal-hold' })
    await signInAs(t, 'medewerker', ['staff'])
    await expect(t.call('getAccessReportHtml', { personId, lang: 'en' })).rejects.toMatchObject({ code: 'RETENTION_SHIELDED' })
    await signInAdmin(t)
    await expect(t.call('getAccessReportHtml', { personId, lang: 'en' })).resolves.toMatchObject({ lang: 'en' })
  })

  it('lets office staff print an active person’s report, and says NOT_FOUND for an unknown id', async () => {
    const { personId } = await insertRichPerson(t.app.vault.dataSource)
    // Without special data: a staff session cannot open a sealed value (restrictedKey.test.ts), and
    // the fixture's value is written unsealed, which only a vault older than the restricted key holds.
    await t.sql('DELETE FROM "special_data" WHERE "personId" = :personId', { personId })
    await signInAs(t, 'medewerker', ['staff'])
    await expect(t.call('getAccessReportHtml', { personId, lang: 'nl' })).resolves.toMatchObject({ reference: 'INZ-2026-000001' })
    await expect(t.call('getAccessReportHtml', { personId: '00000000-0000-4000-8000-000000000000', lang: 'nl' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('leaves special data out once its consent is withdrawn or expired', async () => {
    const { personId } = await insertRichPerson(t.app.vault.dataSource)
    t.clock.set('2027-01-07T10:00:00Z') // the health consent ended on 2027-01-06
    const report = await t.call('getAccessReportHtml', { personId, lang: 'nl' })
    expect(report.html).not.toContain(SPECIAL_VALUE)
    expect(report.html).toContain('Verlopen')
  })

  it('takes the last change of each field from the change history', async () => {
    const { personId } = await insertRichPerson(t.app.vault.dataSource, { actorId: t.app.session.accountId })
    const { html } = await t.call('getAccessReportHtml', { personId, lang: 'nl' })
    const emailRow = html.split('<tr>').find((row) => row.includes('fenna.v@example.test'))!
    expect(emailRow).toContain('10-02-2026')
    expect(emailRow).toContain('Beheerder')
    const cityRow = html.split('<tr>').find((row) => row.includes('>Breda<'))!
    expect(cityRow).not.toContain('10-02-2026')
    await t.app.vault.dataSource.getRepository(PersonEntity).update({ id: personId }, { email: null })
    expect((await t.call('getAccessReportHtml', { personId, lang: 'nl' })).html).not.toContain('E-mailadres')
  })
})
