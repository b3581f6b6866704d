/**
 * Operations on the vault as a whole: the encrypted backup and restoring it (ARCHITECTURE "The
 * vault"). They used to be CLI-only code beside the contract; now the CLI calls them through the
 * dispatcher like everything else, so the roles below hold wherever they are called from.
 */
import { z } from 'zod'
import { operation } from './operation'
import { sessionInfoSchema } from './session'

/**
 * A backup file: an absolute path (the main process has no working folder of the caller's; the
 * CLI resolves `--out`) ending in `.dossier`. The suffix keeps a caller — a compromised renderer
 * included — from making the main process overwrite or read any other file.
 */
export const backupFileSchema = z
  .string()
  .max(4096)
  .regex(/^(?:\/|[A-Za-z]:[\\/]|\\\\)/, 'validation.backupFile.absolute')
  .regex(/\.dossier$/i, 'validation.backupFile.suffix')
  .refine((f) => !f.includes('\0'), 'validation.backupFile.absolute')

export const vaultOperations = {
  backupVault: operation({
    summary:
      'Write an encrypted backup of the whole vault to one `.dossier` file (VACUUM INTO; keyring and manifest in its header). Audited vault.backup.',
    // Admin and privacy officer, as before this was an operation: the file is encrypted with the
    // vault's own key and opens only with a key slot the vault already has, so it shows nobody
    // anything they could not already read; and the privacy officer answers for restoring
    // availability (GDPR art. 32(1)(c)), e.g. a copy before a large erasure or policy change.
    access: ['admin', 'privacy_officer'],
    input: z.strictObject({ file: backupFileSchema }),
    output: z.object({ bytes: z.number().int() })
  }),
  restoreVault: operation({
    summary:
      'Replace the whole vault with a backup (admin only). A backup of another vault is refused unless its vault id is typed as confirmation; the vault as it was is first saved as a backup beside it (returned). The backup is unpacked beside the vault and must open with the signed-in account and `passphrase` (its passphrase in the backup) and pass an integrity check, and the account must be an enabled admin in it too; only then is the vault closed (the session ends: a sign-out) and replaced, and the account signed in to the restored vault. Returns that new session. Audited vault.restore in the restored vault.',
    access: ['admin'],
    input: z.strictObject({
      file: backupFileSchema,
      passphrase: z.string().min(1, 'validation.required').max(1024),
      /**
       * A backup of another vault (another vault id) is refused with BACKUP_OTHER_VAULT, whose detail
       * names that vault's id; restoring it anyway takes that id typed here.
       */
      replaceWithOtherVault: z.string().trim().max(64).optional()
    }),
    output: z.object({ session: sessionInfoSchema, preRestoreBackup: z.string() })
  })
}
