import type { EntityManager } from 'typeorm'
import type { AccessReportHtml } from '../../shared/contract/rights'
import { DossierError } from '../../shared/errors'
import type { AccessReportModel } from '../documents/accessReportModel'
import type { Lang } from '../documents/labels'
import { pdfFooterText } from '../documents/pdfFooter'
import { renderAccessReportHtml } from '../documents/renderAccessReport'
import { currentPolicy } from '../retention/policyStore'
import type { Tx, Workspace } from '../workspace/Workspace'
import { readSettings } from '../governance/settings'
import { storeOf } from '../vault/store'
import { currentAccessReportReference, issuedAccessReports, nextAccessReportReference } from './accessReportReference'
import { buildAccessReportModel } from './buildAccessReportModel'
import { findPerson } from './loadPersonRecord'
import { PERSON_DATA_FIELDS } from './recordFacts'
import type { ReportPrinter } from './reportPrinter'
import { assertMayProduceFor } from './reportAccess'
import { noteDocumentOnOpenRequest } from './requestRegister'

/**
 * issuing, printing and saving access reports. Issuing gives the report its reference and
 * is audited `report.access` (reason: the reference, which is how a later print or PDF of the same
 * report is recognised); printing or saving is audited `report.print`. Both are noted on the
 * person's open access request. The HTML is the one document the screen, the printer and the
 * PDF all show (documents/README.md).
 */

export interface RenderedReport extends AccessReportHtml {
  model: AccessReportModel
}

/**
 * Issue the report: the reference of the request it answers (one per request, not per view:
 * `currentAccessReportReference`) or a fresh one, the model, the HTML. Every opening is audited.
 */
export async function issueAccessReport(ws: Workspace, personId: string, lang: Lang): Promise<RenderedReport> {
  return ws.write(async ({ manager: m, audit }) => {
    const person = await findPerson(m, personId)
    assertMayProduceFor(ws, person)
    const today = ws.clock.today()
    const current = await currentAccessReportReference(m, personId, today)
    const reference = current ?? (await nextAccessReportReference(m, today))
    const report = await renderReport(ws, m, personId, lang, reference)
    await auditIssue(audit, person.state, report.model)
    if (current === null) await noteDocumentOnOpenRequest(m, personId, ['access'], { kind: 'access-report', producedAt: ws.clock.now().toISOString(), reference })
    return report
  })
}

/**
 * The PDF of a report: of one already issued to this person (`reference`), or of a new one. The
 * PDF is made by the app's PdfRenderer (Electron printToPDF, or headless Chromium under Node)
 * outside the transaction; the save is audited after it succeeded.
 */
export async function accessReportPdf(ws: Workspace, personId: string, lang: Lang, reference: string | undefined): Promise<{ reference: string; fileName: string; pdf: Buffer }> {
  const report = reference === undefined ? await issueAccessReport(ws, personId, lang) : await reissueAccessReport(ws, personId, lang, reference)
  const pdf = await ws.pdfRenderer()(report.html, { footerText: report.footerText, lang })
  await recordReportPrinted(ws, personId, report.reference, 'pdf')
  return { reference: report.reference, fileName: accessReportFileName(report.reference), pdf }
}

/**
 * "Afdrukken": the report the preview shows (its reference), printed with the shell's OS dialog
 * (`print`: the handler passes `app.reportPrinter()`, which is PRINT_UNAVAILABLE where the shell
 * has none); audited report.print only when it was printed.
 */
export async function printAccessReport(ws: Workspace, personId: string, lang: Lang, reference: string, print: ReportPrinter): Promise<{ printed: boolean }> {
  const report = await reissueAccessReport(ws, personId, lang, reference)
  const printed = await print(report.html)
  if (printed) await recordReportPrinted(ws, personId, report.reference, 'print')
  return { printed }
}

/**
 * The same report again for printing or saving (Electron's print path and the PDF of a previewed
 * report): only for a reference issued to this person, with today's data.
 */
export async function reissueAccessReport(ws: Workspace, personId: string, lang: Lang, reference: string): Promise<RenderedReport> {
  return ws.write(async ({ manager: m }) => {
    const person = await findPerson(m, personId)
    assertMayProduceFor(ws, person)
    await assertIssuedTo(m, personId, reference)
    return renderReport(ws, m, personId, lang, reference)
  })
}

export async function recordReportPrinted(ws: Workspace, personId: string, reference: string, how: 'print' | 'pdf' | 'html'): Promise<void> {
  await ws.write(async ({ manager: m, audit }) => {
    const person = await findPerson(m, personId)
    assertMayProduceFor(ws, person)
    await assertIssuedTo(m, personId, reference)
    await audit({ action: 'report.print', subjectId: personId, fields: [how], reason: reference })
    await noteDocumentOnOpenRequest(m, personId, ['access'], { kind: `access-report-${how}`, producedAt: ws.clock.now().toISOString(), reference })
  })
}

/** No personal data in file names: the reference only. */
export function accessReportFileName(reference: string): string {
  return `inzageverslag-${reference}.pdf`
}

async function renderReport(ws: Workspace, m: EntityManager, personId: string, lang: Lang, reference: string): Promise<RenderedReport> {
  const settings = await readSettings(storeOf(m))
  const model = await buildAccessReportModel(m, personId, {
    lang,
    today: ws.clock.today(),
    reference,
    agency: settings.agency,
    policy: await currentPolicy(m, ws.clock),
    restricted: ws.vault.restricted
  })
  return { reference, issuedOn: model.issuedOn, lang, footerText: pdfFooterText(model), html: renderAccessReportHtml(model), model }
}

/** what the report showed, by name: the fields held and the sections with content. */
async function auditIssue(audit: Tx['audit'], state: string, model: AccessReportModel): Promise<void> {
  if (state !== 'active') {
    // a privacy officer opened a shielded record; the person's access request is the reason.
    await audit({ action: 'person.shielded-open', subjectId: model.person.id, reason: `access report ${model.reference}` })
  }
  const sections = (['attachments', 'employments', 'recruitment', 'consents', 'disclosures'] as const).filter((s) => model[s].length > 0)
  await audit({ action: 'report.access', subjectId: model.person.id, fields: [...new Set(model.fields.map((f) => (REPORTED_FIELD_NAMES.has(f.key) ? f.key : 'absence'))), ...sections], reason: model.reference })
  if (model.specialData.length > 0) {
    await audit({ action: 'special.view', subjectId: model.person.id, fields: [...new Set(model.specialData.map((s) => s.category))], reason: model.reference })
  }
}

const REPORTED_FIELD_NAMES: ReadonlySet<string> = new Set<string>([...PERSON_DATA_FIELDS, 'unsubscribedOn'])

async function assertIssuedTo(m: EntityManager, personId: string, reference: string): Promise<void> {
  const issued = (await issuedAccessReports(m, personId)).some((r) => r.reason === reference)
  if (!issued) throw new DossierError('NOT_FOUND', 'No access report with this reference was issued for this person.')
}
