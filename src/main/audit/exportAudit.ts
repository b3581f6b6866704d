import type { ExportFile } from '../../shared/contract/governance'
import { renderTableHtml, toCsv, type TableColumn, type TableRow } from '../documents/renderTable'
import type { Lang } from '../documents/labels'
import { readSettings } from '../governance/settings'
import type { Workspace } from '../workspace/Workspace'
import { allAuditRows, type AuditQuery } from './listAudit'

const COLUMNS: Record<Lang, { title: string; columns: TableColumn[] }> = {
  nl: {
    title: 'Audittrail',
    columns: [
      { key: 'seq', label: 'Volgnummer' },
      { key: 'at', label: 'Tijd (UTC)' },
      { key: 'atLocal', label: 'Tijd (Nederland)' },
      { key: 'actor', label: 'Account' },
      { key: 'action', label: 'Handeling' },
      { key: 'subjectId', label: 'Betreft (id)' },
      { key: 'subjectLabel', label: 'Betreft (kenmerk)' },
      { key: 'fields', label: 'Velden' },
      { key: 'reason', label: 'Reden' }
    ]
  },
  en: {
    title: 'Audit trail',
    columns: [
      { key: 'seq', label: 'Sequence' },
      { key: 'at', label: 'Time (UTC)' },
      { key: 'atLocal', label: 'Time (Netherlands)' },
      { key: 'actor', label: 'Account' },
      { key: 'action', label: 'Action' },
      { key: 'subjectId', label: 'Subject (id)' },
      { key: 'subjectLabel', label: 'Subject (reference)' },
      { key: 'fields', label: 'Fields' },
      { key: 'reason', label: 'Reason' }
    ]
  }
}

/**
 * the filtered trail as CSV (for a spreadsheet) or printable HTML (print or save as PDF) for
 * an internal audit or certification. The trail holds field names, never values, so neither does
 * the export. The export itself is audited with the filter's field names and the format.
 */
export async function exportAudit(ws: Workspace, query: AuditQuery, format: 'csv' | 'html', lang: Lang): Promise<ExportFile> {
  ws.requireRole('privacy_officer')
  const rows = await allAuditRows(ws, query)
  const table: TableRow[] = rows.map((r) => ({
    seq: String(r.seq),
    at: r.at,
    atLocal: r.atLocal.replace('T', ' '),
    actor: r.actorName ?? r.actorId ?? '',
    action: r.action,
    subjectId: r.subjectId ?? '',
    subjectLabel: r.subjectLabel ?? '',
    fields: r.fields.join(' '),
    reason: r.reason ?? ''
  }))
  const { title, columns } = COLUMNS[lang]
  const today = ws.clock.today()
  const content =
    format === 'csv'
      ? toCsv(columns, table)
      : renderTableHtml({ lang, title, generatedOn: today, columns, rows: table, agency: (await ws.read(({ store }) => readSettings(store))).agency })
  const used = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k]) => k)
  await ws.write(({ audit }) => audit({ action: 'audit.export', fields: used, reason: `${format}, ${rows.length} entries` }))
  return {
    fileName: `audit-trail-${today}.${format}`,
    mimeType: format === 'csv' ? 'text/csv;charset=utf-8' : 'text/html;charset=utf-8',
    content
  }
}
