/**
 * Errors are values with stable codes. Messages never contain personal data; the renderer
 * translates the code (`errors.<CODE>` in the i18n files), the CLI prints code and message.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNKNOWN_OPERATION',
  'NOT_SIGNED_IN',
  'FORBIDDEN',
  'VAULT_LOCKED',
  'VAULT_EXISTS',
  'VAULT_MISSING',
  'VAULT_DATABASE_MISSING',
  'VAULT_NOT_A_VAULT',
  'VAULT_KEYRING_CORRUPT',
  'VAULT_KEYRING_MISMATCH',
  'VAULT_FUTURE_SCHEMA',
  'VAULT_BUSY',
  'VAULT_DAMAGED',
  'VAULT_READ_ONLY',
  'DISK_FULL',
  'VAULT_WRONG_PASSPHRASE',
  'VAULT_UNKNOWN_ACCOUNT',
  'ACCOUNT_DISABLED',
  'ACCOUNT_EXISTS',
  'ACCOUNT_THROTTLED',
  'PASSPHRASE_TOO_SHORT',
  'RECOVERY_KEY_INVALID',
  'BACKUP_UNREADABLE',
  'BACKUP_OTHER_VAULT',
  'BACKUP_UNWRITABLE',
  'NOT_FOUND',
  'CONFLICT',
  'CONSENT_REQUIRED',
  'GROUND_DOES_NOT_FIT',
  'BSN_NOT_ALLOWED',
  'EMPLOYMENT_REQUIRED',
  'DO_NOT_CONTACT_MATCH',
  'DUPLICATE_PERSON',
  'RETENTION_SHIELDED',
  'RETENTION_REDUCED',
  'REASON_REQUIRED',
  'ATTACHMENT_TOO_LARGE',
  'ATTACHMENT_TYPE_NOT_ALLOWED',
  'FIELD_NOT_ALLOWED',
  'ASSIGNMENT_REQUIRED',
  'PURPOSE_NOT_RECORDED',
  'IMPORT_INVALID',
  'FUTURE_DATE_NOT_ALLOWED',
  'APPROVAL_REQUIRED',
  'PRINT_UNAVAILABLE',
  'RESTRICTED_KEY_REQUIRED',
  'AUDIT_TRAIL_BROKEN',
  'INTERNAL',
  'STATEMENT_VERSION_UNKNOWN',
  'RETENTION_PLAN_CHANGED',
  'RECORD_READ_ONLY',
  // Issue 17 point 4: the record changed after the editor loaded it (optimistic locking).
  'RECORD_CHANGED',
  // restriction (art. 18) and objection (art. 21); a person who stopped mediation is not presented again.
  'PROCESSING_RESTRICTED',
  'OBJECTION_IN_FORCE',
  'MEDIATION_ENDED',
  // Issue 17: the office server cannot be used (its address, the account, the certificate, a grant).
  'SERVER_UNREACHABLE',
  // The connection dropped in the middle of a call (a restart, the network): nothing of the call was written.
  'SERVER_CONNECTION_LOST',
  'SERVER_AUTH_FAILED',
  'SERVER_TLS_FAILED',
  'SERVER_FORBIDDEN',
  // The server has no Dossier schema or office keys yet (`dossier server init`), or a newer schema than this desk's.
  'SERVER_NOT_PREPARED',
  'SERVER_FUTURE_SCHEMA',
  // Something only a local vault does (its file backup and restore, the demo seeder): on the server it is the server's own tooling.
  'NOT_ON_SERVER'
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** Detail that is safe to show: field paths and i18n keys, never values. */
export interface ErrorIssue {
  path: string
  key: string
  /** Non-personal values the translated message names (a policy version, a rule id, a term). */
  params?: Record<string, string | number>
}

export class DossierError extends Error {
  readonly code: ErrorCode
  readonly issues: ErrorIssue[]
  /** Extra non-personal facts for the UI, e.g. which identifier matched a do-not-contact entry. */
  readonly detail: Record<string, string | number | boolean> | undefined

  constructor(
    code: ErrorCode,
    message: string,
    opts: { issues?: ErrorIssue[]; detail?: Record<string, string | number | boolean> } = {}
  ) {
    super(message)
    this.name = 'DossierError'
    this.code = code
    this.issues = opts.issues ?? []
    this.detail = opts.detail
  }
}

export function isDossierError(e: unknown): e is DossierError {
  return e instanceof DossierError
}

/** The wire form of an error (IPC, HTTP harness, CLI --json). */
export interface ErrorEnvelope {
  code: ErrorCode
  message: string
  issues: ErrorIssue[]
  detail?: Record<string, string | number | boolean>
}
