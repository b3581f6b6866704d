/**
 * GDPR art. 30(1): the agency's record of processing activities, generated from the purposes
 * table and configuration. Contains no personal data of candidates, only descriptions.
 */
import { PERSON_ROLES, type CalendarDate, type PersonRole, type Purpose, type SpecialCategory } from '../../shared/domain'
import { formatPrintedDate } from '../../shared/time'
import { html, type Html } from './html'
import {
  agencyLines,
  documentHeader,
  none,
  renderHtmlDocument,
  section,
  table,
  DASH,
  type AgencyContact
} from './htmlDocument'
import { labelOr, labelsFor, type Lang } from './labels'
import { documentFooterText } from './pdfFooter'

export interface ProcessingActivity {
  purpose: Purpose
  /** `LegalBasis` ids (or free text): every ground the purpose can rest on. */
  legalBasis: string | readonly string[]
  dataCategories: string[]
  recipients: string[]
  /** The retention period in words. */
  retention: string
}

export interface ProcessingRegisterInput {
  lang: Lang
  agency: AgencyContact
  generatedOn: CalendarDate
  purposes: ProcessingActivity[]
  specialCategories: SpecialCategory[]
  securityMeasures: string[]
  /** Art. 30(1)(c); defaults to every person role the app knows (R-1). */
  dataSubjects?: PersonRole[]
  /** Art. 30(1)(e); defaults to "no transfers outside the EEA". */
  thirdCountryTransfers?: string | null
  /** R-28: the processors (art. 28); the section says so when there are none. */
  processors?: RegisterProcessor[]
  /** R-28: the impact assessments (art. 35). */
  dpias?: RegisterDpia[]
}

export interface RegisterProcessor {
  name: string
  purpose: string
  /** In words, in the register's language. */
  dataCategories: string[]
  agreementOn: CalendarDate | null
  location: string
  subProcessors: string | null
}

export interface RegisterDpia {
  subject: string
  assessedOn: CalendarDate
  outcome: string
  nextReviewOn: CalendarDate
}

export function renderProcessingRegisterHtml(input: ProcessingRegisterInput): string {
  const L = labelsFor(input.lang)
  const r = L.processingRegister
  const list = (items: readonly string[]) =>
    items.length ? html`<ul>${items.map((item) => html`<li>${item}</li>`)}</ul>` : none(input.lang)
  const subjects = input.dataSubjects ?? [...PERSON_ROLES]
  const body = html`${documentHeader({
    lang: input.lang,
    agency: input.agency,
    title: r.title,
    date: input.generatedOn,
    dateLabel: 'generatedOn'
  })}<p class="intro">${r.intro}</p>
${section(r.controller, html`<p><strong>${input.agency.name}</strong><br>${agencyLines(input.agency, input.lang)}</p>
`)}${section(
    r.activities,
    input.purposes.length
      ? table(
          [r.purpose, r.legalBasis, r.dataCategories, r.recipients, r.retention],
          input.purposes.map((p) => [
            labelOr(L.purpose, p.purpose),
            (typeof p.legalBasis === 'string' ? [p.legalBasis] : p.legalBasis).map((b) => labelOr(L.legalBasis, b)).join('; '),
            p.dataCategories.length ? p.dataCategories.join(', ') : DASH,
            p.recipients.length ? p.recipients.join(', ') : DASH,
            p.retention
          ])
        )
      : none(input.lang)
  )}${section(r.dataSubjects, list(subjects.map((role) => L.role[role])))}${section(
    r.specialCategories,
    list(input.specialCategories.map((c) => L.specialCategory[c]))
  )}${section(r.transfers, html`<p>${input.thirdCountryTransfers?.trim() ? input.thirdCountryTransfers : r.noTransfers}</p>
`)}${section(r.securityMeasures, list(input.securityMeasures))}${processorsSection(input)}${dpiasSection(input)}`
  return renderHtmlDocument({
    lang: input.lang,
    title: r.title,
    footerText: processingRegisterFooterText(input),
    body
  })
}

function processorsSection(input: ProcessingRegisterInput): Html {
  const r = labelsFor(input.lang).processingRegister
  const processors = input.processors ?? []
  return section(
    r.processors,
    processors.length
      ? table(
          [r.processorName, r.processorPurpose, r.processorData, r.processorAgreement, r.processorLocation, r.subProcessors],
          processors.map((p) => [
            p.name,
            p.purpose,
            p.dataCategories.length ? p.dataCategories.join(', ') : DASH,
            p.agreementOn ? formatPrintedDate(p.agreementOn, input.lang) : r.noAgreement,
            p.location,
            p.subProcessors ?? DASH
          ])
        )
      : html`<p>${r.noProcessors}</p>
`
  )
}

function dpiasSection(input: ProcessingRegisterInput): Html {
  const r = labelsFor(input.lang).processingRegister
  const dpias = input.dpias ?? []
  return section(
    r.dpias,
    dpias.length
      ? table(
          [r.dpiaSubject, r.dpiaAssessedOn, r.dpiaOutcome, r.dpiaNextReview],
          dpias.map((d) => [d.subject, formatPrintedDate(d.assessedOn, input.lang), d.outcome, formatPrintedDate(d.nextReviewOn, input.lang)])
        )
      : html`<p>${r.noDpias}</p>
`
  )
}

export function processingRegisterFooterText(input: Pick<ProcessingRegisterInput, 'lang' | 'generatedOn'>): string {
  return documentFooterText({
    lang: input.lang,
    title: labelsFor(input.lang).processingRegister.title,
    reference: null,
    date: input.generatedOn,
    dateKind: 'generated'
  })
}
