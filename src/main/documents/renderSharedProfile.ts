/**
 * R-8, R-9a: the profile sent to a client. It shows exactly the fields it is given — choosing
 * them (the allowed list per disclosure purpose, a recorded reason for anything more) and logging
 * the disclosure are the disclosure service's job, before this is called.
 */
import type { CalendarDate } from '../../shared/domain'
import { html } from './html'
import {
  documentHeader,
  keyValueTable,
  none,
  renderHtmlDocument,
  section,
  textOrDash,
  dateOrDash,
  type AgencyContact
} from './htmlDocument'
import { fieldLabel, labelOr, labelsFor, type Lang } from './labels'
import { documentFooterText } from './pdfFooter'

export interface SharedProfileInput {
  lang: Lang
  agency: AgencyContact
  client: { name: string }
  /** A `Purpose` id (labelled) or free text. */
  purpose: string
  disclosedOn: CalendarDate
  /** Only the fields being disclosed, in display order; values already formatted. */
  fields: { key: string; value: string }[]
  /** The disclosure's reference, printed in the header and footer. */
  reference: string
}

export function renderSharedProfileHtml(input: SharedProfileInput): string {
  const L = labelsFor(input.lang)
  const p = L.sharedProfile
  const body = html`${documentHeader({
    lang: input.lang,
    agency: input.agency,
    title: p.title,
    reference: input.reference,
    date: input.disclosedOn,
    dateLabel: 'issuedOn'
  })}${keyValueTable([
    [p.recipient, input.client.name],
    [p.purpose, labelOr(L.purpose, input.purpose)],
    [p.disclosedOn, dateOrDash(input.disclosedOn, input.lang)]
  ])}${section(
    p.dataSection,
    input.fields.length
      ? keyValueTable(input.fields.map((f) => [fieldLabel(f.key, input.lang), textOrDash(f.value)] as const))
      : none(input.lang)
  )}<p class="notice">${p.confidential}</p>
`
  return renderHtmlDocument({
    lang: input.lang,
    title: `${p.title} ${input.reference}`,
    footerText: sharedProfileFooterText(input),
    body
  })
}

/** "Kandidaatprofiel DISC-… · uitgegeven 27-11-2026" for the PDF footer. */
export function sharedProfileFooterText(input: Pick<SharedProfileInput, 'lang' | 'reference' | 'disclosedOn'>): string {
  return documentFooterText({
    lang: input.lang,
    title: labelsFor(input.lang).sharedProfile.title,
    reference: input.reference,
    date: input.disclosedOn,
    dateKind: 'issued'
  })
}
