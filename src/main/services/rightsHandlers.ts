import type { rightsOperations } from '../../shared/contract/rights'
import { accessReportPdf, issueAccessReport, printAccessReport, recordReportPrinted } from '../rights/accessReportService'
import {
  applyErasure,
  approveAndApplyErasure,
  approveErasure,
  listErasureApprovals,
  previewErasure,
  requestAndApplyErasure,
  requestErasure
} from '../rights/erasureService'
import { exportPerson, exportPersonArchive } from '../rights/exportService'
import { closeRequest, createRequest, extendRequest, linkRequestPerson, listRequests, listRequestsDue } from '../rights/requestRegister'
import type { Handlers } from './handlerTypes'

/** The rights capability (R-18..R-20): thin adapters to `main/rights/`. Roles are checked by the dispatcher. */
export const rightsHandlers = {
  getAccessReportHtml: async ({ personId, lang }, app) => {
    const { model: _model, ...report } = await issueAccessReport(app, personId, lang)
    return report
  },
  getAccessReportPdf: async ({ personId, lang, reference }, app) => {
    const { reference: issued, fileName, pdf } = await accessReportPdf(app, personId, lang, reference)
    return { reference: issued, fileName, pdfBase64: pdf.toString('base64') }
  },
  // The shell's printer, or PRINT_UNAVAILABLE before any work where it has none.
  printAccessReport: async ({ personId, lang, reference }, app) => printAccessReport(app, personId, lang, reference, app.reportPrinter()),
  recordReportPrinted: async ({ personId, reference, how }, app) => {
    await recordReportPrinted(app, personId, reference, how)
    return { recorded: true as const }
  },
  exportPerson: async ({ personId }, app) => exportPerson(app, personId),
  exportPersonArchive: async ({ personId }, app) => {
    const { fileName, zip, attachmentCount } = await exportPersonArchive(app, personId)
    return { fileName, zipBase64: zip.toString('base64'), attachmentCount }
  },
  previewErasure: async ({ personId }, app) => previewErasure(app, personId),
  requestErasure: async ({ personId, reason }, app) => requestErasure(app, personId, reason),
  approveErasure: async ({ approvalId }, app) => approveErasure(app, approvalId),
  applyErasure: async ({ approvalId }, app) => applyErasure(app, approvalId),
  requestAndApplyErasure: async ({ personId, reason }, app) => requestAndApplyErasure(app, personId, reason),
  approveAndApplyErasure: async ({ approvalId }, app) => approveAndApplyErasure(app, approvalId),
  listErasureApprovals: async (_input, app) => listErasureApprovals(app),
  createRequest: async (input, app) => createRequest(app, input),
  extendRequest: async ({ id, reason, toldOn }, app) => extendRequest(app, id, reason, toldOn),
  linkRequestPerson: async ({ id, personId, identityCheck }, app) => linkRequestPerson(app, id, personId, identityCheck),
  closeRequest: async ({ id, status }, app) => closeRequest(app, id, status),
  listRequests: async ({ includeClosed }, app) => listRequests(app, includeClosed ?? false),
  listRequestsDue: async (_input, app) => listRequestsDue(app)
} satisfies Handlers<keyof typeof rightsOperations>
