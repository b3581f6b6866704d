import { slotLookup } from '../src/main/vault/keyring'
import type { SessionInfo } from '../src/shared/contract/session'
import { DossierError } from '../src/shared/errors'
import type { Clock } from '../src/main/clock'
import { readSettings } from '../src/main/governance/settings'
import { warmHeadlessChromiumPdf } from '../src/main/rights/headlessChromiumPdf'
import type { AppHost } from '../src/main/services/handlerTypes'
import { VaultWorkspace } from '../src/main/services/VaultWorkspace'
import { AccountEntity } from '../src/main/vault/entities/Account'
import { PlainVault, openPlain } from '../src/main/vault/openPlain'
import { Vault } from '../src/main/vault/Vault'
import type { Actor, KeySlots } from '../src/main/workspace/Workspace'

/**
 * Vault members the plain twin does not need: key-slot management and the key itself exist only
 * with encryption. Anything else Vault gains must be mirrored in openPlain.ts, or the services
 * would fail on the twin (or, worse, measure a different path).
 */
const ENCRYPTION_ONLY = new Set(['constructor', 'setAccountSlot', 'removeAccountSlot', 'changeOwnPassphrase', 'putSlot', 'witnessHead', 'upgradeFirstFormatSlot', 'saveSlots', 'integrityState', 'checkInBackground'])

function assertPlainMirrorsVault(): void {
  const missing = Object.getOwnPropertyNames(Vault.prototype).filter((m) => !ENCRYPTION_ONLY.has(m) && !(m in PlainVault.prototype))
  if (missing.length > 0) throw new Error(`src/main/vault/openPlain.ts: PlainVault lacks Vault's ${missing.join(', ')} — mirror it for the baseline`)
}

function noKeySlots(): never {
  throw new DossierError('INTERNAL', 'The plain twin has no key slots.')
}

/**
 * The bench's plain twin as an app: the same `Workspace` as DossierApp (VaultWorkspace: the same
 * transactions, audit trail and PDF renderer) over the unencrypted database, signed in as one
 * account from the start, so the very same dispatcher, handlers and domain code run on the
 * baseline. The session lifecycle that needs key slots (setup, sign-in, passphrases, backup and
 * restore) is refused, and there is no printer.
 * Bench-only.
 */
export class PlainApp extends VaultWorkspace implements AppHost {
  private open = true

  constructor(
    private readonly plain: PlainVault,
    clock: Clock,
    private readonly session: SessionInfo
  ) {
    super(clock, warmHeadlessChromiumPdf())
  }

  get vault(): PlainVault {
    if (!this.open) throw new DossierError('VAULT_LOCKED', 'The vault is locked.')
    return this.plain
  }

  get actor(): Actor | null {
    return this.open ? this.session : null
  }

  get currentSession(): SessionInfo | null {
    return this.actor
  }

  get keySlots(): KeySlots {
    const plain = this.vault
    return {
      set: async () => noKeySlots(),
      remove: () => noKeySlots(),
      accountKdfCosts: () => plain.keyring.slots.filter((s) => s.kind === 'account').map((s) => s.kdf.N),
      witnesses: () => [],
      lookupOf: (name) => slotLookup(plain.keyring, name)
    }
  }

  vaultState(): 'none' | 'locked' | 'unlocked' {
    return this.open ? 'unlocked' : 'locked'
  }

  /** No idle lock on the twin. */
  touch(): void {}

  async idleLockMinutes(): Promise<number> {
    return this.open ? (await this.read((tx) => readSettings(tx.store))).idleLockMinutes : 10
  }

  /** The plain twin is not integrity-checked at open (no unlock): always sound. */
  async vaultCheck(): Promise<'ok'> {
    return 'ok'
  }

  async setup(): Promise<never> {
    noKeySlots()
  }

  async chooseOfficeServer(): Promise<never> {
    noKeySlots()
  }

  async signIn(): Promise<never> {
    noKeySlots()
  }

  async changePassphrase(): Promise<never> {
    noKeySlots()
  }

  async backupVault(): Promise<never> {
    noKeySlots()
  }

  async restoreVault(): Promise<never> {
    noKeySlots()
  }

  async previewRestore(): Promise<never> {
    noKeySlots()
  }

  /** No OS print dialog on the twin. */
  reportPrinter(): never {
    throw new DossierError('PRINT_UNAVAILABLE', 'Printing is not available here.')
  }

  async signOut(): Promise<void> {
    await this.close()
  }

  async lock(): Promise<void> {
    await this.close()
  }

  async close(): Promise<void> {
    this.open = false
    try {
      await this.plain.close()
    } finally {
      await this.pdfRenderer().release?.()
    }
  }
}

export async function openPlainApp(dir: string, clock: Clock, username: string): Promise<{ app: PlainApp; plain: PlainVault }> {
  assertPlainMirrorsVault()
  const plain = await openPlain(dir)
  const account = await plain.dataSource.getRepository(AccountEntity).findOneByOrFail({ username })
  const app = new PlainApp(plain, clock, { accountId: account.id, username: account.username, displayName: account.displayName, roles: account.roles })
  return { app, plain }
}
