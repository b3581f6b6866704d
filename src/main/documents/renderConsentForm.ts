/**
 * R-4: the form a person signs to give explicit consent for one special category and one
 * purpose. It prints the exact wording the consent record will hold, the privacy-statement
 * version (R-24) and that consent is voluntary and can be withdrawn at any time.
 */
import type { CalendarDate, Purpose, SpecialCategory } from '../../shared/domain'
import { html } from './html'
import { documentHeader, keyValueTable, renderHtmlDocument, section, type AgencyContact } from './htmlDocument'
import { labelsFor, type Lang } from './labels'
import { documentFooterText } from './pdfFooter'

export interface ConsentFormInput {
  lang: Lang
  agency: AgencyContact
  person: { name: string }
  category: SpecialCategory
  purpose: Purpose
  /** The exact consent text, as stored with the consent. */
  wording: string
  statementVersion: string
  date: CalendarDate
  /** Reference of the consent record, when there is one. */
  reference?: string | null
}

export function renderConsentFormHtml(input: ConsentFormInput): string {
  const L = labelsFor(input.lang)
  const c = L.consentForm
  const body = html`${documentHeader({
    lang: input.lang,
    agency: input.agency,
    title: c.title,
    reference: input.reference ?? null,
    date: input.date,
    dateLabel: 'issuedOn'
  })}<p class="intro">${c.intro}</p>
${keyValueTable([
  [c.personName, input.person.name],
  [c.category, L.specialCategory[input.category]],
  [c.purpose, L.purpose[input.purpose]],
  [c.statementVersion, input.statementVersion]
])}${section(c.wording, html`<p class="notice">${input.wording}</p>
`)}<p>${c.voluntary}</p>
<p>${c.withdrawal}</p>
<p><span class="checkbox"></span>${c.declaration}</p>
<div class="signature-lines">
<div><div class="signature-line"></div><div class="signature-label">${c.signedName}: ${input.person.name}</div></div>
<div><div class="signature-line"></div><div class="signature-label">${c.signature}</div></div>
<div><div class="signature-line"></div><div class="signature-label">${c.place}</div></div>
<div><div class="signature-line"></div><div class="signature-label">${c.date}</div></div>
</div>
`
  return renderHtmlDocument({
    lang: input.lang,
    title: c.title,
    footerText: consentFormFooterText(input),
    body
  })
}

export function consentFormFooterText(input: Pick<ConsentFormInput, 'lang' | 'reference' | 'date'>): string {
  return documentFooterText({
    lang: input.lang,
    title: labelsFor(input.lang).consentForm.title,
    reference: input.reference ?? null,
    date: input.date,
    dateKind: 'issued'
  })
}
