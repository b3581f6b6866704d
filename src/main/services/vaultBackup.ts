import { chmodSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { SessionInfo } from '../../shared/contract/session'
import { DossierError } from '../../shared/errors'
import { replaceVaultWith, stageBackup, writeBackup } from '../vault/backup'
import { AccountEntity } from '../vault/entities/Account'
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
 * 3. The account signs in to the restored vault (the unlock hooks run: retention catch-up), and
 *    `vault.restore` is audited there. The returned session replaces the one the caller had.
 */
export async function restoreVault(app: DossierApp, input: { file: string; passphrase: string; replaceWithOtherVault?: string | undefined }): Promise<{ session: SessionInfo; preRestoreBackup: string }> {
  const { username } = app.session
  const currentVaultId = app.vault.vaultId
  const replacedHead = await app.audit.head(app.vault.dataSource.manager)
  const staged = await stageBackup(input.file, app.vaultDir, { username, passphrase: input.passphrase }, async (backup) => {
    // Issue 15 point 3: a backup of another vault would replace every account and all data.
    if (backup.vaultId !== currentVaultId && input.replaceWithOtherVault !== backup.vaultId) {
      throw new DossierError('BACKUP_OTHER_VAULT', `The backup belongs to another vault (${backup.vaultId}); to replace this vault and every account in it, type that id (--replace-other-vault).`, {
        detail: { backupVaultId: backup.vaultId }
      })
    }
    const account = await backup.dataSource.getRepository(AccountEntity).findOneBy({ username })
    if (!account || account.disabled || !account.roles.includes('admin')) {
      throw new DossierError('FORBIDDEN', 'Only an administrator of the backup may restore it.')
    }
  })
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
  // The restore is marked in the restored trail (witnessed heads of the replaced one are not tampering).
  const session = await app.signIn(username, input.passphrase, replacedHead ? { restoredOver: { seq: replacedHead.seq, hash: replacedHead.hash } } : {})
  return { session, preRestoreBackup }
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
