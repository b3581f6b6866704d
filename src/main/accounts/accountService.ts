import { randomUUID } from 'node:crypto'
import type { StaffRole } from '../../shared/domain'
import { DossierError } from '../../shared/errors'
import { canonicalAccountName } from '../../shared/validation/accountName'
import { requireStrongPassphrase } from './passphraseStrength'
import type { AccountInfo } from '../../shared/contract/accounts'
import type { Workspace } from '../workspace/Workspace'
import type { Account } from '../vault/entities/Account'

/** Staff accounts (admin only): list, add (new key slot), disable (slot removed), re-enable. */
export async function listAccounts(ws: Workspace): Promise<AccountInfo[]> {
  const rows = await ws.read(({ store }) => store.account.find({ order: { username: 'ASC' } }))
  return rows.map(toInfo)
}

export async function addAccount(
  ws: Workspace,
  input: { username: string; displayName: string; roles: StaffRole[]; passphrase: string }
): Promise<AccountInfo> {
  // One canonical form for the table, the key slot and sign-in: a name that folds onto an existing
  // one (`ａｎｎａ`, `Anna` for `anna`) is that account, never a second slot under its lookup.
  const username = canonicalAccountName(input.username)
  const taken = (await ws.read(({ store }) => store.account.find())).some((a) => canonicalAccountName(a.username) === username)
  if (taken) throw new DossierError('ACCOUNT_EXISTS', 'An account with this name exists.')
  await requireStrongPassphrase(input.passphrase, [username, input.displayName])
  const account: Account = {
    id: randomUUID(),
    username,
    displayName: input.displayName,
    roles: [...new Set(input.roles)],
    disabled: false,
    createdAt: ws.clock.now().toISOString(),
    failedAttempts: 0,
    lastFailedAt: null
  }
  await ws.keySlots.set(username, input.passphrase, { restricted: holdsRestrictedKey(account.roles), roles: account.roles })
  await ws.write(async ({ store, audit }) => {
    await store.account.insert(account)
    await audit({ action: 'account.add', subjectId: account.id, fields: ['username', 'displayName', 'roles'] })
  })
  return toInfo(account)
}

export async function setAccountDisabled(ws: Workspace, accountId: string, disabled: boolean, passphrase?: string): Promise<AccountInfo> {
  const account = await ws.read(({ store }) => store.account.findOneBy({ id: accountId }))
  if (!account) throw new DossierError('NOT_FOUND', 'No such account.')
  if (disabled && account.id === ws.requireActor().accountId) throw new DossierError('CONFLICT', 'You cannot disable your own account.')
  if (!disabled && !passphrase) {
    throw new DossierError('VALIDATION_FAILED', 'A new passphrase is needed to re-enable an account.', { issues: [{ path: 'passphrase', key: 'validation.required' }] })
  }
  if (!disabled) await requireStrongPassphrase(passphrase!, [account.username, account.displayName])
  if (disabled) await ws.keySlots.remove(account.username)
  else await ws.keySlots.set(account.username, passphrase!, { restricted: holdsRestrictedKey(account.roles), roles: account.roles })
  const updated = { ...account, disabled }
  await ws.write(async ({ store, audit }) => {
    await store.account.save(updated)
    await audit({ action: disabled ? 'account.disable' : 'account.enable', subjectId: account.id, fields: ['disabled'] })
  })
  return toInfo(updated)
}

/**
 * Issue 15 point 1: the restricted key (special-category data) goes to privacy officers and admins
 * only — admins so that they can grant it to a new privacy officer.
 */
export function holdsRestrictedKey(roles: readonly StaffRole[]): boolean {
  return roles.includes('privacy_officer') || roles.includes('admin')
}

function toInfo(a: Account): AccountInfo {
  return { id: a.id, username: a.username, displayName: a.displayName, roles: a.roles, disabled: a.disabled, createdAt: a.createdAt }
}
