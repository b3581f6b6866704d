import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomUUID, scrypt as scryptCb } from 'node:crypto'
import { newX25519Pair, open as openBox, publicKeyOf, seal, type X25519Pair } from './sealedBox'
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

export const KEYRING_FORMAT = 'dossier-keyring/2'
/** The first format: one data key per slot, no account keys, no witnesses (read for old vaults). */
const KEYRING_FORMAT_1 = 'dossier-keyring/1'
/** scrypt N=2^16, r=8, p=1: about 170 ms on this class of machine (measured), 64 MiB memory. */
export const DEFAULT_KDF_N = 1 << 16

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/)
const hex64 = z.string().regex(/^[0-9a-f]{64}$/)

/**
 * The last audit head the slot's account saw (issue 15 point 2), written when it locks or signs
 * out. It is part of the slot's additional authenticated data, so only that account (holding the
 * key its passphrase derives) can change it: an edited or removed witness breaks the slot.
 */
const witnessSchema = z.strictObject({ seq: z.number().int().min(0), hash: hex64, at: z.iso.datetime() })
export type Witness = z.infer<typeof witnessSchema>

const slotSchema = z.strictObject({
  slotId: z.uuid(),
  kind: z.enum(['account', 'recovery']),
  /** HMAC-SHA256(lookupSalt, normalised account name), hex; empty for the recovery slot. */
  lookup: z.string().regex(/^[0-9a-f]{64}$|^$/),
  kdf: z.strictObject({ name: z.literal('scrypt'), N: z.number().int().min(1024), r: z.number().int().min(1), p: z.number().int().min(1), salt: b64 }),
  iv: b64,
  wrapped: b64,
  tag: b64,
  /** The slot's X25519 public key; null for a slot of the first format (it wraps the data key alone). */
  publicKey: b64.nullable().default(null),
  witness: witnessSchema.nullable().default(null),
  /** The restricted key's private half sealed to `publicKey` (privacy officers, admins, recovery). */
  restricted: b64.nullable().default(null)
})
export type KeySlot = z.infer<typeof slotSchema>

const keyringSchema = z.strictObject({
  format: z.enum([KEYRING_FORMAT, KEYRING_FORMAT_1]),
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
  return JSON.stringify({ ...keyring, format: KEYRING_FORMAT }, null, 2) + '\n'
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

/**
 * What a slot wraps: the vault's data key, the slot's own X25519 private key (which opens the
 * restricted-key grant sealed to it), and the restricted key's PUBLIC half — authenticated here,
 * so a staff session seals special data to the real restricted key and never to one an insider
 * slipped into a file. A slot of the first format wraps the data key alone.
 */
export interface SlotPayload {
  dataKey: Buffer
  slotPrivate: Buffer | null
  restrictedPublic: Buffer | null
}

function encodePayload(p: SlotPayload): Buffer {
  return Buffer.concat([p.dataKey, p.slotPrivate ?? Buffer.alloc(0), p.restrictedPublic ?? Buffer.alloc(0)])
}

function decodePayload(bytes: Buffer): SlotPayload | null {
  if (bytes.length === 32) return { dataKey: bytes, slotPrivate: null, restrictedPublic: null }
  if (bytes.length !== 64 && bytes.length !== 96) return null
  return {
    dataKey: Buffer.from(bytes.subarray(0, 32)),
    slotPrivate: Buffer.from(bytes.subarray(32, 64)),
    restrictedPublic: bytes.length === 96 ? Buffer.from(bytes.subarray(64, 96)) : null
  }
}

type SlotHead = Pick<KeySlot, 'slotId' | 'kind' | 'lookup' | 'publicKey' | 'witness'>

/**
 * Additional authenticated data binds a slot to its vault, kind, lookup, public key and witness:
 * a slot moved elsewhere, or with another public key or witness, does not open.
 */
function aad(vaultId: string, slot: SlotHead): Buffer {
  if (slot.publicKey === null) return Buffer.from(`${KEYRING_FORMAT_1}|${vaultId}|${slot.slotId}|${slot.kind}|${slot.lookup}`)
  const w = slot.witness ? `${slot.witness.seq}:${slot.witness.hash}:${slot.witness.at}` : 'none'
  return Buffer.from(`${KEYRING_FORMAT}|${vaultId}|${slot.slotId}|${slot.kind}|${slot.lookup}|${slot.publicKey}|${w}`)
}

async function deriveKek(secret: string, kdf: KeySlot['kdf']): Promise<Buffer> {
  return scrypt(secret.normalize('NFKC'), Buffer.from(kdf.salt, 'base64'), 32, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem: 256 * kdf.N * kdf.r + 16 * 1024 * 1024
  })
}

function wrapWithKek(vaultId: string, head: SlotHead, kdf: KeySlot['kdf'], kek: Buffer, payload: SlotPayload, restricted: string | null): KeySlot {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', kek, iv)
  cipher.setAAD(aad(vaultId, head))
  const wrapped = Buffer.concat([cipher.update(encodePayload(payload)), cipher.final()])
  return { ...head, kdf, iv: iv.toString('base64'), wrapped: wrapped.toString('base64'), tag: cipher.getAuthTag().toString('base64'), restricted }
}

/** An opened slot: its payload, and the key its secret derived (kept to rewrite the witness at lock). */
export interface OpenedSlot {
  slot: KeySlot
  payload: SlotPayload
  kek: Buffer
}

/**
 * A new slot for `secret`. The slot gets `slotKeys` as its X25519 pair (a passphrase change keeps
 * the account's pair, so its restricted-key grant stays valid) or a fresh one.
 */
export async function createSlot(
  keyring: Keyring,
  keys: { dataKey: Buffer; restrictedPublic: Buffer | null; slotKeys?: X25519Pair },
  secret: string,
  target: { kind: 'account'; accountName: string } | { kind: 'recovery' },
  kdfN: number = DEFAULT_KDF_N
): Promise<OpenedSlot> {
  const kdf = { name: 'scrypt' as const, N: kdfN, r: 8, p: 1, salt: randomBytes(16).toString('base64') }
  const pair = keys.slotKeys ?? newX25519Pair()
  const head: SlotHead = {
    slotId: randomUUID(),
    kind: target.kind,
    lookup: target.kind === 'account' ? slotLookup(keyring, target.accountName) : '',
    publicKey: pair.publicKey.toString('base64'),
    witness: null
  }
  const kek = await deriveKek(secret, kdf)
  const payload: SlotPayload = { dataKey: keys.dataKey, slotPrivate: pair.privateKey, restrictedPublic: keys.restrictedPublic }
  return { slot: wrapWithKek(keyring.vaultId, head, kdf, kek, payload, null), payload, kek }
}

/** The same slot with a new witness, rewrapped under the key its owner's secret derived. */
export function withWitness(keyring: Keyring, opened: OpenedSlot, witness: Witness): KeySlot {
  const { slot } = opened
  return wrapWithKek(keyring.vaultId, { ...slot, witness }, slot.kdf, opened.kek, opened.payload, slot.restricted)
}

/** The slot opened with `secret`, or null when the secret does not open it (or it was altered). */
export async function openSlot(keyring: Keyring, slot: KeySlot, secret: string): Promise<OpenedSlot | null> {
  const kek = await deriveKek(secret, slot.kdf)
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.iv, 'base64'))
    decipher.setAAD(aad(keyring.vaultId, slot))
    decipher.setAuthTag(Buffer.from(slot.tag, 'base64'))
    const payload = decodePayload(Buffer.concat([decipher.update(Buffer.from(slot.wrapped, 'base64')), decipher.final()]))
    if (!payload || (payload.slotPrivate === null) !== (slot.publicKey === null)) throw new Error('payload')
    if (payload.slotPrivate && !publicKeyOf(payload.slotPrivate).equals(Buffer.from(slot.publicKey!, 'base64'))) throw new Error('payload')
    return { slot, payload, kek }
  } catch {
    kek.fill(0)
    return null
  }
}

/** Returns the data key, or null when the secret does not open this slot. */
export async function unwrapDataKey(keyring: Keyring, slot: KeySlot, secret: string): Promise<Buffer | null> {
  const opened = await openSlot(keyring, slot, secret)
  if (!opened) return null
  opened.kek.fill(0)
  opened.payload.slotPrivate?.fill(0)
  return opened.payload.dataKey
}

function grantContext(vaultId: string, slotPublicKey: string): string {
  return `${KEYRING_FORMAT}|restricted-grant|${vaultId}|${slotPublicKey}`
}

/**
 * The slot with the restricted key granted: its private half sealed to the slot's public key.
 * Only a session that holds the restricted key can grant it.
 */
export function grantRestricted(keyring: Keyring, slot: KeySlot, restrictedPrivate: Buffer): KeySlot {
  if (slot.publicKey === null) throw new DossierError('INTERNAL', 'A key slot of the first format cannot hold the restricted key.')
  const box = seal(Buffer.from(slot.publicKey, 'base64'), restrictedPrivate, grantContext(keyring.vaultId, slot.publicKey))
  return { ...slot, restricted: box.toString('base64') }
}

/**
 * The restricted key's private half from an opened slot, or null: no grant, or a grant that does
 * not open, or one that opens to another key than the restricted public key the payload vouches for.
 */
export function openRestrictedGrant(keyring: Keyring, opened: OpenedSlot): Buffer | null {
  const { slot, payload } = opened
  if (!slot.restricted || !slot.publicKey || !payload.slotPrivate || !payload.restrictedPublic) return null
  const key = openBox(payload.slotPrivate, Buffer.from(slot.restricted, 'base64'), grantContext(keyring.vaultId, slot.publicKey))
  if (!key || key.length !== 32 || !publicKeyOf(key).equals(payload.restrictedPublic)) return null
  return key
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
