import { randomUUID } from 'node:crypto'
import type { StaffRole } from '../../shared/domain'
import { DossierError } from '../../shared/errors'
import type { AccountInfo } from '../../shared/contract/accounts'
import type { DossierApp } from '../services/DossierApp'
import { type Account, AccountEntity } from '../vault/entities/Account'

/** Staff accounts (admin only): list, add (new key slot), disable (slot removed), re-enable. */
export async function listAccounts(app: DossierApp): Promise<AccountInfo[]> {
  const rows = await app.vault.dataSource.getRepository(AccountEntity).find({ order: { username: 'ASC' } })
  return rows.map(toInfo)
}

export async function addAccount(
  app: DossierApp,
  input: { username: string; displayName: string; roles: StaffRole[]; passphrase: string }
): Promise<AccountInfo> {
  const repo = app.vault.dataSource.getRepository(AccountEntity)
  const taken = (await repo.find()).some((a) => a.username.toLowerCase() === input.username.toLowerCase())
  if (taken) throw new DossierError('ACCOUNT_EXISTS', 'An account with this name exists.')
  const account: Account = {
    id: randomUUID(),
    username: input.username,
    displayName: input.displayName,
    roles: [...new Set(input.roles)],
    disabled: false,
    createdAt: app.clock.now().toISOString(),
    failedAttempts: 0,
    lastFailedAt: null
  }
  await app.vault.setAccountSlot(input.username, input.passphrase, app.options.kdfN)
  await app.transaction(async (m, audit) => {
    await m.getRepository(AccountEntity).insert(account)
    await audit({ action: 'account.add', subjectId: account.id, fields: ['username', 'displayName', 'roles'] })
  })
  return toInfo(account)
}

export async function setAccountDisabled(app: DossierApp, accountId: string, disabled: boolean, passphrase?: string): Promise<AccountInfo> {
  const repo = app.vault.dataSource.getRepository(AccountEntity)
  const account = await repo.findOneBy({ id: accountId })
  if (!account) throw new DossierError('NOT_FOUND', 'No such account.')
  if (disabled && account.id === app.session.accountId) throw new DossierError('CONFLICT', 'You cannot disable your own account.')
  if (!disabled && !passphrase) {
    throw new DossierError('VALIDATION_FAILED', 'A new passphrase is needed to re-enable an account.', { issues: [{ path: 'passphrase', key: 'validation.required' }] })
  }
  if (disabled) app.vault.removeAccountSlot(account.username)
  else await app.vault.setAccountSlot(account.username, passphrase!, app.options.kdfN)
  const updated = { ...account, disabled }
  await app.transaction(async (m, audit) => {
    await m.getRepository(AccountEntity).save(updated)
    await audit({ action: disabled ? 'account.disable' : 'account.enable', subjectId: account.id, fields: ['disabled'] })
  })
  return toInfo(updated)
}

function toInfo(a: Account): AccountInfo {
  return { id: a.id, username: a.username, displayName: a.displayName, roles: a.roles, disabled: a.disabled, createdAt: a.createdAt }
}
