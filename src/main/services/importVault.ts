import type { DataSource, EntityManager, EntityMetadata, ObjectLiteral } from 'typeorm'
import { DossierError } from '../../shared/errors'
import { canonicalAccountName } from '../../shared/validation/accountName'
import { AuditTrail } from '../audit/AuditTrail'
import type { ChainVerdict } from '../audit/auditChain'
import type { Clock } from '../clock'
import { openSpecialValue, sealSpecialValue } from '../consent/specialValue'
import { ensureSeeded } from '../retention/policyStore'
import { OfficeFields } from '../server/officeFields'
import { createOfficeKeys, officeHasKeys, openOfficeKeys } from '../server/officeKeyring'
import { AUDIT_CHAIN_SECRET, encodeChainKey, ERASURE_LEDGER_SECRET, storeOfficeSecret } from '../server/officeSecrets'
import { appendErasureLines } from '../server/serverErasureLedger'
import { putLogin } from '../server/serverLogins'
import { officeAuditChainKey } from '../server/ServerVault'
import { RestrictedKey } from '../vault/restrictedKey'
import { isSealedTable, sealColumns, sealedRowId } from '../vault/sealedColumns'
import { type Account, AccountEntity } from '../vault/entities/Account'
import type { SpecialData } from '../vault/entities/Consent'
import type { Vault } from '../vault/Vault'
import { AUDIT_CHAIN_KEY_SETTING } from '../vault/auditChainKey'
import { backupTables } from '../server/officeBackup'

/** Settings rows that hold a vault's secrets: they move as sealed office secrets, never as rows. */
const SECRET_SETTING = /^secret\./

export interface ImportVaultResult {
  officeId: string
  recoveryKey: string
  /** rows copied, by table */
  rows: Record<string, number>
  /** the vault's trail as verified before the import, and the office's after it (with the import's own entry) */
  before: ChainVerdict
  after: ChainVerdict
  /** accounts that came along disabled: an administrator re-enables each with a new passphrase (its login and key slot) */
  accountsToReenable: number
}

/**
 * Issue 17 point 5 (`dossier server import-vault --vault DIR`): a local vault moved into an empty
 * office server, all or nothing — one transaction of the schema's owner: the migrated tables row
 * for row (so every id, every date and the whole audit trail come along), then its own entry
 * `vault.import` appended to that trail. Run by an administrator of the vault, whose passphrase
 * opens the vault and becomes their login's and office key slot's on the server.
 *
 * - **The trail verifies before and after**: the vault's chain is checked first (a broken trail is
 *   not moved); the office adopts the vault's chain key, its do-not-contact key and its erasure
 *   ledger's key (officeSecrets.ts, sealed under the office data key), so the imported hashes still
 *   match and the same walk verifies the trail on the server.
 * - **Special-category values** are opened with the vault's restricted key and sealed anew to the
 *   office's (same row, same binding): the administrator's session must hold the restricted key.
 * - **Accounts** come along (the trail names them); the administrator's gets its login and key
 *   slot, every other one arrives disabled — its passphrase is known to nobody here — until an
 *   administrator re-enables it with a new passphrase.
 * - **The erasure ledger**'s lines go into the office's table, so a later restore of a server
 *   backup re-applies them too.
 * - The office must be empty: no keys, no accounts, no records, no trail (`server init` without
 *   `--admin`); the reference lists its migrations seeded give way to the vault's.
 */
export async function importVault(owner: DataSource, vault: Vault, admin: { username: string; passphrase: string }, clock: Clock, kdfN?: number): Promise<ImportVaultResult> {
  const trail = new AuditTrail(clock)
  const vaultChainKey = vault.auditChainKey()
  const before = await trail.verify(vault.dataSource.manager, vaultChainKey)
  if (!before.ok) throw new DossierError('VAULT_DAMAGED', 'The vault\'s audit trail does not verify; it is not moved.')
  const accounts = await vault.dataSource.getRepository(AccountEntity).find()
  const importer = accounts.find((a) => canonicalAccountName(a.username) === canonicalAccountName(admin.username))
  if (!importer || importer.disabled || !importer.roles.includes('admin')) throw new DossierError('FORBIDDEN', 'Only an administrator of the vault moves it.')
  const specialRows = Number(((await vault.dataSource.query('SELECT count(*) AS "n" FROM "special_data"')) as { n: number }[])[0]?.n ?? 0)
  if (specialRows > 0 && !vault.restricted.held) throw new DossierError('RESTRICTED_KEY_REQUIRED', 'Only an account holding the restricted key moves special-category data.')
  const ledgerLines = vault.erasureLedger.entries().map((e) => JSON.stringify(e))

  const result = await owner.transaction(async (m) => {
    if (await officeHasKeys(m)) throw new DossierError('VAULT_EXISTS', 'The office server holds data already; a vault moves into an empty office only.')
    const made = await createOfficeKeys(m, { accountName: canonicalAccountName(importer.username), passphrase: admin.passphrase }, kdfN)
    if (!made) throw new DossierError('VAULT_EXISTS', 'The office server holds data already; a vault moves into an empty office only.')
    const keys = await openOfficeKeys(m, importer.username, admin.passphrase)
    const officeRestricted = new RestrictedKey(keys.restrictedPublic, keys.restrictedPrivate)
    const officeFields = new OfficeFields(() => keys)
    try {
      for (const table of ['audit_entry', 'account', 'person']) {
        if ((await m.query(`SELECT 1 FROM "${table}" LIMIT 1`)).length > 0) throw new DossierError('VAULT_EXISTS', 'The office server holds data already; a vault moves into an empty office only.')
      }
      // What the migrations seeded (reference lists the privacy officer maintains) gives way to the vault's own.
      const ordered = backupTables(owner)
      for (const meta of [...ordered].reverse()) await m.query(`DELETE FROM "${meta.tableName}"`)
      const rows: Record<string, number> = {}
      for (const meta of ordered) {
        rows[meta.tableName] = await copyTable(vault, m, meta, (row) => {
          if (meta.tableName === 'setting') return SECRET_SETTING.test(String(row['key'])) || row['key'] === AUDIT_CHAIN_KEY_SETTING ? null : row
          if (meta.tableName === 'account') {
            const account = row as unknown as Account
            return account.id === importer.id ? row : { ...row, disabled: true }
          }
          // Issue 17 point 3: what the server must not read arrives sealed under the office's key, bound to its new home.
          if (isSealedTable(meta.tableName)) return sealColumns(officeFields, meta.tableName, String(sealedRowId(meta.tableName, row)), row)
          if (meta.tableName === 'special_data') {
            const special = row as unknown as SpecialData
            return { ...row, value: sealSpecialValue(officeRestricted, special, openSpecialValue(vault.restricted, special)) }
          }
          return row
        })
      }
      // A vault that never needed its policy stored none; on the server only a privacy officer may store one later.
      await ensureSeeded(m, clock)
      await putLogin(m, { name: canonicalAccountName(importer.username), passphrase: admin.passphrase, roles: importer.roles })
      const adopted = new Map([
        ['dnc', vault.secret('dnc')],
        [AUDIT_CHAIN_SECRET, encodeChainKey(vaultChainKey)],
        [ERASURE_LEDGER_SECRET, vault.secondWriter().ledgerKey]
      ])
      for (const [name, value] of adopted) await storeOfficeSecret(m, keys, name, value)
      await appendErasureLines(m, ledgerLines)
      const accountsToReenable = accounts.filter((a) => a.id !== importer.id && !a.disabled).length
      await trail.append(m, { action: 'vault.import', actorId: importer.id, subjectId: importer.id, reason: `vault ${vault.vaultId}; entries ${before.entries}; accounts to re-enable ${accountsToReenable}` }, officeAuditChainKey(keys, adopted))
      return { officeId: made.officeId, recoveryKey: made.recoveryKey, rows, accountsToReenable }
    } finally {
      officeRestricted.forget()
      keys.forget()
    }
  })
  const after = await trail.verify(owner.manager, vaultChainKey)
  return { ...result, before, after }
}

/** A table's rows in pages, each page one multi-row insert (under PostgreSQL's 65,535 parameters). */
async function copyTable(vault: Vault, m: EntityManager, meta: EntityMetadata, adapt: (row: ObjectLiteral) => ObjectLiteral | null): Promise<number> {
  const source = vault.dataSource.getRepository(meta.target)
  const target = m.getRepository(meta.target)
  const page = Math.max(1, Math.min(1000, Math.floor(60_000 / Math.max(1, meta.columns.length))))
  const order = Object.fromEntries(meta.primaryColumns.map((c) => [c.propertyName, 'ASC' as const]))
  let copied = 0
  for (let skip = 0; ; skip += page) {
    const batch = await source.find({ order, skip, take: page })
    const rows = batch.map(adapt).filter((r): r is ObjectLiteral => r !== null)
    if (rows.length > 0) await target.createQueryBuilder().insert().values(rows).execute()
    copied += rows.length
    if (batch.length < page) return copied
  }
}
