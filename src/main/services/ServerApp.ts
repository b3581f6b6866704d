import { randomUUID } from 'node:crypto'
import type { DataSource, EntityManager } from 'typeorm'
import { DossierError } from '../../shared/errors'
import type { SessionInfo } from '../../shared/contract/session'
import type { StaffRole } from '../../shared/domain'
import type { RestorePreview } from '../../shared/contract/vault'
import { canonicalAccountName } from '../../shared/validation/accountName'
import { holdsRestrictedKey } from '../accounts/accountService'
import { requireStrongPassphrase } from '../accounts/passphraseStrength'
import { AuditTrail } from '../audit/AuditTrail'
import type { Clock } from '../clock'
import { ensureSeeded } from '../retention/policyStore'
import type { ReportPrinter } from '../rights/reportPrinter'
import { type ServerAddress, serverDataSource } from '../server/initServer'
import { createOfficeKeys, officeHasKeys, type OfficeKeys, openOfficeKeys, readOfficeKeyring, removeOfficeKeySlots, replaceOfficeKeySlot, rewrapOwnOfficeKeySlot } from '../server/officeKeyring'
import { appendErasureLines } from '../server/serverErasureLedger'
import { readOfficeSecrets } from '../server/officeSecrets'
import { serverCallFailure, serverFailure } from '../server/serverErrors'
import { disableLogin, putLogin, setOwnLoginPassphrase } from '../server/serverLogins'
import { officeAuditChainKey, ServerVault } from '../server/ServerVault'
import { type Account, AccountEntity } from '../vault/entities/Account'
import { type Keyring, slotLookup } from '../vault/keyring'
import { MIGRATIONS } from '../vault/migrations'
import type { PendingErasure } from '../workspace/managerTx'
import type { Actor, KeySlots, PdfRenderer, ReadTx, Tx, WriteOptions } from '../workspace/Workspace'
import type { AppHost } from './handlerTypes'
import { SessionApp } from './SessionApp'

export interface ServerAppOptions {
  /** The office server (its address; each account signs in as its own login). */
  server: ServerAddress
  clock: Clock
  /** scrypt cost of the key slots this desk writes; only tests lower it. */
  kdfN?: number
  /** Called after every sign-in (the retention catch-up hooks in here). */
  onUnlock?: (app: ServerApp) => Promise<void>
  pdfRenderer?: PdfRenderer
  reportPrinter?: ReportPrinter
}

/** What only a local vault does: a desk of the office server says so with its own code. */
function notOnServer(): never {
  throw new DossierError('NOT_ON_SERVER', 'With the office server this is done by its administrator, not from a desk.')
}

/**
 * Issue 17 point 1: the application core on the office server. The same `Workspace` as
 * `DossierApp` (VaultWorkspace: transactions, the audit trail, the write queue) over a PostgreSQL
 * connection, so every service and handler runs unchanged; the session lifecycle is the server's:
 *
 * - **sign-in** connects as the account's own login with its passphrase (the server checks it:
 *   SCRAM), then opens the account's office key slot with the same passphrase (`ServerVault`).
 *   The server's answer is a stable code (`serverErrors.ts`); a wrong passphrase is the local
 *   vault's VAULT_WRONG_PASSPHRASE. A server without Dossier's schema or keys is
 *   SERVER_NOT_PREPARED, one with a newer schema SERVER_FUTURE_SCHEMA: nothing is written to it.
 * - **accounts**: an administrator's desk makes the login (owner's functions, serverLogins.ts)
 *   and the key slot; disabling an account ends its login and removes its slot.
 * - **every write transaction** takes the office's write lock first (vault/writeLock.ts), so
 *   several desks append one audit chain in order; its erasure-ledger lines go into the server's
 *   table inside it.
 * - what a desk cannot do here (the vault file's backup and restore, setup): NOT_ON_SERVER.
 */
export class ServerApp extends SessionApp implements AppHost {
  private open: ServerVault | null = null
  private sessionInfo: SessionInfo | null = null
  private readonly unlockHooks: ((app: ServerApp) => Promise<void>)[] = []
  /** The office keyring's salt and this session's visible slots (an administrator's: all), read at sign-in. */
  private keyring: Keyring | null = null

  constructor(readonly options: ServerAppOptions) {
    super(options.clock, options.pdfRenderer, options.reportPrinter)
    if (options.onUnlock) this.unlockHooks.push(options.onUnlock)
  }

  onUnlock(hook: (app: ServerApp) => Promise<void>): void {
    this.unlockHooks.push(hook)
  }

  get vault(): ServerVault {
    if (!this.open) throw new DossierError('VAULT_LOCKED', 'The vault is locked.')
    return this.open
  }

  get actor(): Actor | null {
    return this.sessionInfo
  }

  get currentSession(): SessionInfo | null {
    return this.sessionInfo
  }

  get session(): SessionInfo {
    if (!this.sessionInfo) throw new DossierError('NOT_SIGNED_IN', 'Nobody is signed in.')
    return this.sessionInfo
  }

  get keySlots(): KeySlots {
    const vault = this.vault
    const keyring = this.keyring!
    return {
      set: async (accountName, passphrase, opts) => {
        await vault.dataSource.transaction(async (m) => {
          await putLogin(m, { name: canonicalAccountName(accountName), passphrase, roles: opts?.roles ?? ['staff'] })
          await replaceOfficeKeySlot(m, vault.officeKeys, { accountName, passphrase, restricted: opts?.restricted ?? false }, this.options.kdfN)
        })
        await this.reloadKeyring()
      },
      remove: async (accountName) => {
        await vault.dataSource.transaction(async (m) => {
          await disableLogin(m, canonicalAccountName(accountName))
          await removeOfficeKeySlots(m, accountName)
        })
        await this.reloadKeyring()
      },
      accountKdfCosts: () => keyring.slots.filter((s) => s.kind === 'account').map((s) => s.kdf.N),
      // A local key slot witnesses the audit head (issue 15 point 2); on the server the trail is
      // insert-only for every login, its owner's included (serverRoles.ts): nothing to witness.
      witnesses: () => [],
      lookupOf: (accountName) => slotLookup(keyring, accountName)
    }
  }

  vaultState(): 'none' | 'locked' | 'unlocked' {
    return this.open ? 'unlocked' : 'locked'
  }

  /** The server checks its own storage; a desk has no verdict to wait for. */
  async vaultCheck(): Promise<'ok'> {
    if (!this.open) throw new DossierError('VAULT_LOCKED', 'The vault is locked.')
    return 'ok'
  }

  /** This desk works on the office server already. */
  async chooseOfficeServer(): Promise<never> {
    throw new DossierError('VAULT_EXISTS', 'This desk works on the office server already.')
  }

  /** The office is prepared by `dossier server init --admin NAME` (`ServerApp.prepareOffice`), not from a desk. */
  async setup(): Promise<never> {
    notOnServer()
  }

  async signIn(username: string, passphrase: string): Promise<SessionInfo> {
    if (this.open) await this.signOut()
    const login = canonicalAccountName(username)
    const dataSource = serverDataSource(this.options.server, { username: login, password: passphrase })
    try {
      await dataSource.initialize()
    } catch (e) {
      const failure = serverFailure(e)
      throw failure.code === 'SERVER_AUTH_FAILED' ? new DossierError('VAULT_WRONG_PASSPHRASE', 'The account name or passphrase is not correct.') : failure
    }
    let vault: ServerVault | null = null
    try {
      await requireSchemaOf(dataSource)
      if (!(await officeHasKeys(dataSource.manager))) throw new DossierError('SERVER_NOT_PREPARED', 'The office server has no office keys yet.')
      const keys = await openOfficeKeys(dataSource.manager, username, passphrase).catch((e: unknown) => {
        throw e instanceof DossierError ? e : serverFailure(e)
      })
      vault = new ServerVault(dataSource, keys, await readOfficeSecrets(dataSource.manager, keys))
      const account = await accountNamed(dataSource.manager, username)
      if (!account || account.disabled) throw new DossierError('ACCOUNT_DISABLED', 'This account is disabled.')
      this.open = vault
      this.sessionInfo = toSession(account)
      await this.reloadKeyring()
      await this.write(async ({ audit }) => audit({ action: 'session.sign-in', subjectId: account.id }))
    } catch (e) {
      this.open = null
      this.sessionInfo = null
      if (vault) await vault.close().catch(() => undefined)
      else await dataSource.destroy().catch(() => undefined)
      throw e instanceof DossierError ? e : serverFailure(e)
    }
    this.touch()
    for (const hook of this.unlockHooks) await hook(this)
    return this.session
  }

  async signOut(): Promise<void> {
    await this.endSession(() => this.write(async ({ audit }) => audit({ action: 'session.sign-out', subjectId: this.session.accountId })))
  }

  async lock(reason: 'idle' | 'manual' | 'suspend' | 'screen-lock'): Promise<void> {
    await this.endSession(() => this.write(async ({ audit }) => audit({ action: 'session.lock', subjectId: this.session.accountId, reason })))
  }

  /** The own passphrase: the login's (a SCRAM verifier) and the key slot's, in one transaction. */
  async changePassphrase(current: string, next: string): Promise<void> {
    const session = this.session
    const vault = this.vault
    // Prove the current passphrase against the own slot before anything changes.
    const proof = await openOfficeKeys(vault.dataSource.manager, session.username, current).catch(() => null)
    if (!proof) throw new DossierError('VAULT_WRONG_PASSPHRASE', 'The current passphrase is not correct.')
    proof.forget()
    await requireStrongPassphrase(next, [session.username, session.displayName], 'next')
    await this.write(async ({ manager, audit }) => {
      await setOwnLoginPassphrase(manager, next)
      await rewrapOwnOfficeKeySlot(manager, vault.officeKeys, { accountName: session.username, passphrase: next }, this.options.kdfN)
      await audit({ action: 'account.passphrase-change', subjectId: session.accountId, fields: ['passphrase'] })
    })
  }

  async backupVault(): Promise<never> {
    notOnServer()
  }

  async restoreVault(): Promise<never> {
    notOnServer()
  }

  async previewRestore(): Promise<RestorePreview> {
    notOnServer()
  }

  async close(): Promise<void> {
    await this.closeSession()
  }

  /**
   * A call whose connection dropped on the way says so (SERVER_CONNECTION_LOST), and one the
   * login's grants refuse (SERVER_FORBIDDEN); the server rolled its transaction back with it, and
   * the pool opens a new connection for the next call (issue 17, "bad input and faults").
   */
  override async read<T>(work: (tx: ReadTx) => Promise<T>): Promise<T> {
    try {
      return await super.read(work)
    } catch (e) {
      throw serverCallFailure(e)
    }
  }

  override async write<T>(work: (tx: Tx) => Promise<T>, options?: WriteOptions): Promise<T> {
    try {
      return await super.write(work, options)
    } catch (e) {
      throw serverCallFailure(e)
    }
  }

  /** Into the server's ledger table, in the transaction that removes the data (serverErasureLedger.ts). */
  protected override recordErasures(manager: EntityManager, erasures: PendingErasure[]): Promise<void> {
    return appendErasureLines(manager, this.vault.erasures.lines(erasures))
  }

  private async reloadKeyring(): Promise<void> {
    this.keyring = await readOfficeKeyring(this.vault.dataSource.manager)
  }

  /** The session's last entry, then the connection closed and the keys zeroed even when that entry failed. */
  private async endSession(lastEntry: () => Promise<void>): Promise<void> {
    try {
      if (this.open && this.sessionInfo) await lastEntry()
    } finally {
      await this.closeSession()
    }
  }

  private async closeSession(): Promise<void> {
    const vault = this.open
    this.open = null
    this.sessionInfo = null
    this.keyring = null
    try {
      if (vault) await vault.close()
    } finally {
      await this.options.pdfRenderer?.release?.().catch(() => undefined)
    }
  }

  /**
   * `dossier server add-login NAME --granted-by ADMIN`, as the schema's owner: what an
   * administrator's desk does for a new account (its login, its key slot opened by the
   * administrator's own, its account), audited as that administrator, in one transaction.
   */
  /**
   * A desk on the schema owner's connection, signed in as `account` with the office keys its slot
   * opened: for what must see every record and no login may (a restore's re-application of the
   * erasure ledger, services/officeBackupService.ts). Its close closes `dataSource`.
   */
  static ownerDesk(dataSource: DataSource, keys: OfficeKeys, adopted: ReadonlyMap<string, Buffer>, account: Account, clock: Clock): ServerApp {
    const desk = new ServerApp({ server: { url: 'postgres://owner-connection' }, clock })
    desk.open = new ServerVault(dataSource, keys, adopted)
    desk.sessionInfo = toSession(account)
    return desk
  }

  static async addAccountAsOwner(owner: DataSource, granter: { username: string; passphrase: string }, input: { username: string; displayName: string; roles: readonly StaffRole[]; passphrase: string }, clock: Clock, kdfN?: number): Promise<Account> {
    const username = canonicalAccountName(input.username)
    await requireStrongPassphrase(input.passphrase, [username, input.displayName])
    const keys = await openOfficeKeys(owner.manager, granter.username, granter.passphrase)
    try {
      return await owner.transaction(async (m) => {
        const admin = await accountNamed(m, granter.username)
        if (!admin || admin.disabled || !admin.roles.includes('admin')) throw new DossierError('FORBIDDEN', 'Only an administrator grants a key slot.')
        if (await accountNamed(m, username)) throw new DossierError('ACCOUNT_EXISTS', 'An account with this name exists.')
        const roles = [...new Set(input.roles)]
        await putLogin(m, { name: username, passphrase: input.passphrase, roles })
        await replaceOfficeKeySlot(m, keys, { accountName: username, passphrase: input.passphrase, restricted: holdsRestrictedKey(roles) }, kdfN)
        const account: Account = { id: randomUUID(), username, displayName: input.displayName, roles, disabled: false, createdAt: clock.now().toISOString(), failedAttempts: 0, lastFailedAt: null }
        await m.getRepository(AccountEntity).insert(account)
        const chainKey = officeAuditChainKey(keys, await readOfficeSecrets(m, keys))
        await new AuditTrail(clock).append(m, { action: 'account.add', actorId: admin.id, subjectId: account.id, fields: ['username', 'displayName', 'roles'] }, chainKey)
        return account
      })
    } finally {
      keys.forget()
    }
  }

  /**
   * `dossier server init --admin NAME`, as the schema's owner after `initServer`: the office's
   * keys with the first administrator's slot and a recovery key (returned once), the
   * administrator's login and account, and the trail's first entries, in one transaction. Null
   * when the office has its keys already (a second run changes nothing).
   */
  static async prepareOffice(owner: DataSource, admin: { username: string; displayName: string; passphrase: string }, clock: Clock, kdfN?: number): Promise<{ recoveryKey: string; accountId: string } | null> {
    await requireStrongPassphrase(admin.passphrase, [admin.username, admin.displayName])
    const username = canonicalAccountName(admin.username)
    return owner.transaction(async (m) => {
      const made = await createOfficeKeys(m, { accountName: username, passphrase: admin.passphrase }, kdfN)
      if (!made) return null
      await putLogin(m, { name: username, passphrase: admin.passphrase, roles: ['admin', 'privacy_officer', 'staff'] })
      const account: Account = { id: randomUUID(), username, displayName: admin.displayName, roles: ['admin', 'privacy_officer', 'staff'], disabled: false, createdAt: clock.now().toISOString(), failedAttempts: 0, lastFailedAt: null }
      await m.getRepository(AccountEntity).insert(account)
      await ensureSeeded(m, clock)
      const keys = await openOfficeKeys(m, username, admin.passphrase)
      try {
        const trail = new AuditTrail(clock)
        for (const entry of [{ action: 'vault.create' as const }, { action: 'account.add' as const, fields: ['roles'] }]) {
          await trail.append(m, { ...entry, actorId: account.id, subjectId: account.id }, officeAuditChainKey(keys))
        }
      } finally {
        keys.forget()
      }
      return { recoveryKey: made.recoveryKey, accountId: account.id }
    })
  }
}

/**
 * The server's schema must be this desk's: every migration of ours run (else the owner has not
 * run `server init` since an update: SERVER_NOT_PREPARED), none we do not know (a newer Dossier
 * migrated it: SERVER_FUTURE_SCHEMA). Nothing is written before this holds.
 */
async function requireSchemaOf(dataSource: DataSource): Promise<void> {
  const ours = new Set(dataSource.migrations.map((m) => m.name ?? m.constructor.name))
  let ran: string[]
  try {
    ran = ((await dataSource.query(`SELECT "name" FROM "migrations"`)) as { name: string }[]).map((r) => r.name)
  } catch (e) {
    if ((e as { code?: string }).code === '42P01') throw new DossierError('SERVER_NOT_PREPARED', 'The office server has no Dossier schema yet.')
    throw e
  }
  if (ran.some((name) => !ours.has(name))) throw new DossierError('SERVER_FUTURE_SCHEMA', 'The office server runs a newer Dossier schema.')
  if (ran.length < MIGRATIONS.length) throw new DossierError('SERVER_NOT_PREPARED', 'The office server has not been updated for this version.')
}

export async function accountNamed(m: EntityManager, name: string): Promise<Account | null> {
  const canonical = canonicalAccountName(name)
  const matches = (await m.getRepository(AccountEntity).find()).filter((a) => canonicalAccountName(a.username) === canonical)
  if (matches.length > 1) throw new DossierError('ACCOUNT_DISABLED', 'Two accounts share this name; an admin must resolve it.')
  return matches[0] ?? null
}

function toSession(a: Account): SessionInfo {
  return { accountId: a.id, username: a.username, displayName: a.displayName, roles: a.roles }
}
