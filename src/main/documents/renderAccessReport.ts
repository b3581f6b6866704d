/**
 * R-18: the access report (inzageverslag) as one self-contained HTML document, the same for
 * screen, print and PDF. Every section is always present; an empty one says "Geen"/"None".
 */
import type { AccessReportModel, AccessReportPurpose, RetentionPlanItem } from './accessReportModel'
import { formatPrintedDate } from '../../shared/time'
import { formatBytes } from './formatBytes'
import { html, type Html } from './html'
import {
  agencyLines,
  dateOrDash,
  DASH,
  documentHeader,
  keyValueTable,
  none,
  renderHtmlDocument,
  section,
  subsection,
  table,
  textOrDash
} from './htmlDocument'
import { CONSENT_METHOD_LABELS, describeTerm, RETENTION_RULE_IDS, type RetentionRuleId } from '../../shared/vocabulary'
import { FIELD_KEYS, fieldLabel, labelOr, labelsFor, type Labels } from './labels'
import { pdfFooterText } from './pdfFooter'
import { processingLimitsSection } from './processingLimitsSection'

export function renderAccessReportHtml(model: AccessReportModel): string {
  const L = labelsFor(model.lang)
  const body = html`${documentHeader({
    lang: model.lang,
    agency: model.agency,
    title: L.accessReport.title,
    reference: model.reference,
    date: model.issuedOn,
    dateLabel: 'issuedOn'
  })}<p class="intro">${L.accessReport.intro}</p>
${personSection(model, L)}${dataSection(model, L)}${attachmentsSection(model, L)}${workSection(model, L)}${purposesSection(model, L)}${processingLimitsSection(model.processingLimits, model.lang)}${sourceSection(model, L)}${consentsSection(model, L)}${disclosuresSection(model, L)}${recipientsSection(model, L)}${retentionSection(model, L)}${requestsSection(model, L)}${breachesSection(model, L)}${rightsSection(model, L)}${automatedSection(L)}${contactSection(model, L)}`
  return renderHtmlDocument({
    lang: model.lang,
    title: `${L.accessReport.title} ${model.reference}`,
    footerText: pdfFooterText(model),
    body
  })
}

function personSection(model: AccessReportModel, L: Labels): Html {
  const a = L.accessReport
  const { person } = model
  return section(
    a.personSection,
    // R-18a: a human reference, never the record's internal id.
    keyValueTable([
      [a.personRef, textOrDash(person.ref)],
      [a.roles, person.roles.length ? person.roles.map((r) => labelOr(L.role, r)).join(', ') : L.common.none],
      [a.registeredOn, dateOrDash(person.registeredOn, model.lang)],
      [a.retentionState, labelOr(L.retentionState, person.state)]
    ])
  )
}

function dataSection(model: AccessReportModel, L: Labels): Html {
  const a = L.accessReport
  const lang = model.lang
  return section(
    a.dataSection,
    model.fields.length
      ? table(
          [a.field, a.value, a.lastChangedOn, a.lastChangedBy],
          model.fields.map((f) => [
            fieldLabel(f.key, lang),
            textOrDash(f.value),
            dateOrDash(f.lastChangedOn, lang),
            textOrDash(f.lastChangedBy)
          ])
        )
      : none(lang)
  )
}

function attachmentsSection(model: AccessReportModel, L: Labels): Html {
  const a = L.accessReport
  const lang = model.lang
  return section(
    a.attachmentsSection,
    model.attachments.length
      ? html`${table(
          [a.fileName, a.kind, a.mimeType, a.size, a.addedOn, a.deleteOn],
          model.attachments.map((att) => [
            att.fileName,
            labelOr(L.attachmentKind, att.kind),
            att.mimeType,
            formatBytes(att.sizeBytes, lang),
            dateOrDash(att.addedOn, lang),
            dateOrDash(att.deleteOn, lang)
          ])
        )}<p class="note">${a.attachmentsNote}</p>
`
      : none(lang)
  )
}

function workSection(model: AccessReportModel, L: Labels): Html {
  const a = L.accessReport
  const lang = model.lang
  const end = (date: string | null): Html | string => (date ? dateOrDash(date, lang) : L.common.ongoing)
  return section(
    a.workSection,
    subsection(
      a.employments,
      model.employments.length
        ? table(
            [a.kind, a.client, a.start, a.end],
            model.employments.map((e) => [
              labelOr(L.employmentKind, e.kind),
              textOrDash(e.client),
              dateOrDash(e.start, lang),
              end(e.end)
            ])
          )
        : none(lang)
    ),
    subsection(
      a.recruitment,
      model.recruitment.length
        ? table(
            [a.client, a.start, a.end],
            model.recruitment.map((r) => [r.client, dateOrDash(r.start, lang), end(r.end)])
          )
        : none(lang)
    )
  )
}

function purposesSection(model: AccessReportModel, L: Labels): Html {
  const a = L.accessReport
  const bases = (b: string | readonly string[]) => (typeof b === 'string' ? [b] : b).map((id) => labelOr(L.legalBasis, id)).join('; ')
  return section(
    a.purposesSection,
    model.purposes.length
      ? table(
          [a.purpose, a.legalBasis, a.note],
          model.purposes.map((p) => [labelOr(L.purpose, p.purpose), bases(p.legalBasis), p.note ? purposeNoteText(model, L, p.note) : DASH])
        )
      : none(model.lang)
  )
}

function purposeNoteText(model: AccessReportModel, L: Labels, note: NonNullable<AccessReportPurpose['note']>): string {
  const text = L.purposeNote[note.kind]
  if (note.kind !== 'consent-given') return text
  return fillText(text, { date: formatPrintedDate(note.givenOn, model.lang), how: labelOr(CONSENT_METHOD_LABELS[model.lang], note.how) })
}

/** Fills `{name}` placeholders; an unknown one stays as written. */
function fillText(text: string, params: Readonly<Record<string, string>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole)
}

/**
 * A disclosure's stored reason names extra fields by key (`iban [consent]: …`,
 * relations/disclosureRules.ts): printed with the field's label, in the report's language.
 */
function disclosureReasonText(model: AccessReportModel, L: Labels, reason: string | null): string | null {
  if (reason === null) return null
  return reason
    .split('\n')
    .map((line) => {
      const m = /^([A-Za-z]+)( \[consent\])?(?:: ([\s\S]*))?$/.exec(line)
      if (!m || !(FIELD_KEYS as readonly string[]).includes(m[1]!)) return line
      const name = `${fieldLabel(m[1]!, model.lang)}${m[2] ? ` (${L.accessReport.withConsent})` : ''}`
      return m[3] !== undefined ? `${name}: ${m[3]}` : name
    })
    .join('; ')
}

/** R-18a: who receives the person's data: by law with an employment, and the clients actually disclosed to. */
function recipientsSection(model: AccessReportModel, L: Labels): Html {
  const a = L.accessReport
  const clients = [...new Set(model.disclosures.map((d) => d.recipient))]
  return section(
    a.recipientsSection,
    subsection(
      a.statutoryRecipients,
      model.statutoryRecipients ? html`<ul>${L.statutoryRecipient.map((r) => html`<li>${r}</li>`)}</ul>
` : html`<p class="none">${a.noStatutoryRecipients}</p>
`
    ),
    subsection(a.clientRecipients, clients.length ? html`<ul>${clients.map((c) => html`<li>${c}</li>`)}</ul>
` : none(model.lang))
  )
}

function sourceSection(model: AccessReportModel, L: Labels): Html {
  const a = L.accessReport
  const { statement } = model
  return section(
    a.sourceSection,
    keyValueTable([
      [a.sourceKind, labelOr(L.sourceKind, model.source.kind)],
      [a.sourceDetail, textOrDash(model.source.detail)]
    ]),
    subsection(
      a.statement,
      statement
        ? keyValueTable([
            [a.statementVersion, statement.version],
            [a.shownOn, dateOrDash(statement.shownOn, model.lang)]
          ])
        : html`<p class="none">${L.common.notRecorded}</p>`
    )
  )
}

function consentsSection(model: AccessReportModel, L: Labels): Html {
  const a = L.accessReport
  const lang = model.lang
  return section(
    a.consentsSection,
    subsection(
      a.consents,
      model.consents.length
        ? table(
            [a.category, a.purpose, a.basis, a.givenOn, a.how, a.endsOn, a.withdrawnOn, a.state],
            model.consents.map((c) => [
              labelOr(L.specialCategory, c.category),
              labelOr(L.purpose, c.purpose),
              c.basis === 'legal-basis' && c.legalBasis
                ? `${labelOr(L.consentBasis, c.basis)}: ${c.legalBasis}`
                : labelOr(L.consentBasis, c.basis),
              dateOrDash(c.givenOn, lang),
              textOrDash(c.how),
              dateOrDash(c.endsOn, lang),
              dateOrDash(c.withdrawnOn, lang),
              labelOr(L.consentState, c.state)
            ])
          )
        : none(lang)
    ),
    subsection(
      a.processingConsents,
      model.processingConsents?.length
        ? table(
            [a.consentFor, a.givenOn, a.how, a.withdrawnOn],
            model.processingConsents.map((c) => [
              c.subject === 'offers'
                ? a.consentOffers
                : fillText(a.consentField, { field: fieldLabel(c.field ?? '', lang), purpose: labelOr(L.disclosurePurpose, c.disclosurePurpose ?? '') }),
              dateOrDash(c.givenOn, lang),
              labelOr(CONSENT_METHOD_LABELS[lang], c.how),
              dateOrDash(c.withdrawnOn, lang)
            ])
          )
        : none(lang)
    ),
    subsection(
      a.specialData,
      model.specialData.length
        ? table(
            [a.category, a.purpose, a.value],
            model.specialData.map((s) => [
              labelOr(L.specialCategory, s.category),
              labelOr(L.purpose, s.purpose),
              textOrDash(s.value)
            ])
          )
        : none(lang)
    )
  )
}

function disclosuresSection(model: AccessReportModel, L: Labels): Html {
  const a = L.accessReport
  const lang = model.lang
  return section(
    a.disclosuresSection,
    model.disclosures.length
      ? table(
          [a.recipient, a.disclosedOn, a.disclosedFields, a.purpose, a.reason],
          model.disclosures.map((d) => [
            d.recipient,
            dateOrDash(d.disclosedOn, lang),
            d.fields.length ? d.fields.map((k) => fieldLabel(k, lang)).join(', ') : DASH,
            // R-18a: why it went to the client, in words — a disclosure's own purposes (R-8), or a
            // processing purpose recorded by an earlier version.
            labelOr({ ...L.disclosurePurpose, ...L.purpose }, d.purpose),
            textOrDash(disclosureReasonText(model, L, d.reason))
          ])
        )
      : none(lang)
  )
}

/** A rule in plain words with the policy's term in force; an unknown rule id is shown as is. */
function ruleText(model: AccessReportModel, L: Labels, rule: string): string {
  const text = labelOr(L.retentionRule, rule)
  if (!(RETENTION_RULE_IDS as readonly string[]).includes(rule)) return text
  return text.replace('{term}', describeTerm(model.retentionTerms[rule as RetentionRuleId], model.lang))
}

function retentionSection(model: AccessReportModel, L: Labels): Html {
  const a = L.accessReport
  const lang = model.lang
  const r = model.retention
  // R-18a: only rows that say something; the plan per kind of data below gives the criteria.
  const rows: [string, Html | string][] = [[a.retentionState, labelOr(L.retentionState, r.state)]]
  if (r.rule) rows.push([a.rule, ruleText(model, L, r.rule)])
  if (r.nextAction) rows.push([a.nextAction, labelOr(L.retentionAction, r.nextAction)])
  // A step from another rule than the governing one (an expiring consent, the ID record's own
  // legal term) says why, so the person does not read the governing rule as its reason.
  if (r.nextRule && r.nextRule !== r.rule) rows.push([a.nextRule, ruleText(model, L, r.nextRule)])
  if (r.dueDate) rows.push([a.dueDate, dateOrDash(r.dueDate, lang)])
  if (r.deletionDate) rows.push([a.deletionDate, dateOrDash(r.deletionDate, lang)])
  const plan = model.retentionPlan ?? []
  return section(
    a.retentionSection,
    keyValueTable(rows),
    plan.length
      ? subsection(
          a.retentionPlan,
          table(
            [a.dataKind, a.howLong],
            plan.map((item) => [L.retentionCategory[item.category], criterionText(model, L, item)])
          )
        )
      : ''
  )
}

function criterionText(model: AccessReportModel, L: Labels, item: RetentionPlanItem): string {
  const date = (d: string | null | undefined) => (d ? formatPrintedDate(d, model.lang) : DASH)
  return fillText(L.retentionCriterion[item.criterion], {
    term: item.term ? describeTerm(item.term, model.lang) : DASH,
    date: date(item.date),
    until: date(item.until)
  })
}

function requestsSection(model: AccessReportModel, L: Labels): Html | '' {
  if (model.requests === undefined) return ''
  const a = L.accessReport
  const lang = model.lang
  return section(
    a.requestsSection,
    model.requests.length
      ? table(
          [a.requestKind, a.receivedOn, a.requestStatus],
          model.requests.map((q) => [
            labelOr(L.requestKind, q.kind),
            dateOrDash(q.receivedOn, lang),
            labelOr(L.requestStatus, q.status)
          ])
        )
      : none(lang)
  )
}

/** GDPR art. 34(2): the breach in plain words, the measures taken, when the person was told. */
function breachesSection(model: AccessReportModel, L: Labels): Html | '' {
  if (!model.breaches?.length) return ''
  const a = L.accessReport
  const lang = model.lang
  return section(
    a.breachesSection,
    table(
      [a.breachDiscoveredOn, a.breachDescription, a.breachMeasures, a.breachToldOn],
      model.breaches.map((b) => [dateOrDash(b.discoveredOn, lang), b.description, textOrDash(b.measures), dateOrDash(b.toldOn, lang)])
    )
  )
}

function rightsSection(model: AccessReportModel, L: Labels): Html {
  const a = L.accessReport
  // Issue 14 point 4: offers on consent are stopped by withdrawing it, on legitimate interest by objecting.
  const offers = model.offersBasis === 'consent' ? ` ${a.offersConsent}` : model.offersBasis === 'legitimate-interest' ? ` ${a.offersOptOut}` : ''
  return section(
    a.rightsSection,
    html`<p>${a.rightsIntro}</p>
<ul>
${Object.entries(L.rights).map(([key, right]) => html`<li><strong>${right.title}.</strong> ${right.text}${key === 'objection' ? offers : ''}</li>
`)}</ul>
`
  )
}

/** R-18a, GDPR art. 15(1)(h): no automated decision-making. */
function automatedSection(L: Labels): Html {
  return section(L.accessReport.automatedSection, html`<p>${L.accessReport.automatedText}</p>
`)
}

function contactSection(model: AccessReportModel, L: Labels): Html {
  return section(
    L.accessReport.contactSection,
    html`<p>${L.accessReport.contactText}</p>
<p><strong>${model.agency.name}</strong><br>${agencyLines(model.agency, model.lang)}</p>
`
  )
}
