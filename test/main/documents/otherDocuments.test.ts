import { describe, expect, it } from 'vitest'
import { LABELS } from '../../../src/main/documents/labels'
import { renderConsentFormHtml, consentFormFooterText } from '../../../src/main/documents/renderConsentForm'
import {
  processingRegisterFooterText,
  renderProcessingRegisterHtml
} from '../../../src/main/documents/renderProcessingRegister'
import { renderSharedProfileHtml, sharedProfileFooterText } from '../../../src/main/documents/renderSharedProfile'
import { renderTableHtml } from '../../../src/main/documents/renderTable'
import { AGENCY, escaped } from './fixtures'

const nl = LABELS.nl
const en = LABELS.en
const SELF_CONTAINED = /<script|<link|\ssrc=|\shref=|url\(|@import|https?:\/\//i

describe('profile shared with a client (R-8, R-9a)', () => {
  const input = {
    lang: 'nl' as const,
    agency: AGENCY,
    client: { name: 'Bakkerij Vermeulen BV' },
    purpose: 'mediation',
    disclosedOn: '2026-01-20',
    fields: [
      { key: 'givenName', value: 'Fenna' },
      { key: 'city', value: 'Breda' },
      { key: 'education', value: 'MBO Logistiek niveau 4' }
    ],
    reference: 'VST-2026-000042'
  }
  const doc = renderSharedProfileHtml(input)

  it('shows the recipient, the purpose, the date and exactly the given fields', () => {
    expect(doc).toContain('<h1>Kandidaatprofiel</h1>')
    expect(doc).toContain('Bakkerij Vermeulen BV')
    expect(doc).toContain(nl.purpose.mediation)
    expect(doc).toContain('20-01-2026')
    expect(doc).toContain('VST-2026-000042')
    expect(doc).toContain(`<th scope="row">${nl.field.givenName}</th><td>Fenna</td>`)
    expect(doc).toContain(`<th scope="row">${nl.field.city}</th><td>Breda</td>`)
    expect(doc).toContain(`<th scope="row">${nl.field.education}</th><td>MBO Logistiek niveau 4</td>`)
    for (const key of ['familyName', 'iban', 'bsn', 'nationality', 'maritalStatus'] as const) {
      expect(doc).not.toContain(nl.field[key])
    }
  })

  it('tells the client the data is confidential and only for this purpose', () => {
    expect(doc).toContain(nl.sharedProfile.confidential)
    expect(renderSharedProfileHtml({ ...input, lang: 'en' })).toContain(en.sharedProfile.confidential)
  })

  it('is self-contained and carries its footer text', () => {
    expect(doc).not.toMatch(SELF_CONTAINED)
    expect(sharedProfileFooterText(input)).toBe('Kandidaatprofiel VST-2026-000042 · uitgegeven 20-01-2026')
    expect(doc).toContain(`<meta name="dossier-footer" content="${escaped(sharedProfileFooterText(input))}">`)
  })
})

describe('consent form for special-category data (R-4)', () => {
  const input = {
    lang: 'nl' as const,
    agency: AGENCY,
    person: { name: 'Fenna Vliegenthart' },
    category: 'health' as const,
    purpose: 'suitability' as const,
    wording: 'Ik geef toestemming om vast te leggen dat ik geen tilwerk boven 15 kg kan doen.',
    statementVersion: 'PV-2025-03',
    date: '2026-01-06'
  }
  const doc = renderConsentFormHtml(input)

  it('names the agency, the person, the category, the purpose, the exact wording, the statement version and the date', () => {
    expect(doc).toContain(escaped('Job & Training'))
    expect(doc).toContain('Fenna Vliegenthart')
    expect(doc).toContain(nl.specialCategory.health)
    expect(doc).toContain(nl.purpose.suitability)
    expect(doc).toContain(input.wording)
    expect(doc).toContain('PV-2025-03')
    expect(doc).toContain('06-01-2026')
  })

  it('says consent is voluntary and can be withdrawn at any time, and has signature lines', () => {
    expect(doc).toContain(nl.consentForm.voluntary)
    expect(doc).toContain(nl.consentForm.withdrawal)
    expect(doc).toContain('op elk moment intrekken')
    expect(doc.match(/class="signature-line"/g)).toHaveLength(4)
    expect(doc).toContain(nl.consentForm.signature)
    const english = renderConsentFormHtml({ ...input, lang: 'en' })
    expect(english).toContain('withdraw this consent at any time')
    expect(english).toContain(en.specialCategory.health)
  })

  it('is self-contained and carries its footer text', () => {
    expect(doc).not.toMatch(SELF_CONTAINED)
    expect(consentFormFooterText({ ...input, reference: 'TST-7' })).toBe(
      `${nl.consentForm.title} TST-7 · uitgegeven 06-01-2026`
    )
  })
})

describe('record of processing activities (GDPR art. 30)', () => {
  const input = {
    lang: 'nl' as const,
    agency: AGENCY,
    generatedOn: '2026-11-27',
    purposes: [
      {
        purpose: 'payroll' as const,
        legalBasis: 'legal-obligation',
        dataCategories: ['NAW-gegevens', 'BSN', 'IBAN'],
        recipients: ['Belastingdienst', 'Pensioenfonds'],
        retention: '7 jaar (AWR art. 52)'
      },
      {
        purpose: 'mediation' as const,
        legalBasis: 'contract',
        dataCategories: ['Cv', 'Opleiding'],
        recipients: ['Opdrachtgevers'],
        retention: '2 jaar na einde dienstverband'
      }
    ],
    specialCategories: ['health' as const, 'criminal' as const],
    securityMeasures: ['Versleutelde database', 'Audit trail met hash-keten']
  }
  const doc = renderProcessingRegisterHtml(input)

  it('names the controller and every activity with purpose, legal basis, data, recipients and retention', () => {
    expect(doc).toContain(`<h1>${nl.processingRegister.title}</h1>`)
    expect(doc).toContain('artikel 30')
    expect(doc).toContain('info@jobandtraining.nl')
    expect(doc).toContain(nl.purpose.payroll)
    expect(doc).toContain(nl.legalBasis['legal-obligation'])
    expect(doc).toContain('NAW-gegevens, BSN, IBAN')
    expect(doc).toContain('Belastingdienst, Pensioenfonds')
    expect(doc).toContain('7 jaar (AWR art. 52)')
    expect(doc).toContain(nl.purpose.mediation)
    expect(doc).toContain('2 jaar na einde dienstverband')
  })

  it('lists the data subjects, special categories, transfers and security measures', () => {
    for (const role of Object.values(nl.role)) expect(doc).toContain(escaped(role))
    expect(doc).toContain(nl.specialCategory.health)
    expect(doc).toContain(nl.specialCategory.criminal)
    expect(doc).not.toContain(nl.specialCategory.religion)
    expect(doc).toContain(nl.processingRegister.noTransfers)
    expect(doc).toContain('<li>Versleutelde database</li>')
    expect(doc).toContain('27-11-2026')
    expect(doc).not.toMatch(SELF_CONTAINED)
    expect(processingRegisterFooterText(input)).toBe(`${nl.processingRegister.title} · aangemaakt 27-11-2026`)
  })
})

describe('table export as HTML (audit trail, breach register)', () => {
  const columns = [
    { key: 'at', label: 'Tijdstip' },
    { key: 'action', label: 'Actie' },
    { key: 'actor', label: 'Medewerker' }
  ]

  it('prints the title, the date, a header row and every row in column order', () => {
    const doc = renderTableHtml({
      lang: 'nl',
      title: 'Audit trail',
      generatedOn: '2026-11-27',
      columns,
      rows: [
        { at: '2026-11-27T09:00:00Z', action: 'print', actor: 'Jansen' },
        { action: 'export', at: '2026-11-27T10:00:00Z' }
      ]
    })
    expect(doc).toContain('<h1>Audit trail</h1>')
    expect(doc).toContain('27-11-2026')
    expect(doc).toContain('<th scope="col">Tijdstip</th><th scope="col">Actie</th><th scope="col">Medewerker</th>')
    expect(doc).toContain('<td>2026-11-27T09:00:00Z</td><td>print</td><td>Jansen</td>')
    expect(doc).toContain('<td>2026-11-27T10:00:00Z</td><td>export</td><td></td>')
    expect(doc).toContain(`${nl.table.rowCount}: 2`)
    expect(doc).not.toMatch(SELF_CONTAINED)
  })

  it('says "None" for an export without rows', () => {
    const doc = renderTableHtml({ lang: 'en', title: 'Breaches', generatedOn: '2026-11-27', columns, rows: [] })
    expect(doc).toContain('<p class="none">None</p>')
    expect(doc).toContain('27 Nov 2026')
  })
})
