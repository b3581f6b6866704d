import { chmodSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { EntityManager } from 'typeorm'
import type { RestorePreview } from '../../shared/contract/vault'
import type { SessionInfo } from '../../shared/contract/session'
import { DossierError } from '../../shared/errors'
import { pendingReapplications } from '../retention/reapplyErasures'
import { replaceVaultWith, stageBackup, writeBackup } from '../vault/backup'
import { AccountEntity } from '../vault/entities/Account'
import { AuditEntryEntity } from '../vault/entities/AuditEntry'
import { PersonEntity } from '../vault/entities/Person'
import type { Vault } from '../vault/Vault'
import type { DossierApp } from './DossierApp'

/**
 * Backup and restore of the whole vault (`backupVault`, `restoreVault`). Roles are declared in the
 * contract (src/shared/contract/vault.ts) and checked by the dispatcher before these run; the file
 * work is `vault/backup.ts`. They live in services, not in a domain folder, because restoring
 * ends the session and opens another vault: session lifecycle, which is `DossierApp`'s (its
 * `backupVault`/`restoreVault` call these; the bench's plain twin refuses them).
 */

/** The backup file, then its audit entry (the file holds the vault as it was just before). */
export async function backupVault(app: DossierApp, file: string): Promise<{ bytes: number }> {
  // A backup copies a vault known to be sound (issue 18 point 4: the unlock's integrity check), never a damaged one.
  await app.vault.whenWritable()
  // VACUUM INTO cannot run inside a transaction: a retention run keeps one open across its
  // turns of the event loop, so wait for the connection to be idle (and copy in the same turn).
  await app.vault.waitUntilIdle()
  const written = writeBackup(app.vault, file)
  await app.write(({ audit }) => audit({ action: 'vault.backup' }))
  return written
}

/**
 * Replaces the vault with a backup, in an order that never leaves the office without a vault:
 *
 * 1. The backup is unpacked beside the vault and opened as the signed-in account with `passphrase`
 *    (its passphrase in the backup), integrity-checked, and the account must be an enabled admin
 *    in it as well — a restore must not hand the vault to an account the backup does not trust.
 *    Any failure here (BACKUP_UNREADABLE, VAULT_WRONG_PASSPHRASE, FORBIDDEN…) leaves the vault and
 *    the session exactly as they were.
 * 2. The session is signed out (audited in the old vault; the vault closes and its lock goes), and
 *    the files are replaced. From here the caller is signed out whatever happens: when the
 *    replacement fails (VAULT_BUSY: another Dossier holds the vault) the old vault is intact.
 * 3. The account signs in to the restored vault. Before anything else runs there, the erasure
 *    ledger kept beside the vault is re-applied (issue 15 point 3: every erasure and retention
 *    deletion since the backup is made again, retention/reapplyErasures.ts); then the unlock hooks
 *    run (retention catch-up), and `vault.restore` is audited. The returned session replaces the
 *    one the caller had; `reapplied` says how many removals were made again.
 */
export async function restoreVault(app: DossierApp, input: RestoreInput): Promise<{ session: SessionInfo; preRestoreBackup: string; reapplied: number }> {
  const { username } = app.session
  const replacedHead = await app.audit.head(app.vault.dataSource.manager)
  const staged = await stageBackup(input.file, app.vaultDir, { username, passphrase: input.passphrase }, (backup) => acceptBackup(app, backup, input))
  // The vault as it is now, kept beside it before anything is replaced (0700 folder, 0600 file;
  // the name is a timestamp only).
  let preRestoreBackup: string
  try {
    preRestoreBackup = await savePreRestoreBackup(app)
  } catch (e) {
    staged.discard()
    throw e
  }
  try {
    await app.signOut()
    replaceVaultWith(staged, app.vaultDir)
  } finally {
    staged.discard()
  }
  app.reappliedAfterRestore = 0
  // Audited vault.restore in the restored trail by the sign-in, after the re-applied erasures and
  // marked with the restricted key, so heads witnessed in the replaced trail are not tampering.
  const session = await app.signIn(username, input.passphrase, replacedHead ? { restoredOver: { seq: replacedHead.seq, hash: replacedHead.hash } } : {})
  return { session, preRestoreBackup, reapplied: app.reappliedAfterRestore }
}

export interface RestoreInput {
  file: string
  passphrase: string
  replaceWithOtherVault?: string | undefined
}

/**
 * What a restore of `input.file` would undo, shown before it is confirmed (issue 15 point 3): the
 * backup's date (its last audit entry), and how many audit entries, persons and erasures of the
 * current vault are newer than it, and how many erasures the restore would re-apply. The backup is
 * staged and checked exactly as `restoreVault` does (same refusals), then discarded; nothing of
 * the vault changes.
 */
export async function previewRestore(app: DossierApp, input: RestoreInput): Promise<RestorePreview> {
  const { username } = app.session
  let preview: RestorePreview | null = null
  const staged = await stageBackup(input.file, app.vaultDir, { username, passphrase: input.passphrase }, async (backup) => {
    await acceptBackup(app, backup, input)
    preview = await compareWithBackup(app, backup)
  })
  staged.discard()
  return preview!
}

/** The refusals before anything is replaced (the backup is open, not yet in place). */
async function acceptBackup(app: DossierApp, backup: Vault, input: RestoreInput): Promise<void> {
  // Issue 15 point 3: a backup of another vault would replace every account and all data.
  if (backup.vaultId !== app.vault.vaultId && input.replaceWithOtherVault !== backup.vaultId) {
    throw new DossierError('BACKUP_OTHER_VAULT', `The backup belongs to another vault (${backup.vaultId}); to replace this vault and every account in it, type that id (--replace-other-vault).`, {
      detail: { backupVaultId: backup.vaultId }
    })
  }
  const account = await backup.dataSource.getRepository(AccountEntity).findOneBy({ username: app.session.username })
  if (!account || account.disabled || !account.roles.includes('admin')) {
    throw new DossierError('FORBIDDEN', 'Only an administrator of the backup may restore it.')
  }
}

async function compareWithBackup(app: DossierApp, backup: Vault): Promise<RestorePreview> {
  const sameVault = backup.vaultId === app.vault.vaultId
  const theirs = backup.dataSource.manager
  const ours = app.vault.dataSource.manager
  const [backupHead, backupPersonIds] = await Promise.all([auditHead(theirs), personIds(theirs)])
  const [ourAudit, ourPersonIds] = await Promise.all([
    // Another vault's trail is another chain: everything of this vault is newer than nothing in it.
    ours.getRepository(AuditEntryEntity).createQueryBuilder('a').where('a.seq > :seq', { seq: sameVault ? backupHead.seq : 0 }).getCount(),
    personIds(ours)
  ])
  const inBackup = new Set(sameVault ? backupPersonIds : [])
  const ledger = app.vault.erasureLedger
  const entries = ledger.entries()
  const takenAt = backupHead.at
  return {
    backup: { vaultId: backup.vaultId, sameVault, takenAt, persons: backupPersonIds.length, auditEntries: backupHead.seq },
    newerThanBackup: {
      auditEntries: ourAudit,
      persons: ourPersonIds.filter((id) => !inBackup.has(id)).length,
      erasures: sameVault ? entries.filter((e) => takenAt === null || e.at > takenAt).length : entries.length
    },
    // The ledger's key is the data key's: another vault's backup shares neither.
    reapply: sameVault ? await pendingReapplications(theirs, entries, backup.erasureLedger) : 0
  }
}

async function auditHead(m: EntityManager): Promise<{ seq: number; at: string | null }> {
  const last = await m.getRepository(AuditEntryEntity).findOne({ select: { seq: true, at: true }, where: {}, order: { seq: 'DESC' } })
  return { seq: last?.seq ?? 0, at: last?.at ?? null }
}

async function personIds(m: EntityManager): Promise<string[]> {
  return (await m.getRepository(PersonEntity).find({ select: { id: true } })).map((p) => p.id)
}

/** `<vault>.pre-restore/<UTC timestamp>.dossier`, audited as a backup in the vault being replaced. */
async function savePreRestoreBackup(app: DossierApp): Promise<string> {
  const folder = `${app.vaultDir.replace(/[\\/]+$/, '')}.pre-restore`
  mkdirSync(folder, { recursive: true, mode: 0o700 })
  chmodSync(folder, 0o700)
  const file = join(folder, `${app.clock.now().toISOString().replace(/[:.]/g, '-')}.dossier`)
  await backupVault(app, file)
  return file
}
