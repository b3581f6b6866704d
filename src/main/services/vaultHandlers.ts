import type { vaultOperations } from '../../shared/contract/vault'
import type { Handlers } from './handlerTypes'

/** Backup and restore of the whole vault; roles are checked by the dispatcher (contract/vault.ts). */
export const vaultHandlers: Handlers<keyof typeof vaultOperations> = {
  backupVault: async ({ file }, app) => app.backupVault(file),
  restoreVault: async (input, app) => app.restoreVault(input),
  previewRestore: async (input, app) => app.previewRestore(input)
}
