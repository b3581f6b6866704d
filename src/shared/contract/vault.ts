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

const restoreInputSchema = z.strictObject({
  file: backupFileSchema,
  passphrase: z.string().min(1, 'validation.required').max(1024),
  /**
   * A backup of another vault (another vault id) is refused with BACKUP_OTHER_VAULT, whose detail
   * names that vault's id; restoring it anyway takes that id typed here.
   */
  replaceWithOtherVault: z.string().trim().max(64).optional()
})

const count = z.number().int().nonnegative()

/** What a restore would undo (issue 15 point 3): counts and dates only, no personal data. */
export const restorePreviewSchema = z.object({
  backup: z.object({
    vaultId: z.string(),
    /** false: a backup of another vault (restoring it needs its id typed) */
    sameVault: z.boolean(),
    /** the backup's last audit entry (UTC ISO), null when its trail is empty */
    takenAt: z.string().nullable(),
    persons: count,
    auditEntries: count
  }),
  /** in the current vault and not in the backup: lost by the restore (the pre-restore backup keeps them) */
  newerThanBackup: z.object({ auditEntries: count, persons: count, erasures: count }),
  /** erasures and retention deletions since the backup that the restore makes again */
  reapply: count
})
export type RestorePreview = z.infer<typeof restorePreviewSchema>

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
      'Replace the whole vault with a backup (admin only; show `previewRestore` first). A backup of another vault is refused unless its vault id is typed as confirmation; the vault as it was is first saved as a backup beside it (returned). The backup is unpacked beside the vault and must open with the signed-in account and `passphrase` (its passphrase in the backup) and pass an integrity check, and the account must be an enabled admin in it too; only then is the vault closed (the session ends: a sign-out) and replaced, and the account signed in to the restored vault. Before the restored vault is used, every erasure and retention deletion in the erasure ledger kept beside the vault that the backup does not show is made again (audited vault.restore-reapply; `reapplied` counts them), so a restore never brings an erased person back. Returns that new session. Audited vault.restore in the restored vault.',
    access: ['admin'],
    input: restoreInputSchema,
    output: z.object({ session: sessionInfoSchema, preRestoreBackup: z.string(), reapplied: count })
  }),
  previewRestore: operation({
    summary:
      'What restoring a backup would undo, to be shown and confirmed before `restoreVault` (admin only; same input and the same refusals): the backup\'s date (its last audit entry), how many audit entries, persons and erasures of the current vault are newer than it, and how many erasures and retention deletions since it the restore re-applies (issue 15 point 3). Changes nothing.',
    access: ['admin'],
    input: restoreInputSchema,
    output: restorePreviewSchema
  })
}
