import { hkdfSync } from 'node:crypto'
import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import type { DataSource, EntitySubscriberInterface } from 'typeorm'
import { DossierError } from '../../shared/errors'
import type { AuditChainKey } from '../vault/auditChainKey'
import type { BulkRows } from '../vault/bulkRows'
import { ErasureEntries, type ErasureLedger, ledgerKeyFrom } from '../vault/erasureLedger'
import { RestrictedKey } from '../vault/restrictedKey'
import type { VaultPort } from '../workspace/Workspace'
import { OfficeFields } from './officeFields'
import type { OfficeKeys } from './officeKeyring'
import { AUDIT_CHAIN_SECRET, decodeChainKey, ERASURE_LEDGER_SECRET } from './officeSecrets'
import { SealedFieldsSubscriber } from './sealedFieldsSubscriber'

/** A key of the office for one purpose: HKDF-SHA256 of the office data key, bound to the office. */
function officeKey(keys: OfficeKeys, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', keys.dataKey, Buffer.from(keys.officeId, 'utf8'), `dossier/office/${purpose}`, 32))
}

/**
 * The office's audit chain key (issue 15 point 2): an imported vault's (officeSecrets.ts), or
 * derived from the office data key and keyed from the trail's first entry.
 */
export function officeAuditChainKey(keys: OfficeKeys, adopted: ReadonlyMap<string, Buffer> = new Map()): AuditChainKey {
  const stored = adopted.get(AUDIT_CHAIN_SECRET)
  return stored ? decodeChainKey(stored) : { key: officeKey(keys, 'audit-chain/1'), keyedFrom: 1 }
}

function notOnServer(): never {
  throw new DossierError('NOT_ON_SERVER', 'This is done by the office server\'s own tooling, not from a desk.')
}

/**
 * The office server as domain code sees an open vault (`VaultPort`), for one signed-in desk: its
 * connection (as the account's own login), and the office's keys its slot opened.
 *
 * The local vault keeps purpose-bound secrets (the do-not-contact HMAC key, the audit chain's
 * key) in its encrypted database; the server must not hold them in clear, so here each is derived
 * from the office data key (HKDF, one purpose each): every desk of the office derives the same,
 * the server never sees one. What a local vault does with its file — checkpoints, the WAL, batch
 * durability, its integrity check, the bulk seeder — is the server's own business here.
 */
export class ServerVault implements VaultPort {
  readonly restricted: RestrictedKey
  /** The ledger's keyed hashes; its lines go into the server's table (serverErasureLedger.ts). */
  readonly erasures: ErasureEntries
  /** The columns the server must not read, sealed on this desk and opened when they come back (sealedFieldsSubscriber.ts). */
  readonly fields: OfficeFields
  private chainKey: AuditChainKey | null = null
  private closed = false

  /**
   * `adopted`: the office's stored secrets (officeSecrets.ts: those of a vault it imported), which
   * take the place of the derived ones.
   */
  constructor(
    readonly dataSource: DataSource,
    private readonly keys: OfficeKeys,
    private readonly adopted: ReadonlyMap<string, Buffer> = new Map()
  ) {
    this.restricted = new RestrictedKey(keys.restrictedPublic, keys.restrictedPrivate)
    this.erasures = new ErasureEntries(adopted.get(ERASURE_LEDGER_SECRET) ?? ledgerKeyFrom(keys.dataKey, keys.officeId))
    this.fields = new OfficeFields(() => this.officeKeys)
    ;(dataSource.subscribers as EntitySubscriberInterface[]).push(new SealedFieldsSubscriber(this.fields))
  }

  get vaultId(): string {
    return this.keys.officeId
  }

  /** The office's keys, for what an administrator's desk grants (officeKeyring.ts). */
  get officeKeys(): OfficeKeys {
    if (this.closed) throw new DossierError('VAULT_LOCKED', 'The vault is locked.')
    return this.keys
  }

  /** Nothing of ours to empty: the server's WAL and its disk are its operator's (README: the operations checklist). */
  checkpoint(): void {}

  async emptyWal(): Promise<void> {}

  secret(name: string): Buffer {
    return this.adopted.get(name) ?? officeKey(this.officeKeys, `secret/${name}`)
  }

  /** The server checks its own pages; a desk's writes need no verdict of ours. */
  whenWritable(): Promise<void> {
    return this.closed ? Promise.reject(new DossierError('VAULT_LOCKED', 'The vault is locked.')) : Promise.resolve()
  }

  withBatchDurability<T>(work: () => Promise<T>): Promise<T> {
    return work()
  }

  async betweenBatchTransactions(): Promise<void> {
    await yieldToEventLoop()
  }

  async waitUntilIdle(): Promise<void> {}

  bulkRows(): BulkRows {
    return notOnServer()
  }

  /** The local vault's ledger file; on the server the ledger is a table (`erasures`). */
  get erasureLedger(): ErasureLedger {
    return notOnServer()
  }

  /** The audit chain's key, keyed from the first entry on (the server's trail starts keyed). */
  auditChainKey(): AuditChainKey {
    return (this.chainKey ??= officeAuditChainKey(this.officeKeys, this.adopted))
  }

  /** The session's end: the connection closed, the keys zeroed. */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    this.chainKey?.key.fill(0)
    this.restricted.forget()
    this.keys.forget()
    for (const secret of this.adopted.values()) secret.fill(0)
    if (this.dataSource.isInitialized) await this.dataSource.destroy()
  }
}
