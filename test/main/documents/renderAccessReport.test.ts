import { describe, expect, it } from 'vitest'
import { renderAccessReportHtml } from '../../../src/main/documents/renderAccessReport'
import { FIELD_KEYS, LABELS } from '../../../src/main/documents/labels'
import { pdfFooterText } from '../../../src/main/documents/pdfFooter'
import { emptyAccessReport, escaped, FIELD_VALUES, richAccessReport } from './fixtures'

/** Asserts the document carries the text, as it must appear in HTML. */
function expectText(doc: string, text: string): void {
  expect(doc).toContain(escaped(text))
}

const nl = LABELS.nl
const en = LABELS.en

describe('access report (R-18)', () => {
  const model = richAccessReport('nl')
  const doc = renderAccessReportHtml(model)

  it('is headed with the agency, the title, the reference and the date of issue', () => {
    expectText(doc, 'Job & Training')
    expect(doc).toContain('<h1>Inzageverslag</h1>')
    expectText(doc, 'INZ-2026-000123')
    expectText(doc, 'Datum van uitgifte')
    expectText(doc, '27-11-2026')
  })

  it('lists every field held with its label, value and last change', () => {
    for (const key of FIELD_KEYS) {
      expectText(doc, nl.field[key])
      expectText(doc, FIELD_VALUES[key])
    }
    expectText(doc, '10-02-2026')
    expectText(doc, 'Medewerker Jansen')
  })

  it('shows a field key it has no label for as the key itself', () => {
    const withUnknown = renderAccessReportHtml(
      richAccessReport('nl', { fields: [{ key: 'shoeSize', value: '42', lastChangedOn: null, lastChangedBy: null }] })
    )
    expect(withUnknown).toContain('<td>shoeSize</td><td>42</td>')
  })

  it('lists attachments by name, kind, size and deletion date without their content', () => {
    expectText(doc, 'cv-fenna-2026.pdf')
    expectText(doc, 'id-kopie-scan.jpg')
    expectText(doc, nl.attachmentKind['id-copy'])
    expectText(doc, '184,3 kB')
    expectText(doc, '02-02-2026')
    expectText(doc, nl.accessReport.attachmentsNote)
  })

  it('shows roles, employments and recruitment procedures', () => {
    expectText(doc, 'Kandidaat, Flexwerker / werknemer')
    expectText(doc, 'Bakkerij Vermeulen BV')
    expectText(doc, nl.employmentKind.detachering)
    expectText(doc, nl.common.ongoing)
    expectText(doc, 'Techniek Partners NV')
    expectText(doc, '15-04-2026')
  })

  it('shows purposes with their legal bases, the source and the statement version shown', () => {
    expectText(doc, nl.purpose.mediation)
    expectText(doc, nl.legalBasis.contract)
    expectText(doc, nl.legalBasis['legal-obligation'])
    expectText(doc, nl.legalBasis['legitimate-interest'])
    expectText(doc, nl.sourceKind['public-website'])
    expectText(doc, 'werkzoeken.example')
    expectText(doc, 'PV-2025-03')
  })

  it('lists every consent and legal basis for special data, with its state, and the special data held', () => {
    for (const consent of model.consents) {
      expectText(doc, nl.specialCategory[consent.category])
      expectText(doc, nl.consentState[consent.state])
    }
    expectText(doc, 'Getekend formulier')
    expectText(doc, '06-01-2027')
    expectText(doc, '30-06-2026')
    expectText(doc, `${nl.consentBasis['legal-basis']}: UAVG art. 33`)
    expectText(doc, 'Geen tilwerk boven 15 kg')
  })

  it('lists every disclosure: recipient, date, fields, purpose and reason (R-8)', () => {
    for (const disclosure of model.disclosures) {
      expectText(doc, disclosure.recipient)
      expectText(doc, disclosure.disclosedOn.split('-').reverse().join('-'))
    }
    expectText(doc, 'Voornaam, Achternaam, Woonplaats, Opleiding')
    expectText(doc, nl.purpose['client-identification'])
    expectText(doc, 'Toegangspas terrein')
  })

  it('names a disclosure made to present a candidate in words, never by its code (R-18a)', () => {
    const first = model.disclosures[0]!
    const html = renderAccessReportHtml({ ...model, disclosures: [{ ...first, purpose: 'presentation' }] })
    expect(html).toContain(nl.disclosurePurpose.presentation)
    expect(html).not.toMatch(/>presentation</)
  })

  it('shows the retention state, the rule in plain words, the next action and its due date', () => {
    expectText(doc, nl.retentionRule['worked-stopped'].replace('{term}', '2 jaar'))
    expectText(doc, nl.retentionAction['reduce-to-legal-hold'])
    expectText(doc, '30-04-2027')
    expectText(doc, '31-12-2031')
  })

  it('lists the person’s requests when given, and leaves the section out when not', () => {
    expectText(doc, nl.accessReport.requestsSection)
    expectText(doc, nl.requestStatus.completed)
    const { requests: _dropped, ...withoutRequests } = model
    expect(renderAccessReportHtml(withoutRequests)).not.toContain(nl.accessReport.requestsSection)
  })

  it('states the person’s rights, the Autoriteit Persoonsgegevens and the agency’s contact details (R-25)', () => {
    for (const right of Object.values(nl.rights)) expectText(doc, right.title)
    expect(doc).toContain('Autoriteit Persoonsgegevens')
    expect(doc).toContain('autoriteitpersoonsgegevens.nl')
    expect(doc).toContain('info@jobandtraining.nl')
    expect(doc).toContain('0162-785594')
    expect(doc).toContain('4901 AA Oosterhout')
  })

  it('says "Geen" in every empty section instead of leaving it out', () => {
    const empty = renderAccessReportHtml(emptyAccessReport('nl'))
    for (const heading of [
      nl.accessReport.dataSection,
      nl.accessReport.attachmentsSection,
      nl.accessReport.workSection,
      nl.accessReport.purposesSection,
      nl.accessReport.consentsSection,
      nl.accessReport.disclosuresSection,
      nl.accessReport.retentionSection,
      nl.accessReport.requestsSection,
      nl.accessReport.rightsSection
    ]) {
      expectText(empty, heading)
    }
    // fields, attachments, employments, recruitment, purposes, consents, consents to offers and
    // sharing (R-9a), special data, disclosures, clients disclosed to (R-18a recipients), requests
    expect(empty.match(/<p class="none">Geen<\/p>/g)).toHaveLength(11)
    expectText(empty, nl.common.notRecorded)
  })

  it('prints English labels and English dates in English (issue 14: not ISO)', () => {
    const english = renderAccessReportHtml(richAccessReport('en'))
    expect(english).toContain('<html lang="en">')
    expect(english).toContain('<h1>Access report</h1>')
    expectText(english, en.field.familyName)
    expectText(english, en.retentionRule['worked-stopped'].replace('{term}', '2 years'))
    expectText(english, '30 Apr 2027')
    expect(english).not.toContain('30-04-2027')
    expect(renderAccessReportHtml(emptyAccessReport('en'))).toContain('<p class="none">None</p>')
  })

  it('shows a retention rule or action it has no words for as the id itself', () => {
    const other = renderAccessReportHtml(
      richAccessReport('nl', {
        retention: { state: 'legal-hold', rule: 'court-order-2031', nextAction: 'notify', nextRule: null, dueDate: null, deletionDate: null }
      })
    )
    expect(other).toContain('court-order-2031')
    expect(other).toContain('<td>notify</td>')
  })

  it('explains a next step that comes from another rule than the governing one, and only then', () => {
    const nl = LABELS.nl.accessReport
    const fromConsent = renderAccessReportHtml(
      richAccessReport('nl', { retention: { state: 'active', rule: 'worked-stopped', nextAction: 'purge-consent-data', nextRule: 'consent-expired', dueDate: '2027-01-07', deletionDate: '2033-09-30' } })
    )
    expectText(fromConsent, nl.nextRule)
    expectText(fromConsent, LABELS.nl.retentionRule['consent-expired'])
    expectText(fromConsent, LABELS.nl.retentionRule['worked-stopped'].replace('{term}', '2 jaar'))
    const sameRule = renderAccessReportHtml(
      richAccessReport('nl', { retention: { state: 'active', rule: 'worked-stopped', nextAction: 'reduce-to-legal-hold', nextRule: 'worked-stopped', dueDate: '2028-09-30', deletionDate: '2033-09-30' } })
    )
    expect(sameRule).not.toContain(escaped(nl.nextRule))
  })

  it('is one self-contained document: a strict CSP, inline CSS, nothing to load, no script', () => {
    expect(doc.startsWith('<!doctype html>')).toBe(true)
    expect(doc).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:">`
    )
    expect(doc).toContain('@page { size: A4; margin: 18mm 16mm 20mm 16mm; }')
    expect(doc).not.toMatch(/<script|<link|<iframe|<object|<embed|\ssrc=|\shref=|url\(|@import/i)
    expect(doc).not.toMatch(/https?:\/\//i)
  })

  it('carries its PDF footer text, which names the report but not the person', () => {
    const footer = pdfFooterText(model)
    expect(footer).toBe('Inzageverslag INZ-2026-000123 · uitgegeven 27-11-2026')
    expect(pdfFooterText(richAccessReport('en'))).toBe('Access report INZ-2026-000123 · issued 27 Nov 2026')
    expect(doc).toContain(`<meta name="dossier-footer" content="${escaped(footer)}">`)
    expect(doc).toContain('<title>Inzageverslag INZ-2026-000123</title>')
  })
})
