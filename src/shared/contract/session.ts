import { z } from 'zod'
import { requiredText } from '../validation/fields'
import { STAFF_ROLES } from '../domain'
import { accountNameSchema } from '../validation/accountName'
import { passphraseSchema } from '../validation/passphrase'
import { operation } from './operation'
import { witnessFailureSchema } from './governance'

export { accountNameSchema }

export const sessionInfoSchema = z.object({
  accountId: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(STAFF_ROLES)),
  /**
   * Issue 15 point 2: set at a privacy officer's or admin's sign-in when an account's witnessed
   * audit head is no longer in the trail (tampering), for the app to show at once.
   */
  auditAlert: witnessFailureSchema.nullable().optional()
})
export type SessionInfo = z.infer<typeof sessionInfoSchema>

export const sessionOperations = {
  getAppState: operation({
    summary: 'Whether a vault exists, whether it is unlocked, and who is signed in.',
    access: 'public',
    input: z.strictObject({}),
    output: z.object({
      vault: z.enum(['none', 'locked', 'unlocked']),
      session: sessionInfoSchema.nullable(),
      idleLockMinutes: z.number()
    })
  }),
  setupVault: operation({
    summary: 'First run: create the vault and its first account (admin + privacy officer); returns the recovery key once.',
    access: 'public',
    input: z.strictObject({
      username: accountNameSchema,
      displayName: requiredText(100),
      passphrase: passphraseSchema
    }),
    output: z.object({ recoveryKey: z.string(), session: sessionInfoSchema })
  }),
  chooseOfficeServer: operation({
    summary:
      "First run, instead of a vault on this computer (issue 17): this desk works on the office server at `url` from now on (postgres://…; over the network only with sslmode=verify-full). Only on a desk without a vault (VAULT_EXISTS otherwise: its data would stay behind; `server import-vault` moves it in). Kept in the app's desk settings (the address only); the desktop app starts again on it, and everyone signs in with their own account on the server.",
    access: 'public',
    input: z.strictObject({ url: z.string().trim().min(1, 'validation.required').max(2000) }),
    output: z.object({ ok: z.literal(true), restarting: z.boolean() })
  }),
  signIn: operation({
    summary: 'Unlock the vault with a staff account and passphrase.',
    access: 'public',
    input: z.strictObject({ username: z.string().trim().min(1, 'validation.required').max(64), passphrase: z.string().min(1, 'validation.required').max(1024) }),
    output: sessionInfoSchema
  }),
  signOut: operation({
    summary: 'Sign out: drop the data key and close the database.',
    access: 'public',
    input: z.strictObject({}),
    output: z.object({ ok: z.literal(true) })
  }),
  lock: operation({
    summary: 'Lock now (idle or on request): same as sign-out, audited as a lock.',
    access: 'public',
    input: z.strictObject({ reason: z.enum(['idle', 'manual', 'suspend', 'screen-lock']) }),
    output: z.object({ ok: z.literal(true) })
  }),
  getVaultStatus: operation({
    summary: 'Schema version and record counts (no personal data).',
    access: 'signedIn',
    input: z.strictObject({}),
    output: z.object({ schemaVersion: z.number(), persons: z.number(), shielded: z.number(), legalHold: z.number(), tombstones: z.number() })
  }),
  awaitVaultCheck: operation({
    summary: 'Answers once the integrity check of this unlock is done: ok, or damaged (the vault is then read-only).',
    access: 'signedIn',
    input: z.strictObject({}),
    output: z.object({ integrity: z.enum(['ok', 'damaged']) })
  }),
  changePassphrase: operation({
    summary: 'Change the signed-in account\'s passphrase (rewraps its key slot).',
    access: 'signedIn',
    input: z.strictObject({ current: z.string().min(1).max(1024), next: passphraseSchema }),
    output: z.object({ ok: z.literal(true) })
  })
}
