import type Database from 'better-sqlite3-multiple-ciphers'
import { z } from 'zod'
import { DossierError } from '../../shared/errors'

/**
 * The audit chain's HMAC key (issue 15 point 2), kept in the vault (so only a session holding the
 * data key can extend or check the chain) and where the keyed part of the chain starts.
 */
export const AUDIT_CHAIN_KEY_SETTING = 'audit.chain-key'

export interface AuditChainKey {
  key: Buffer
  /** The first sequence number linked with the key; earlier entries use plain SHA-256. */
  keyedFrom: number
}

const stored = z.object({ key: z.string().regex(/^[A-Za-z0-9+/]{43}=$/), keyedFrom: z.number().int().min(1) })

export function readAuditChainKey(db: Database.Database): AuditChainKey {
  const row = db.prepare('SELECT value FROM setting WHERE key = ?').get(AUDIT_CHAIN_KEY_SETTING) as { value: string } | undefined
  const parsed = row ? stored.safeParse(JSON.parse(row.value)) : null
  if (!parsed?.success) throw new DossierError('VAULT_DAMAGED', 'The audit trail\'s key is missing or damaged. Restore a backup.')
  return { key: Buffer.from(parsed.data.key, 'base64'), keyedFrom: parsed.data.keyedFrom }
}
