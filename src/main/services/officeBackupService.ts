import { DataSource, type EntityManager } from 'typeorm'
import { DossierError } from '../../shared/errors'
import { AuditTrail } from '../audit/AuditTrail'
import type { Clock } from '../clock'
import { reapplyErasures } from '../retention/reapplyErasures'
import { insertOfficeRows, readOfficeBackup, readOfficeBackupHeader, replaceOfficeRows, writeOfficeBackup } from '../server/officeBackup'
import { installOfficeKeyring, OFFICE_KEY_SLOT_TABLE, officeHasKeys, type OfficeKeys, openOfficeKeys } from '../server/officeKeyring'
import { putLogin } from '../server/serverLogins'
import { readOfficeSecrets } from '../server/officeSecrets'
import { ERASURE_LEDGER_TABLE, readErasureEntries } from '../server/serverErasureLedger'
import { officeAuditChainKey } from '../server/ServerVault'
import { type Account, AccountEntity } from '../vault/entities/Account'
import { canonicalAccountName } from '../../shared/validation/accountName'
import { takeWriteLock } from '../vault/writeLock'
import { accountNamed, ServerApp } from './ServerApp'

/**
 * Issue 17 point 5: `dossier server backup` and `server restore`, as the schema's owner (who
 * reads and writes every row) with an administrator's passphrase (whose key slot opens the office
 * key the file is sealed under, and who is named in the trail). The file's format and rules:
 * server/officeBackup.ts.
 */
export interface OfficeBackupResult {
  backupId: string
  rows: Record<string, number>
  bytes: number
}

export interface OfficeRestoreResult {
  backupId: string
  createdAt: string
  rows: Record<string, number>
  /** erasures made since the backup, made again (retention/reapplyErasures.ts) */
  reapplied: number
  /**
   * Restored onto an empty office database (a new server): the office's keys, accounts, trail and
   * ledger came from the backup, and only the restoring administrator has a login yet; these
   * accounts (disabled by the restore) get theirs when an administrator enables them with a new passphrase.
   */
  newServer?: { loginsToMake: string[] }
}

type Admin = { username: string; passphrase: string }

/** The account of that name, if it is an administrator's in force; FORBIDDEN otherwise. */
async function administratorNamed(m: EntityManager, username: string): Promise<Account> {
  const account = await accountNamed(m, username)
  if (!account || account.disabled || !account.roles.includes('admin')) throw new DossierError('FORBIDDEN', 'Only an administrator makes or restores a backup of the office.')
  return account
}

async function withAdminKeys<T>(owner: DataSource, admin: Admin, work: (keys: OfficeKeys, account: Account) => Promise<T>): Promise<T> {
  const keys = await openOfficeKeys(owner.manager, admin.username, admin.passphrase)
  try {
    return await work(keys, await administratorNamed(owner.manager, admin.username))
  } finally {
    keys.forget()
  }
}

/** The administrator's entry, in the owner's transaction `m` (which holds the office's write lock). */
async function appendAsOwner(m: EntityManager, keys: OfficeKeys, clock: Clock, entry: { action: 'vault.backup' | 'vault.restore' | 'account.disable'; actorId: string; subjectId?: string; fields?: string[]; reason: string }): Promise<void> {
  await new AuditTrail(clock).append(m, { ...entry, subjectId: entry.subjectId ?? entry.actorId }, officeAuditChainKey(keys, await readOfficeSecrets(m, keys)))
}

/** The office's backup in `file` (0600, never overwritten), audited vault.backup by the administrator. */
export async function backupOffice(owner: DataSource, admin: Admin, file: string, clock: Clock): Promise<OfficeBackupResult> {
  return withAdminKeys(owner, admin, async (keys, account) => {
    const result = await writeOfficeBackup(owner, keys, file, clock.now())
    await owner.transaction(async (m) => {
      await takeWriteLock(m)
      await appendAsOwner(m, keys, clock, { action: 'vault.backup', actorId: account.id, reason: `backup ${result.backupId}` })
    })
    return result
  })
}

/**
 * Restores `file` into the office, all or nothing (one transaction, under the office's write
 * lock): the same office's backup only (BACKUP_OTHER_VAULT), of this schema (BACKUP_UNREADABLE
 * otherwise), audited vault.restore by the administrator; the trail and the accounts are kept as
 * they are (`KEPT_ON_RESTORE`). Then every erasure of the office's ledger the restored rows do not
 * show is made again, each audited vault.restore-reapply, before any desk works on them.
 */
export async function restoreOffice(owner: DataSource, admin: Admin, file: string, clock: Clock): Promise<OfficeRestoreResult> {
  if (!(await officeHasKeys(owner.manager))) return restoreOntoEmptyOffice(owner, admin, file, clock)
  const restored = await withAdminKeys(owner, admin, async (keys, account) => {
    const backup = readOfficeBackup(file, keys)
    const rows = await owner.transaction(async (m) => {
      await takeWriteLock(m)
      const rows = await replaceOfficeRows(m, owner, backup.tables)
      await appendAsOwner(m, keys, clock, { action: 'vault.restore', actorId: account.id, reason: `backup ${backup.header.backupId} of ${backup.header.createdAt}` })
      return rows
    })
    return { backupId: backup.header.backupId, createdAt: backup.header.createdAt, rows, account }
  })
  return { backupId: restored.backupId, createdAt: restored.createdAt, rows: restored.rows, reapplied: await reapplyAsAdmin(owner, admin, restored.account, clock) }
}

/**
 * A backup restored onto an empty office database, prepared by `server init` without `--admin`
 * (the office server was lost; GDPR art. 32(1)(c)): the keyring from the backup's header, opened
 * by the administrator's passphrase in the same transaction, then every row of the backup, the
 * accounts, the audit trail, the office's secrets, ledger and login names included, all or
 * nothing. Only this administrator's login is made (its passphrase is at hand); the other
 * accounts are listed and disabled: an administrator enables each with a new passphrase, which
 * makes its login and a new key slot. Erasures made after the backup were in the lost server's
 * ledger: the privacy officer makes them again from the request register (README).
 */
async function restoreOntoEmptyOffice(owner: DataSource, admin: Admin, file: string, clock: Clock): Promise<OfficeRestoreResult> {
  const header = readOfficeBackupHeader(file)
  if (!header.keyring) throw new DossierError('BACKUP_UNREADABLE', 'This backup is of an older format: it restores into its own office only.')
  const keyring = header.keyring
  const restored = await owner.transaction(async (m) => {
    await takeWriteLock(m)
    await installOfficeKeyring(m, header.officeId, keyring)
    const keys = await openOfficeKeys(m, admin.username, admin.passphrase)
    try {
      const backup = readOfficeBackup(file, keys)
      const rows = await replaceOfficeRows(m, owner, backup.tables, { emptyOffice: true })
      // The slots as sealed in the backup, with their logins, in place of the header's.
      await m.query(`DELETE FROM "${OFFICE_KEY_SLOT_TABLE}"`)
      Object.assign(rows, await insertOfficeRows(m, backup.tables))
      await m.query(`SELECT setval(pg_get_serial_sequence('"${ERASURE_LEDGER_TABLE}"', 'seq'), GREATEST((SELECT max("seq") FROM "${ERASURE_LEDGER_TABLE}"), 1))`)
      const account = await administratorNamed(m, admin.username)
      await putLogin(m, { name: canonicalAccountName(account.username), passphrase: admin.passphrase, roles: account.roles })
      await appendAsOwner(m, keys, clock, { action: 'vault.restore', actorId: account.id, reason: `backup ${header.backupId} of ${header.createdAt} onto a new server` })
      const logins = new Set(((await m.query('SELECT rolname FROM pg_roles')) as { rolname: string }[]).map((r) => r.rolname))
      const others = (await m.getRepository(AccountEntity).find({ order: { username: 'ASC' } })).filter((a) => !a.disabled && a.id !== account.id && !logins.has(canonicalAccountName(a.username)))
      // Without a login they cannot sign in: disabled until an administrator enables each with a new passphrase (which makes the login and a new key slot).
      for (const other of others) {
        await m.getRepository(AccountEntity).update({ id: other.id }, { disabled: true })
        await appendAsOwner(m, keys, clock, { action: 'account.disable', actorId: account.id, subjectId: other.id, fields: ['disabled'], reason: 'no login on the new server yet' })
      }
      return { rows, account, loginsToMake: others.map((o) => o.username) }
    } finally {
      keys.forget()
    }
  })
  return {
    backupId: header.backupId,
    createdAt: header.createdAt,
    rows: restored.rows,
    reapplied: await reapplyAsAdmin(owner, admin, restored.account, clock),
    newServer: { loginsToMake: restored.loginsToMake }
  }
}

/** The office's erasure ledger made again where the restored rows do not show it, as the administrator. */
async function reapplyAsAdmin(owner: DataSource, admin: Admin, account: Account, clock: Clock): Promise<number> {
  // The ledger's re-application sees every record (shielded ones, special data): a desk on a
  // connection of the owner's own, with the administrator's keys.
  const connection = new DataSource(owner.options)
  await connection.initialize()
  const keys = await openOfficeKeys(connection.manager, admin.username, admin.passphrase).catch(async (e: unknown) => {
    await connection.destroy()
    throw e
  })
  const desk = ServerApp.ownerDesk(connection, keys, await readOfficeSecrets(connection.manager, keys), account, clock)
  try {
    const erasures = desk.vault.erasures
    return await reapplyErasures(desk, { entries: await readErasureEntries(connection.manager, erasures.keyId), hashes: erasures })
  } finally {
    await desk.close()
  }
}
