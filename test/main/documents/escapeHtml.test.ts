import { describe, expect, it } from 'vitest'
import { escapeHtml } from '../../../src/main/documents/escapeHtml'
import { html, Html } from '../../../src/main/documents/html'
import { renderAccessReportHtml } from '../../../src/main/documents/renderAccessReport'
import { renderConsentFormHtml } from '../../../src/main/documents/renderConsentForm'
import { renderProcessingRegisterHtml } from '../../../src/main/documents/renderProcessingRegister'
import { renderSharedProfileHtml } from '../../../src/main/documents/renderSharedProfile'
import { renderTableHtml } from '../../../src/main/documents/renderTable'
import { richAccessReport } from './fixtures'

const EVIL = `<script>alert("x")</script><img src=x onerror='alert(1)'>&`
const EVIL_ESCAPED = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=&#39;alert(1)&#39;&gt;&amp;'
const evilAgency = { name: EVIL, email: EVIL, phone: EVIL, address: `${EVIL}\n${EVIL}` }

/**
 * No markup from the data survived: no script, no image, no event handler. Quoted attribute values
 * are blanked first (escaping turns `"` into `&quot;`, so none can end early): inside them the
 * escaped text is inert.
 */
function expectInert(doc: string): void {
  const tags = doc.replace(/="[^"]*"/g, '=""')
  expect(tags).not.toMatch(/<script/i)
  expect(tags).not.toMatch(/<img/i)
  expect(tags).not.toMatch(/<[a-z][^>]*\sonerror=/i)
  expect(doc).toContain(EVIL_ESCAPED)
}

describe('escaping user-supplied text', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;')
    expect(escapeHtml('Fenna Vliegenthart')).toBe('Fenna Vliegenthart')
  })

  it('escapes every interpolated string in the html tag and keeps ready markup as is', () => {
    const name = '<b>x</b>'
    const out = html`<p>${name}${new Html('<br>')}${[name, 1]}${null}${undefined}${false}</p>`
    expect(out.value).toBe('<p>&lt;b&gt;x&lt;/b&gt;<br>&lt;b&gt;x&lt;/b&gt;1</p>')
  })

  it('renders an access report whose every text holds a script as inert text', () => {
    const model = richAccessReport('nl', {
      reference: EVIL,
      agency: evilAgency,
      person: { id: EVIL, ref: EVIL, roles: ['candidate'], registeredOn: EVIL, state: 'active' },
      fields: [{ key: EVIL, value: EVIL, lastChangedOn: EVIL, lastChangedBy: EVIL }],
      attachments: [{ fileName: EVIL, kind: 'cv', mimeType: EVIL, sizeBytes: 10, addedOn: EVIL, deleteOn: null }],
      employments: [{ start: EVIL, end: EVIL, kind: 'payroll', client: EVIL }],
      recruitment: [{ client: EVIL, start: EVIL, end: null }],
      purposes: [{ purpose: 'mediation', legalBasis: EVIL }],
      source: { kind: 'public-website', detail: EVIL },
      statement: { version: EVIL, shownOn: EVIL },
      consents: [
        {
          category: 'health',
          purpose: 'suitability',
          basis: 'legal-basis',
          legalBasis: EVIL,
          givenOn: null,
          how: EVIL,
          endsOn: null,
          withdrawnOn: null,
          state: 'valid'
        }
      ],
      specialData: [{ category: 'health', purpose: 'suitability', value: EVIL }],
      disclosures: [{ recipient: EVIL, disclosedOn: EVIL, fields: [EVIL], purpose: EVIL, reason: EVIL }],
      retention: { state: 'active', rule: EVIL, nextAction: EVIL, nextRule: `${EVIL} `, dueDate: EVIL, deletionDate: EVIL }
    })
    expectInert(renderAccessReportHtml(model))
  })

  it('renders the shared profile, consent form, processing register and table exports inert', () => {
    expectInert(
      renderSharedProfileHtml({
        lang: 'nl',
        agency: evilAgency,
        client: { name: EVIL },
        purpose: EVIL,
        disclosedOn: '2026-11-27',
        fields: [{ key: EVIL, value: EVIL }],
        reference: EVIL
      })
    )
    expectInert(
      renderConsentFormHtml({
        lang: 'en',
        agency: evilAgency,
        person: { name: EVIL },
        category: 'health',
        purpose: 'suitability',
        wording: EVIL,
        statementVersion: EVIL,
        date: '2026-11-27',
        reference: EVIL
      })
    )
    expectInert(
      renderProcessingRegisterHtml({
        lang: 'nl',
        agency: evilAgency,
        generatedOn: '2026-11-27',
        purposes: [{ purpose: 'payroll', legalBasis: EVIL, dataCategories: [EVIL], recipients: [EVIL], retention: EVIL }],
        specialCategories: ['health'],
        securityMeasures: [EVIL],
        thirdCountryTransfers: EVIL
      })
    )
    expectInert(
      renderTableHtml({
        lang: 'en',
        title: EVIL,
        generatedOn: '2026-11-27',
        columns: [{ key: 'a', label: EVIL }],
        rows: [{ a: EVIL }],
        agency: evilAgency,
        reference: EVIL
      })
    )
  })
})
