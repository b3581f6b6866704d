/**
 * The frame every printable document shares: the HTML shell with its CSP and stylesheet, the
 * header block (agency contact, title, reference, date), and the small building blocks (sections,
 * tables) the renderers compose. One HTML serves screen, print and PDF.
 */
import type { CalendarDate } from '../../shared/domain'
import { formatPrintedDate } from '../../shared/time'
import { html, Html, type HtmlValue } from './html'
import { labelsFor, type Lang } from './labels'
import { PRINT_CSS } from './printCss'

/** R-25: the agency's contact details, from configuration. */
export interface AgencyContact {
  name: string
  email: string
  phone: string
  /** Postal address; line breaks are kept. */
  address?: string
}

/** The policy the documents are written for: no scripts, no external resources of any kind. */
export const DOCUMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

export interface HtmlDocumentParts {
  lang: Lang
  /** `<title>`; holds no personal data (window titles and PDF metadata show it). */
  title: string
  /** The footer line the PDF paths repeat on every page, also left in `<meta name="dossier-footer">`. */
  footerText: string
  body: Html
}

export function renderHtmlDocument(parts: HtmlDocumentParts): string {
  return html`<!doctype html>
<html lang="${parts.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${DOCUMENT_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="dossier-footer" content="${parts.footerText}">
<title>${parts.title}</title>
<style>${new Html(PRINT_CSS)}</style>
</head>
<body>
<main>
${parts.body}
</main>
</body>
</html>
`.value
}

export interface DocumentHeader {
  lang: Lang
  agency: AgencyContact
  title: string
  reference?: string | null
  /** Date of issue (documents about a person) or generation (registers, exports). */
  date: CalendarDate
  dateLabel: 'issuedOn' | 'generatedOn'
}

/** The header block: who issued the document, what it is, its reference and date. */
export function documentHeader(header: DocumentHeader): Html {
  const l = labelsFor(header.lang).common
  return html`<header class="doc-header">
<div class="agency">
<div class="agency-name">${header.agency.name}</div>
<div class="agency-lines">${agencyLines(header.agency, header.lang)}</div>
</div>
<div class="doc-meta"><dl>${
    header.reference ? html`<dt>${l.reference}</dt><dd>${header.reference}</dd>` : ''
  }<dt>${l[header.dateLabel]}</dt><dd>${formatPrintedDate(header.date, header.lang)}</dd></dl></div>
</header>
<h1>${header.title}</h1>
`
}

/** Address, e-mail and phone of the agency, one per line. */
export function agencyLines(agency: AgencyContact, lang: Lang): Html {
  const l = labelsFor(lang).common
  const address = (agency.address ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
  return html`${address.map((line) => html`${line}<br>`)}${l.email}: ${agency.email}<br>${l.phone}: ${agency.phone}`
}

export function section(title: string, ...content: HtmlValue[]): Html {
  return html`<section>
<h2>${title}</h2>
${content}
</section>
`
}

export function subsection(title: string, ...content: HtmlValue[]): Html {
  return html`<h3>${title}</h3>
${content}
`
}

/** "Geen" / "None" for an empty list: a section never silently vanishes. */
export function none(lang: Lang): Html {
  return html`<p class="none">${labelsFor(lang).common.none}</p>`
}

/** A table with a header row; rows are cell values (escaped) or ready markup. */
export function table(headers: readonly string[], rows: readonly (readonly HtmlValue[])[]): Html {
  return html`<table>
<thead><tr>${headers.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>
${rows.map((row) => html`<tr>${row.map((cell) => html`<td>${cell}</td>`)}</tr>
`)}</tbody>
</table>
`
}

/** A two-column label/value table, for one record. */
export function keyValueTable(rows: readonly (readonly [string, HtmlValue])[]): Html {
  return html`<table class="kv">
<tbody>
${rows.map(([label, value]) => html`<tr><th scope="row">${label}</th><td>${value}</td></tr>
`)}</tbody>
</table>
`
}

/** A calendar date formatted for the language (never broken at its hyphens), or "—" when absent. */
export function dateOrDash(date: CalendarDate | null | undefined, lang: Lang): Html | string {
  return date ? html`<span class="nowrap">${formatPrintedDate(date, lang)}</span>` : DASH
}

export function textOrDash(text: string | null | undefined): string {
  return text === null || text === undefined || text.trim() === '' ? DASH : text
}

export const DASH = '—'
