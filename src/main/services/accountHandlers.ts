import type { accountOperations } from '../../shared/contract/accounts'
import { addAccount, listAccounts, setAccountDisabled } from '../accounts/accountService'
import type { Handlers } from './handlerTypes'

export const accountHandlers: Handlers<keyof typeof accountOperations> = {
  listAccounts: async (_input, app) => listAccounts(app),
  addAccount: async (input, app) => addAccount(app, input),
  setAccountDisabled: async (input, app) => setAccountDisabled(app, input.accountId, input.disabled, input.passphrase)
}
