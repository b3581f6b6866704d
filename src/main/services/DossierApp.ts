import { randomUUID } from 'node:crypto'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { DossierError, isDossierError } from '../../shared/errors'
import { accountNameSchema, canonicalAccountName } from '../../shared/validation/accountName'
import { passphraseProblem } from '../../shared/validation/passphrase'
import type { SessionInfo } from '../../shared/contract/session'
import { requireStrongPassphrase } from '../accounts/passphraseStrength'
import { withSignInLock } from '../accounts/signInLock'
import { signInAllowedAt } from '../accounts/signInThrottle'
import { SignInJournal } from '../accounts/signInJournal'
import type { Clock } from '../clock'
import { reapplyErasures } from '../retention/reapplyErasures'
import { type Account, AccountEntity } from '../vault/entities/Account'
import { findAccountSlot, parseKeyring, slotLookup, unwrapDataKey } from '../vault/keyring'
import { Vault, storageError } from '../vault/Vault'
import { vaultPaths } from '../vault/vaultFiles'
import { restorePendingPath } from '../vault/vaultReplacement'
import type { Actor, KeySlots, PdfRenderer } from '../workspace/Workspace'
import { SessionApp } from './SessionApp'
import { checkWitnessedHeads, restoreMarkReason, witnessFailureText } from '../audit/witnessedHeads'
import type { WitnessFailure } from '../../shared/contract/governance'
import { backupVault, previewRestore, type RestoreInput, restoreVault } from './vaultBackup'
import type { RestorePreview } from '../../shared/contract/vault'
import type { ReportPrinter } from '../rights/reportPrinter'
import { parseServerUrl } from '../server/serverAddress'

export interface SignInOptions {
  /**
   * After a restore (services/vaultBackup.ts): the head of the trail the backup replaced. The
   * restore is marked in the trail with the restricted key before witnesses are compared, so
   * heads witnessed before it are not reported as tampering (but the restore stays visible).
   */
  restoredOver?: { seq: number; hash: string }
}

export interface DossierAppOptions {
  vaultDir: string
  clock: Clock
  /** scrypt cost for new key slots; only tests lower it. */
  kdfN?: number
  /** Called after every unlock (the retention catch-up sweep hooks in here). */
  onUnlock?: (app: DossierApp) => Promise<void>
  /** How this shell makes PDFs; without one, asking for a PDF fails with INTERNAL. */
  pdfRenderer?: PdfRenderer
  /** How this shell prints with the OS dialog; without one (CLI, web preview), printing fails with PRINT_UNAVAILABLE. */
  reportPrinter?: ReportPrinter
  /**
   * Issue 18: at every unlock, hand the session's checkpoints to the WAL checkpointer's worker
   * thread (`Vault.startBackgroundCheckpoints`), so no save waits for one. For the app's long
   * sessions (the desktop shell, the web preview); a CLI command or a test writes too little to
   * be worth the thread.
   */
  backgroundCheckpoints?: boolean
  /**
   * Issue 17: the first-run choice of the office server (`chooseOfficeServer`): the shell records it
   * (services/deskChoice.ts) and starts again on the server; resolves whether it restarts. Without
   * one this shell cannot switch (the CLI: `dossier server connect`).
   */
  onChooseServer?: (url: string) => Promise<boolean>
}

/**
 * The application core: at most one unlocked vault and one signed-in account at a time. Owns the
 * session lifecycle — setup, sign-in, recovery, lock, idle lock, sign-in throttle — and is the
 * domain's `Workspace` while unlocked (see VaultWorkspace). Electron, the CLI and the web preview
 * all drive it.
 */
export class DossierApp extends SessionApp {
  private vaultHandle: Vault | null = null
  private sessionInfo: SessionInfo | null = null
  private readonly journal: SignInJournal
  private unlockHooks: ((app: DossierApp) => Promise<void>)[] = []

  constructor(readonly options: DossierAppOptions) {
    super(options.clock, options.pdfRenderer, options.reportPrinter)
    this.journal = new SignInJournal(vaultPaths(options.vaultDir).signInJournal)
    if (options.onUnlock) this.unlockHooks.push(options.onUnlock)
  }

  onUnlock(hook: (app: DossierApp) => Promise<void>): void {
    this.unlockHooks.push(hook)
  }

  get vaultDir(): string {
    return this.options.vaultDir
  }

  get vault(): Vault {
    if (!this.vaultHandle) throw new DossierError('VAULT_LOCKED', 'The vault is locked.')
    return this.vaultHandle
  }

  get session(): SessionInfo {
    if (!this.sessionInfo) throw new DossierError('NOT_SIGNED_IN', 'Nobody is signed in.')
    return this.sessionInfo
  }

  get currentSession(): SessionInfo | null {
    return this.sessionInfo
  }

  get actor(): Actor | null {
    return this.sessionInfo
  }

  /** Key slots of the open vault, at this app's scrypt cost (`kdfN`). */
  get keySlots(): KeySlots {
    const vault = this.vault
    return {
      set: (accountName, passphrase, opts) => vault.setAccountSlot(accountName, passphrase, this.options.kdfN, opts),
      remove: (accountName) => vault.removeAccountSlot(accountName),
      accountKdfCosts: () => vault.keyring.slots.filter((s) => s.kind === 'account').map((s) => s.kdf.N),
      witnesses: () => vault.keyring.slots.flatMap((s) => (s.kind === 'account' && s.witness ? [{ lookup: s.lookup, ...s.witness }] : [])),
      lookupOf: (accountName) => slotLookup(vault.keyring, accountName)
    }
  }

  vaultState(): 'none' | 'locked' | 'unlocked' {
    if (this.vaultHandle) return 'unlocked'
    const p = vaultPaths(this.options.vaultDir)
    return existsSync(p.keyring) || existsSync(p.manifest) || existsSync(restorePendingPath(this.options.vaultDir)) ? 'locked' : 'none'
  }

  /** The first-run choice of the office server, on a desk without a vault only (see `onChooseServer`). */
  async chooseOfficeServer(url: string): Promise<boolean> {
    if (this.vaultState() !== 'none') throw new DossierError('VAULT_EXISTS', 'This desk has a vault: its data would stay behind (server import-vault moves it in).')
    parseServerUrl(url)
    if (!this.options.onChooseServer) throw new DossierError('INTERNAL', 'This shell cannot switch to the office server; use dossier server connect.')
    return this.options.onChooseServer(url)
  }

  async setup(input: { username: string; displayName: string; passphrase: string }): Promise<{ recoveryKey: string; session: SessionInfo }> {
    if (this.vaultState() !== 'none') throw new DossierError('VAULT_EXISTS', 'A vault already exists.')
    await requireStrongPassphrase(input.passphrase, [input.username, input.displayName])
    const { vault, recoveryKey } = await Vault.create(this.options.vaultDir, {
      adminName: input.username,
      passphrase: input.passphrase,
      kdfN: this.options.kdfN,
      now: this.clock.now()
    })
    const account: Account = {
      id: randomUUID(),
      username: input.username,
      displayName: input.displayName,
      roles: ['admin', 'privacy_officer', 'staff'],
      disabled: false,
      createdAt: this.clock.now().toISOString(),
      failedAttempts: 0,
      lastFailedAt: null
    }
    // The journal exists from the vault's first day: its absence later means tampering (signInJournal.ts).
    this.journal.create()
    this.vaultHandle = vault
    this.sessionInfo = toSession(account)
    await this.write(async ({ store, audit }) => {
      await store.account.insert(account)
      await audit({ action: 'vault.create', subjectId: account.id })
      await audit({ action: 'account.add', subjectId: account.id, fields: ['roles'] })
    })
    this.touch()
    await this.runUnlockHooks()
    return { recoveryKey, session: this.sessionInfo }
  }

  /**
   * Sign-in attempts run one at a time: in this process (a queue) and across processes (a lock file
   * beside the vault), so the throttle sees every failure before the next attempt is weighed.
   */
  async signIn(username: string, passphrase: string, opts: SignInOptions = {}): Promise<SessionInfo> {
    const attempt = this.signInQueue.then(() => withSignInLock(vaultPaths(this.options.vaultDir).signInLock, () => this.signInNow(username, passphrase, opts)))
    this.signInQueue = attempt.catch(() => undefined)
    const session = await attempt
    // The unlock hooks (the retention catch-up) run after the attempt has let go of the lock.
    await this.runUnlockHooks()
    return session
  }

  private signInQueue: Promise<unknown> = Promise.resolve()

  private async signInNow(username: string, passphrase: string, opts: SignInOptions): Promise<SessionInfo> {
    if (this.vaultHandle) await this.signOut()
    const lookup = this.lookupFor(username)
    const now = this.clock.now().getTime()
    // No vault here: no journal to keep (and none to create); the open below says VAULT_MISSING.
    const journal = this.vaultState() === 'none' ? { failures: [], heldSince: null } : this.loadJournal(now)
    const failures = lookup ? journal.failures.filter((f) => f.lookup === lookup).map((f) => f.at) : []
    const allowedAt = signInAllowedAt(failures, journal.failures.map((f) => f.at), journal.heldSince)
    if (now < allowedAt) {
      throw new DossierError('ACCOUNT_THROTTLED', 'Too many failed attempts; wait before trying again.', {
        detail: { retryAfterSeconds: Math.ceil((allowedAt - now) / 1000) }
      })
    }
    let vault: Vault
    try {
      vault = await Vault.open(this.options.vaultDir, username, passphrase)
    } catch (e) {
      if (e instanceof DossierError && e.code === 'VAULT_WRONG_PASSPHRASE' && lookup) {
        this.journal.record({ lookup, at: now, audited: false }, now)
      }
      throw e
    }
    try {
      const account = await accountNamed(vault, username)
      if (!account || account.disabled) throw new DossierError('ACCOUNT_DISABLED', 'This account is disabled.')
      this.vaultHandle = vault
      this.sessionInfo = toSession(account)
      if (opts.restoredOver || existsSync(vaultPaths(this.options.vaultDir).reapplyPending)) {
        // After a restore the erased persons go again before anyone reads: this sign-in waits for
        // the integrity check and the re-application (issue 15 point 3), then compares the
        // witnessed heads with a trail that holds this restore.
        await this.signInEntries(vault, account.id, lookup, now, opts)
        await this.raiseWitnessAlert()
      } else {
        // Issue 15 point 2: the witnessed heads are compared now (a read), so the alert is in this answer.
        const { failed } = await this.read(({ manager }) => checkWitnessedHeads(this, manager))
        if (failed) this.sessionInfo = { ...this.sessionInfo, auditAlert: failed }
        // Issue 18 point 4: the sign-in answers now; its audit entries are written as soon as the
        // background integrity check allows writes, before any other write of the session.
        this.signInEntriesPending = () => this.signInEntries(vault, account.id, lookup, now, opts, failed)
        this.settleSignIn().catch(() => undefined)
      }
    } catch (e) {
      // Whatever failed after the vault opened (damage, full disk): release it, never leave it locked open.
      this.vaultHandle = null
      this.sessionInfo = null
      await vault.close().catch(() => undefined)
      throw storageError(e) ?? e
    }
    this.touch()
    return this.sessionInfo
  }

  /**
   * Issue 18 point 4: the verdict of this unlock's integrity check, once it is in and the sign-in's
   * own audit entries are written (VAULT_LOCKED when the vault closed first).
   */
  async vaultCheck(): Promise<'ok' | 'damaged'> {
    await this.settleSignIn().catch(() => undefined)
    try {
      await this.vault.whenWritable()
      return 'ok'
    } catch (e) {
      if (isDossierError(e) && e.code === 'VAULT_DAMAGED') return 'damaged'
      throw e
    }
  }

  /**
   * The sign-in's own audit entries, still to be written (issue 18 point 4), and their write in
   * progress. Every write of the session waits for them (`beforeWrite`); when they fail (a full
   * disk) the next write tries them again first, so the trail never shows a session's work
   * before its sign-in. A damaged vault never gets them: nothing is written to it.
   */
  private signInEntriesPending: (() => Promise<void>) | null = null
  private signInSettling: Promise<void> | null = null

  private settleSignIn(): Promise<void> {
    if (!this.signInSettling) {
      const pending = this.signInEntriesPending
      if (!pending) return Promise.resolve()
      this.signInSettling = pending()
        .then(() => {
          if (this.signInEntriesPending === pending) this.signInEntriesPending = null
        })
        .finally(() => {
          this.signInSettling = null
        })
    }
    return this.signInSettling
  }

  /** In the order a session's trail starts with, once the vault may be written; the entries in one transaction, so a retry never doubles them. */
  private async signInEntries(vault: Vault, accountId: string, lookup: string | null, now: number, opts: SignInOptions, witnessFailed: WitnessFailure | null = null): Promise<void> {
    await vault.whenWritable()
    await this.reapplyAfterRestore()
    await this.moveFailuresToAudit()
    if (lookup) this.journal.settle(lookup, now)
    // `transact`, not `write`: these entries are what every `write` waits for (`beforeWrite`).
    await this.transact(async ({ audit, at }) => {
      await audit({ action: 'session.sign-in', subjectId: accountId })
      // Issue 15 point 6: modes someone loosened are tightened at open, and that is on record.
      if (vault.permissionsTightened > 0) await audit({ action: 'vault.permissions-tightened', reason: `${vault.permissionsTightened} file(s) or folder(s) were readable by others` })
      if (opts.restoredOver) await audit({ action: 'vault.restore', subjectId: accountId, reason: `${restoreMarkReason(this, opts.restoredOver, at)}; re-applied ${this.reappliedAfterRestore}` })
      if (witnessFailed) await audit({ action: 'audit.witness-broken', reason: witnessFailureText(witnessFailed) })
    })
  }

  /** Writes wait for the integrity verdict and for the sign-in's own entries (see `signInEntriesPending`). */
  protected override async beforeWrite(): Promise<void> {
    await this.settleSignIn()
    await super.beforeWrite()
  }

  async recover(recoveryKey: string, name: string, newPassphrase: string): Promise<SessionInfo> {
    // Recovery is not a contract operation (the CLI's `recover`), so the passphrase rule is applied here.
    if (passphraseProblem(newPassphrase)) throw new DossierError('PASSPHRASE_TOO_SHORT', 'A passphrase needs at least 12 characters.')
    if (this.vaultHandle) await this.signOut()
    const parsed = accountNameSchema.safeParse(name)
    if (!parsed.success) throw new DossierError('VALIDATION_FAILED', 'Not a valid account name.', { issues: [{ path: 'username', key: 'validation.accountName.invalid' }] })
    const username = parsed.data
    await requireStrongPassphrase(newPassphrase, [username])
    const vault = await Vault.openWithRecoveryKey(this.options.vaultDir, recoveryKey)
    this.vaultHandle = vault
    try {
      await vault.whenWritable() // recovery writes at once: it waits for the integrity check
      const repo = vault.dataSource.getRepository(AccountEntity)
      let account = await accountNamed(vault, username)
      if (!account) {
        account = { id: randomUUID(), username, displayName: username, roles: ['admin'], disabled: false, createdAt: this.clock.now().toISOString(), failedAttempts: 0, lastFailedAt: null }
        await repo.insert(account)
      } else if (!account.roles.includes('admin') || account.disabled) {
        account = { ...account, roles: [...new Set([...account.roles, 'admin' as const])], disabled: false }
        await repo.save(account)
      }
      await vault.setAccountSlot(username, newPassphrase, this.options.kdfN, { restricted: vault.restricted.held, adopt: true })
      this.sessionInfo = toSession(account)
      await this.reapplyAfterRestore()
      await this.write(async ({ audit }) => audit({ action: 'vault.recover', subjectId: account.id, fields: ['passphrase', 'roles'] }))
      this.touch()
      return this.sessionInfo
    } catch (e) {
      await this.closeVault()
      throw e
    }
  }

  async signOut(): Promise<void> {
    try {
      // A damaged vault is never written to, not even the sign-out (issue 18 point 4).
      if (this.vaultHandle && this.sessionInfo && this.vaultHandle.integrityState !== 'damaged') {
        await this.write(async ({ audit }) => audit({ action: 'session.sign-out', subjectId: this.sessionInfo!.accountId }))
      }
    } finally {
      await this.closeVault() // the data key is dropped even when the audit write fails (full disk)
    }
  }

  async lock(reason: 'idle' | 'manual' | 'suspend' | 'screen-lock'): Promise<void> {
    try {
      if (this.vaultHandle && this.sessionInfo && this.vaultHandle.integrityState !== 'damaged') {
        await this.write(async ({ audit }) => audit({ action: 'session.lock', subjectId: this.sessionInfo!.accountId, reason }))
      }
    } finally {
      await this.closeVault()
    }
  }

  /** The encrypted backup of the whole vault (services/vaultBackup.ts). */
  backupVault(file: string): Promise<{ bytes: number }> {
    return backupVault(this, file)
  }

  /** Replaces the vault with a backup and signs in to it; the current session ends (services/vaultBackup.ts). */
  restoreVault(input: RestoreInput): Promise<{ session: SessionInfo; preRestoreBackup: string; reapplied: number }> {
    return restoreVault(this, input)
  }

  /** What restoring a backup would undo, before it is confirmed (services/vaultBackup.ts). */
  previewRestore(input: RestoreInput): Promise<RestorePreview> {
    return previewRestore(this, input)
  }

  async changePassphrase(current: string, next: string): Promise<void> {
    const session = this.session
    // Prove the current passphrase against the slot before rewrapping it.
    const slot = findAccountSlot(this.vault.keyring, session.username)
    const ok = slot ? await unwrapDataKey(this.vault.keyring, slot, current) : null
    if (!ok) throw new DossierError('VAULT_WRONG_PASSPHRASE', 'The current passphrase is not correct.')
    ok.fill(0)
    await requireStrongPassphrase(next, [session.username, session.displayName], 'next')
    await this.vault.changeOwnPassphrase(session.username, next, this.options.kdfN)
    await this.write(async ({ audit }) => audit({ action: 'account.passphrase-change', subjectId: session.accountId, fields: ['passphrase'] }))
  }

  async close(): Promise<void> {
    await this.closeVault()
  }

  /**
   * A session that ends (sign-out, lock, quit) witnesses the audit head in its own key slot (issue
   * 15 point 2), and the PDF renderer lets go of what it kept warm for the session (issue 16 point 9).
   */
  private async closeVault(): Promise<void> {
    const v = this.vaultHandle
    const witness = this.sessionInfo !== null
    this.vaultHandle = null
    this.sessionInfo = null
    this.signInEntriesPending = null
    try {
      if (v) await v.close(witness ? { witnessAt: this.clock.now().toISOString() } : {})
    } finally {
      await this.options.pdfRenderer?.release?.().catch(() => undefined)
    }
  }

  /** How many erasures the last restore re-applied (`restoreVault` reports it). */
  reappliedAfterRestore = 0

  /**
   * Issue 15 point 3: the first open after a restore (the marker vault/backup.ts leaves) re-applies
   * the erasure ledger before anything else runs on the vault; the marker goes only once that
   * committed, so a crash in between re-applies at the next open (it is idempotent). A failure
   * here fails the sign-in: the vault is not used with an erased person back in it.
   */
  private async reapplyAfterRestore(): Promise<void> {
    const marker = vaultPaths(this.options.vaultDir).reapplyPending
    if (!existsSync(marker)) return
    this.reappliedAfterRestore = await reapplyErasures(this)
    rmSync(marker, { force: true })
  }

  /** A keyring of the first format whose every slot is of that format: a vault older than the kept journal. */
  private keyringPredatesJournal(): boolean {
    try {
      const keyring = parseKeyring(readFileSync(vaultPaths(this.options.vaultDir).keyring, 'utf8'))
      return keyring.format === 'dossier-keyring/1' && keyring.slots.every((s) => s.publicKey === null)
    } catch {
      return false
    }
  }

  private lookupFor(username: string): string | null {
    try {
      const keyring = JSON.parse(readFileSync(vaultPaths(this.options.vaultDir).keyring, 'utf8')) as { lookupSalt: string }
      return slotLookup(keyring, username)
    } catch {
      return null
    }
  }

  /**
   * Issue 15 point 2: a privacy officer's or admin's sign-in compares every account's witnessed
   * audit head with the trail; a head the trail no longer holds is audited and shown at once.
   */
  private async raiseWitnessAlert(): Promise<void> {
    const { failed } = await this.read(({ manager }) => checkWitnessedHeads(this, manager))
    if (!failed) return
    await this.write(async ({ audit }) => audit({ action: 'audit.witness-broken', reason: witnessFailureText(failed) }))
    this.sessionInfo = { ...this.session, auditAlert: failed }
  }

  /** The sign-in journal; one that cannot be recreated (a read-only folder) is the folder's error, not INTERNAL. */
  private loadJournal(now: number): ReturnType<SignInJournal['load']> {
    try {
      return this.journal.load(now, { journalPredatesVault: this.keyringPredatesJournal() })
    } catch (e) {
      throw storageError(e) ?? e
    }
  }

  private async moveFailuresToAudit(): Promise<void> {
    const pending = this.journal.load(this.clock.now().getTime()).failures.filter((f) => !f.audited)
    if (pending.length === 0) return
    const accounts = await this.vault.dataSource.getRepository(AccountEntity).find()
    const byLookup = new Map(accounts.map((a) => [slotLookup(this.vault.keyring, a.username), a.id]))
    await this.transact(async ({ audit }) => {
      for (const f of pending) {
        await audit({ action: 'session.sign-in-failed', subjectId: byLookup.get(f.lookup) ?? null, reason: `at ${new Date(f.at).toISOString()}` })
      }
    })
  }

  private async runUnlockHooks(): Promise<void> {
    // Not awaited: the thread starts beside the unlock (a batch that begins first keeps its own worker).
    if (this.options.backgroundCheckpoints && this.vaultHandle) void this.vaultHandle.startBackgroundCheckpoints().catch(() => false)
    for (const hook of this.unlockHooks) await hook(this)
  }
}

/**
 * The account whose canonical name is `name`'s (issue 15 point 4: the key slot is found the same
 * way). Two rows folding onto one name — possible only in a vault written before names were
 * canonical — open neither: which of them the slot belongs to cannot be told.
 */
async function accountNamed(vault: Vault, name: string): Promise<Account | null> {
  const canonical = canonicalAccountName(name)
  const matches = (await vault.dataSource.getRepository(AccountEntity).find()).filter((a) => canonicalAccountName(a.username) === canonical)
  if (matches.length > 1) throw new DossierError('ACCOUNT_DISABLED', 'Two accounts share this name; an admin must resolve it.')
  return matches[0] ?? null
}

function toSession(a: Account): SessionInfo {
  return { accountId: a.id, username: a.username, displayName: a.displayName, roles: a.roles }
}
