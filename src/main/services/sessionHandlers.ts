import type { sessionOperations } from '../../shared/contract/session'
import type { Handlers } from './handlerTypes'
import { vaultStatus } from './vaultStatus'

type SessionOps = keyof typeof sessionOperations

export const sessionHandlers: Handlers<SessionOps> = {
  getAppState: async (_input, app) => ({
    vault: app.vaultState(),
    session: app.currentSession,
    idleLockMinutes: await app.idleLockMinutes()
  }),
  setupVault: async (input, app) => app.setup(input),
  chooseOfficeServer: async (input, app) => ({ ok: true as const, restarting: await app.chooseOfficeServer(input.url) }),
  signIn: async (input, app) => app.signIn(input.username, input.passphrase),
  signOut: async (_input, app) => {
    await app.signOut()
    return { ok: true as const }
  },
  lock: async (input, app) => {
    await app.lock(input.reason)
    return { ok: true as const }
  },
  getVaultStatus: async (_input, app) => vaultStatus(app),
  awaitVaultCheck: async (_input, app) => ({ integrity: await app.vaultCheck() }),
  changePassphrase: async (input, app) => {
    await app.changePassphrase(input.current, input.next)
    return { ok: true as const }
  }
}
