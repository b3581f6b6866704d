import type { EntityManager } from 'typeorm'
import { z } from 'zod'
import { DossierError } from '../../shared/errors'
import type { AuditChainKey } from '../vault/auditChainKey'
import { openField, sealField } from './fieldCipher'
import type { OfficeKeys } from './officeKeyring'
import { GROUP_ROLES } from './serverRoles'

/**
 * The office's purpose-bound secrets when they are not the ones derived from the office data key
 * (server/ServerVault.ts): after `server import-vault` the office keeps the imported vault's (its
 * do-not-contact register is keyed with that vault's HMAC key, its audit chain and erasure ledger
 * with that vault's keys), so every imported hash still matches and the chain still verifies.
 * Each is sealed on the desk under the office data key, bound to the office and the secret's name
 * (`fieldCipher.ts`): the server holds ciphertext only. Readable by every login (a desk needs
 * them), written by the owner only (at the import).
 */
export const OFFICE_SECRET_TABLE = 'office_secret'

/** The names: a vault secret's own name (`dnc`), the audit chain's key, the erasure ledger's key. */
export const AUDIT_CHAIN_SECRET = 'audit-chain'
export const ERASURE_LEDGER_SECRET = 'erasure-ledger'

export function officeSecretStatements(): string[] {
  const everyone = Object.values(GROUP_ROLES)
    .map((g) => `"${g}"`)
    .join(', ')
  return [
    `CREATE TABLE IF NOT EXISTS "${OFFICE_SECRET_TABLE}" ("name" varchar(40) PRIMARY KEY, "value" text NOT NULL)`,
    `REVOKE ALL ON "${OFFICE_SECRET_TABLE}" FROM PUBLIC, ${everyone}`,
    `GRANT SELECT ON "${OFFICE_SECRET_TABLE}" TO ${everyone}`
  ]
}

const at = (keys: OfficeKeys, name: string) => ({ officeId: keys.officeId, table: OFFICE_SECRET_TABLE, rowId: name, field: 'value' })

/** Every stored secret, opened (VAULT_DAMAGED when one does not open for this office). */
export async function readOfficeSecrets(m: EntityManager, keys: OfficeKeys): Promise<Map<string, Buffer>> {
  const rows = (await m.query(`SELECT "name", "value" FROM "${OFFICE_SECRET_TABLE}"`)) as { name: string; value: string }[]
  return new Map(rows.map((r) => [r.name, openField(keys.dataKey, r.value, at(keys, r.name))]))
}

/** Stores a secret, sealed (the owner's connection). */
export async function storeOfficeSecret(m: EntityManager, keys: OfficeKeys, name: string, value: Buffer): Promise<void> {
  await m.query(`INSERT INTO "${OFFICE_SECRET_TABLE}" ("name", "value") VALUES ($1, $2) ON CONFLICT ("name") DO UPDATE SET "value" = EXCLUDED."value"`, [name, sealField(keys.dataKey, value, at(keys, name))])
}

const chainKeySchema = z.object({ key: z.string().regex(/^[A-Za-z0-9+/]{43}=$/), keyedFrom: z.number().int().min(1) })

export function encodeChainKey(key: AuditChainKey): Buffer {
  return Buffer.from(JSON.stringify({ key: key.key.toString('base64'), keyedFrom: key.keyedFrom }))
}

export function decodeChainKey(stored: Buffer): AuditChainKey {
  const parsed = chainKeySchema.safeParse(JSON.parse(stored.toString('utf8')))
  if (!parsed.success) throw new DossierError('VAULT_DAMAGED', 'The audit trail\'s key is damaged.')
  return { key: Buffer.from(parsed.data.key, 'base64'), keyedFrom: parsed.data.keyedFrom }
}
