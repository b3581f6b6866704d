/**
 * Generic tabular exports (audit trail, breach register, R-22/R-23): the same rows as a printable
 * HTML table or as CSV. Cells are plain strings; callers decide what goes in (the audit trail
 * holds no personal values).
 */
import type { CalendarDate } from '../../shared/domain'
import { formatPrintedDate } from '../../shared/time'
import { html } from './html'
import { documentHeader, none, renderHtmlDocument, table, type AgencyContact } from './htmlDocument'
import { labelsFor, type Lang } from './labels'
import { documentFooterText } from './pdfFooter'

export interface TableColumn {
  key: string
  label: string
}

export type TableRow = Readonly<Record<string, string>>

export interface TableDocumentInput {
  lang: Lang
  title: string
  generatedOn: CalendarDate
  columns: readonly TableColumn[]
  rows: readonly TableRow[]
  /** Shown in the header block when given. */
  agency?: AgencyContact
  reference?: string | null
}

export function renderTableHtml(input: TableDocumentInput): string {
  const L = labelsFor(input.lang)
  const header = input.agency
    ? documentHeader({
        lang: input.lang,
        agency: input.agency,
        title: input.title,
        reference: input.reference ?? null,
        date: input.generatedOn,
        dateLabel: 'generatedOn'
      })
    : html`<h1>${input.title}</h1>
<p class="note">${L.common.generatedOn}: ${formatPrintedDate(input.generatedOn, input.lang)}</p>
`
  const body = html`${header}<p class="note">${L.table.rowCount}: ${input.rows.length}</p>
${
  input.rows.length
    ? table(
        input.columns.map((c) => c.label),
        input.rows.map((row) => input.columns.map((c) => cellOf(row, c.key)))
      )
    : none(input.lang)
}`
  return renderHtmlDocument({
    lang: input.lang,
    title: input.title,
    footerText: documentFooterText({
      lang: input.lang,
      title: input.title,
      reference: input.reference ?? null,
      date: input.generatedOn,
      dateKind: 'generated'
    }),
    body
  })
}

/**
 * RFC 4180 CSV: comma-separated, CRLF line ends, a header row of labels; a cell with a comma,
 * quote or line break is quoted and its quotes doubled. A cell that a spreadsheet would read as
 * a formula (starting with = + - @, tab or carriage return) gets a leading `'` first (OWASP CSV
 * injection), so "=HYPERLINK(…)" in a name stays text.
 */
export function toCsv(columns: readonly TableColumn[], rows: readonly TableRow[]): string {
  const lines = [
    columns.map((c) => csvCell(c.label)),
    ...rows.map((row) => columns.map((c) => csvCell(cellOf(row, c.key))))
  ]
  return lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n'
}

function csvCell(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded
}

function cellOf(row: TableRow, key: string): string {
  return Object.hasOwn(row, key) ? (row[key] ?? '') : ''
}
