import { ipcMain } from 'electron'
import { OPERATION_NAMES } from '../../shared/contract'
import { DossierError } from '../../shared/errors'
import type { Envelope } from '../../shared/contract/client'
import { isTrustedSender } from './securityPolicy'

/**
 * One invoke channel for the whole contract. The operation name is checked against the contract,
 * the input is validated by the dispatcher, and the sender must be the app's own top frame. There
 * is no other channel: printing, PDFs and files go through contract operations with capabilities
 * the shell injects into the app (`reportPrinter`, `pdfRenderer`).
 */
export function registerIpc(invoke: (name: string, input: unknown) => Promise<Envelope>, devServerUrl: string | undefined): void {
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
}
