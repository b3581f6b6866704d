import type Database from 'better-sqlite3-multiple-ciphers'

/**
 * A vault's purpose-bound secrets (the do-not-contact HMAC key, …) live in the `setting` table as
 * `secret.<name>`, base64 in JSON. `Vault.secret` makes a missing one; its plain twin and the
 * retention thread's connection only read.
 */
export function secretSetting(name: string): string {
  return `secret.${name}`
}

/** The stored secret, or null when the vault has none of that name. */
export function readVaultSecret(db: Database.Database, name: string): Buffer | null {
  const row = db.prepare('SELECT value FROM setting WHERE key = ?').get(secretSetting(name)) as { value: string } | undefined
  return row ? Buffer.from(JSON.parse(row.value) as string, 'base64') : null
}
