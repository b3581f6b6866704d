import { ipcMain } from 'electron'
import { z } from 'zod'
import { OPERATION_NAMES } from '../../shared/contract'
import { DossierError } from '../../shared/errors'
import type { DossierApp } from '../services/DossierApp'
import type { Envelope } from '../../shared/contract/client'
import { toEnvelope } from '../services/dispatcher'
import { printAccessReport } from './printReport'
import { isTrustedSender } from './securityPolicy'

/**
 * One invoke channel for the whole contract. The operation name is checked against the contract,
 * the input is validated by the dispatcher, and the sender must be the app's own top frame.
 */
const printInput = z.strictObject({ personId: z.uuid(), lang: z.enum(['nl', 'en']), reference: z.string().regex(/^INZ-\d{4}-\d{6}$/) })

export function registerIpc(app: DossierApp, invoke: (name: string, input: unknown) => Promise<Envelope>, devServerUrl: string | undefined): void {
  ipcMain.on('dossier:operations', (event) => {
    event.returnValue = isTrustedSender(event.senderFrame, devServerUrl) ? OPERATION_NAMES : []
  })
  ipcMain.handle('dossier:invoke', async (event, name: unknown, input: unknown): Promise<Envelope> => {
    if (!isTrustedSender(event.senderFrame, devServerUrl)) {
      const e = new DossierError('FORBIDDEN', 'Calls are accepted only from the Dossier window.')
      return { ok: false, error: { code: e.code, message: e.message, issues: [] } }
    }
    return invoke(typeof name === 'string' ? name : '', input)
  })
  // The OS print dialog is the shell's job (not a contract operation): same checks, validated input.
  ipcMain.handle('dossier:print-access-report', async (event, input: unknown): Promise<Envelope> => {
    if (!isTrustedSender(event.senderFrame, devServerUrl)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are accepted only from the Dossier window.', issues: [] } }
    }
    const parsed = printInput.safeParse(input)
    if (!parsed.success) return { ok: false, error: { code: 'VALIDATION_FAILED', message: 'Some fields are not valid.', issues: [] } }
    try {
      app.touch()
      return { ok: true, value: await printAccessReport(app, parsed.data) }
    } catch (e) {
      return { ok: false, error: toEnvelope(e) }
    }
  })
}
