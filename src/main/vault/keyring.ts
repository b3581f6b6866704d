import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomUUID, scrypt as scryptCb } from 'node:crypto'
import { canonicalAccountName } from '../../shared/validation/accountName'
import { promisify } from 'node:util'
import { z } from 'zod'
import { DossierError } from '../../shared/errors'

/**
 * The keyring: one slot per staff account (plus the recovery slot), each holding the vault's
 * random 256-bit data key wrapped with AES-256-GCM under a key derived from a passphrase with
 * scrypt. It holds no account name in clear: a slot is found by HMAC(lookupSalt, name).
 * Adding staff or changing a passphrase rewraps one slot; the database is never re-encrypted.
 */

const scrypt = promisify(scryptCb) as (
  password: string | Buffer,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number }
) => Promise<Buffer>

export const KEYRING_FORMAT = 'dossier-keyring/1'
/** scrypt N=2^16, r=8, p=1: about 170 ms on this class of machine (measured), 64 MiB memory. */
export const DEFAULT_KDF_N = 1 << 16

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/)

const slotSchema = z.strictObject({
  slotId: z.uuid(),
  kind: z.enum(['account', 'recovery']),
  /** HMAC-SHA256(lookupSalt, normalised account name), hex; empty for the recovery slot. */
  lookup: z.string().regex(/^[0-9a-f]{64}$|^$/),
  kdf: z.strictObject({ name: z.literal('scrypt'), N: z.number().int().min(1024), r: z.number().int().min(1), p: z.number().int().min(1), salt: b64 }),
  iv: b64,
  wrapped: b64,
  tag: b64
})
export type KeySlot = z.infer<typeof slotSchema>

const keyringSchema = z.strictObject({
  format: z.literal(KEYRING_FORMAT),
  vaultId: z.uuid(),
  lookupSalt: b64,
  slots: z.array(slotSchema)
})
export type Keyring = z.infer<typeof keyringSchema>

export function parseKeyring(text: string): Keyring {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new DossierError('VAULT_KEYRING_CORRUPT', 'The keyring file is damaged (not readable).')
  }
  const parsed = keyringSchema.safeParse(json)
  if (!parsed.success) throw new DossierError('VAULT_KEYRING_CORRUPT', 'The keyring file is damaged (unexpected content).')
  return parsed.data
}

export function serialiseKeyring(keyring: Keyring): string {
  return JSON.stringify(keyring, null, 2) + '\n'
}

/** The key-slot lookup uses the one canonical account name (shared/validation/accountName). */
export const normaliseAccountName = canonicalAccountName

export function slotLookup(keyring: Pick<Keyring, 'lookupSalt'>, accountName: string): string {
  return createHmac('sha256', Buffer.from(keyring.lookupSalt, 'base64')).update(normaliseAccountName(accountName)).digest('hex')
}

export function newKeyring(vaultId: string = randomUUID()): Keyring {
  return { format: KEYRING_FORMAT, vaultId, lookupSalt: randomBytes(32).toString('base64'), slots: [] }
}

export function newDataKey(): Buffer {
  return randomBytes(32)
}

/** Additional authenticated data binds a slot to its vault and kind: a slot moved elsewhere fails. */
function aad(vaultId: string, slot: Pick<KeySlot, 'slotId' | 'kind' | 'lookup'>): Buffer {
  return Buffer.from(`${KEYRING_FORMAT}|${vaultId}|${slot.slotId}|${slot.kind}|${slot.lookup}`)
}

async function deriveKek(secret: string, kdf: KeySlot['kdf']): Promise<Buffer> {
  return scrypt(secret.normalize('NFKC'), Buffer.from(kdf.salt, 'base64'), 32, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem: 256 * kdf.N * kdf.r + 16 * 1024 * 1024
  })
}

export async function wrapDataKey(
  keyring: Keyring,
  dataKey: Buffer,
  secret: string,
  target: { kind: 'account'; accountName: string } | { kind: 'recovery' },
  kdfN: number = DEFAULT_KDF_N
): Promise<KeySlot> {
  const kdf = { name: 'scrypt' as const, N: kdfN, r: 8, p: 1, salt: randomBytes(16).toString('base64') }
  const head = {
    slotId: randomUUID(),
    kind: target.kind,
    lookup: target.kind === 'account' ? slotLookup(keyring, target.accountName) : ''
  }
  const kek = await deriveKek(secret, kdf)
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', kek, iv)
  cipher.setAAD(aad(keyring.vaultId, head))
  const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()])
  kek.fill(0)
  return { ...head, kdf, iv: iv.toString('base64'), wrapped: wrapped.toString('base64'), tag: cipher.getAuthTag().toString('base64') }
}

/** Returns the data key, or null when the secret does not open this slot. */
export async function unwrapDataKey(keyring: Keyring, slot: KeySlot, secret: string): Promise<Buffer | null> {
  const kek = await deriveKek(secret, slot.kdf)
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.iv, 'base64'))
    decipher.setAAD(aad(keyring.vaultId, slot))
    decipher.setAuthTag(Buffer.from(slot.tag, 'base64'))
    const key = Buffer.concat([decipher.update(Buffer.from(slot.wrapped, 'base64')), decipher.final()])
    return key.length === 32 ? key : null
  } catch {
    return null
  } finally {
    kek.fill(0)
  }
}

export function findAccountSlot(keyring: Keyring, accountName: string): KeySlot | undefined {
  const lookup = slotLookup(keyring, accountName)
  return keyring.slots.find((s) => s.kind === 'account' && s.lookup === lookup)
}

export function findRecoverySlot(keyring: Keyring): KeySlot | undefined {
  return keyring.slots.find((s) => s.kind === 'recovery')
}

/** A printable recovery key: 200 random bits as 8 groups of 5 Crockford base32 characters. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export function newRecoveryKey(): string {
  // 256 is a multiple of 32, so `byte % 32` is unbiased.
  const chars = [...randomBytes(40)].map((b) => CROCKFORD[b % 32]!).join('')
  return chars.match(/.{5}/g)!.join('-')
}

export function normaliseRecoveryKey(input: string): string {
  const clean = input.toUpperCase().replace(/[^0-9A-Z]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
  return clean.match(/.{1,5}/g)?.join('-') ?? ''
}
