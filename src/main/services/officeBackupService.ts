import { DataSource, type EntityManager } from 'typeorm'
import { DossierError } from '../../shared/errors'
import { AuditTrail } from '../audit/AuditTrail'
import type { Clock } from '../clock'
import { reapplyErasures } from '../retention/reapplyErasures'
import { readOfficeBackup, replaceOfficeRows, writeOfficeBackup } from '../server/officeBackup'
import { type OfficeKeys, openOfficeKeys } from '../server/officeKeyring'
import { readOfficeSecrets } from '../server/officeSecrets'
import { readErasureEntries } from '../server/serverErasureLedger'
import { officeAuditChainKey } from '../server/ServerVault'
import type { Account } from '../vault/entities/Account'
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
}

type Admin = { username: string; passphrase: string }

async function withAdminKeys<T>(owner: DataSource, admin: Admin, work: (keys: OfficeKeys, account: Account) => Promise<T>): Promise<T> {
  const keys = await openOfficeKeys(owner.manager, admin.username, admin.passphrase)
  try {
    const account = await accountNamed(owner.manager, admin.username)
    if (!account || account.disabled || !account.roles.includes('admin')) throw new DossierError('FORBIDDEN', 'Only an administrator makes or restores a backup of the office.')
    return await work(keys, account)
  } finally {
    keys.forget()
  }
}

/** The administrator's entry, in the owner's transaction `m` (which holds the office's write lock). */
async function appendAsOwner(m: EntityManager, keys: OfficeKeys, clock: Clock, entry: { action: 'vault.backup' | 'vault.restore'; actorId: string; reason: string }): Promise<void> {
  await new AuditTrail(clock).append(m, { ...entry, subjectId: entry.actorId }, officeAuditChainKey(keys, await readOfficeSecrets(m, keys)))
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
  // The ledger's re-application sees every record (shielded ones, special data): a desk on a
  // connection of the owner's own, with the administrator's keys.
  const connection = new DataSource(owner.options)
  await connection.initialize()
  const keys = await openOfficeKeys(connection.manager, admin.username, admin.passphrase).catch(async (e: unknown) => {
    await connection.destroy()
    throw e
  })
  const desk = ServerApp.ownerDesk(connection, keys, await readOfficeSecrets(connection.manager, keys), restored.account, clock)
  try {
    const erasures = desk.vault.erasures
    const reapplied = await reapplyErasures(desk, { entries: await readErasureEntries(connection.manager, erasures.keyId), hashes: erasures })
    return { backupId: restored.backupId, createdAt: restored.createdAt, rows: restored.rows, reapplied }
  } finally {
    await desk.close()
  }
}
