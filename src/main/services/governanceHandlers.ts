import type { governanceOperations } from '../../shared/contract/governance'
import { AUDIT_ACTIONS } from '../audit/auditActions'
import { createAuditAnchor, listAuditAnchors } from '../audit/anchorAudit'
import { exportAudit } from '../audit/exportAudit'
import { listAudit } from '../audit/listAudit'
import { verifyAudit } from '../audit/verifyAudit'
import { createBreach, exportBreaches, listBreaches, updateBreach } from '../governance/breachRegister'
import { getProcessingRegisterHtml } from '../register/processingRegister'
import { deleteProcessor, listProcessors, saveProcessor } from '../governance/processorRegister'
import { deleteDpia, listDpias, saveDpia } from '../governance/dpiaRegister'
import { addStatementVersion, getStatementVersion, listStatementVersions, personsNotShownVersion } from '../governance/statementVersions'
import { readSettings } from '../governance/settings'
import { updateSettings } from '../governance/updateSettings'
import type { Handlers } from './handlerTypes'

export const governanceHandlers: Handlers<keyof typeof governanceOperations> = {
  // The trail as shown holds this session's own sign-in entries (written once the unlock's integrity check is done).
  listAudit: async ({ limit, offset, ...query }, app) => (await app.vaultCheck(), listAudit(app, query, limit, offset)),
  auditFilterOptions: async (_input, app) => ({
    actions: [...AUDIT_ACTIONS],
    actors: (await app.read(({ store }) => store.account.find({ select: { id: true, username: true }, order: { username: 'ASC' } }))).map((a) => ({ id: a.id, username: a.username }))
  }),
  verifyAudit: async (input, app) => (await app.vaultCheck(), verifyAudit(app, input.anchorText)),
  createAuditAnchor: async (_input, app) => createAuditAnchor(app),
  listAuditAnchors: async (_input, app) => listAuditAnchors(app),
  exportAudit: async ({ format, lang, ...query }, app) => (await app.vaultCheck(), exportAudit(app, query, format, lang)),

  listBreaches: async (_input, app) => listBreaches(app),
  createBreach: async (input, app) => createBreach(app, input),
  updateBreach: async ({ id, ...input }, app) => updateBreach(app, id, input),
  exportBreaches: async (input, app) => exportBreaches(app, input.format, input.lang),

  listProcessors: async (_input, app) => listProcessors(app),
  saveProcessor: async (input, app) => saveProcessor(app, input),
  deleteProcessor: async ({ id }, app) => deleteProcessor(app, id),
  listDpias: async (_input, app) => listDpias(app),
  saveDpia: async (input, app) => saveDpia(app, input),
  deleteDpia: async ({ id }, app) => deleteDpia(app, id),

  getProcessingRegisterHtml: async (input, app) => ({ html: await getProcessingRegisterHtml(app, input.lang) }),

  listStatementVersions: async (_input, app) => listStatementVersions(app),
  getStatementVersion: async (input, app) => {
    const { version, validFrom, createdAt, text } = await getStatementVersion(app, input.version)
    return { version, validFrom, createdAt, text }
  },
  addStatementVersion: async (input, app) => addStatementVersion(app, input),
  personsNotShownVersion: async (input, app) => personsNotShownVersion(app, input.version, input.limit),

  getSettings: async (_input, app) => app.read(({ store }) => readSettings(store)),
  updateSettings: async (input, app) => updateSettings(app, input)
}
