import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, type KeyObject, randomBytes } from 'node:crypto'

/**
 * Sealed boxes (X25519 + HKDF-SHA256 + AES-256-GCM, as in HPKE's base mode): anyone with a
 * recipient's public key can seal a value that only the holder of the matching private key can
 * open. Dossier uses them for the restricted key (issue 15): office staff seal special-category
 * values without ever holding the key that opens them, and an admin grants the restricted key to
 * an account by sealing it to that account's public key, without knowing its passphrase.
 *
 * `context` is bound twice: as HKDF `info` and as the AES-GCM additional data, so a box moved to
 * another row, field or account does not open.
 */

/** Raw 32-byte X25519 keys. */
export interface X25519Pair {
  publicKey: Buffer
  privateKey: Buffer
}

// DER prefixes of X25519 keys (RFC 8410): the raw 32 bytes follow them.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex')
const SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex')
const EPK = 32
const IV = 12
const TAG = 16

export function newX25519Pair(): X25519Pair {
  const { privateKey } = generateKeyPairSync('x25519')
  const raw = privateKey.export({ type: 'pkcs8', format: 'der' }).subarray(PKCS8_PREFIX.length)
  return { privateKey: Buffer.from(raw), publicKey: publicKeyOf(raw) }
}

export function publicKeyOf(privateKey: Buffer): Buffer {
  return Buffer.from(createPublicKey(privateObject(privateKey)).export({ type: 'spki', format: 'der' }).subarray(SPKI_PREFIX.length))
}

/** The private key as a KeyObject (made once per session for many key agreements). */
export function privateKeyObject(raw: Buffer): KeyObject {
  return privateObject(raw)
}

/**
 * A key agreed with `recipientPublic` from a fresh ephemeral key: the sending half of a box
 * (`seal` below uses it per box; the restricted key once per session).
 */
export function boxKeyFromSender(recipientPublic: Buffer, context: string): { epk: Buffer; key: Buffer } {
  const eph = generateKeyPairSync('x25519')
  const epk = Buffer.from(eph.publicKey.export({ type: 'spki', format: 'der' }).subarray(SPKI_PREFIX.length))
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: publicObject(recipientPublic) })
  const key = boxKey(shared, epk, recipientPublic, context)
  shared.fill(0)
  return { epk, key }
}

/** The same key, agreed by the recipient from the box's `epk`; null for an `epk` that is no key. */
export function boxKeyFromRecipient(recipientPrivate: KeyObject, recipientPublic: Buffer, epk: Buffer, context: string): Buffer | null {
  let shared: Buffer
  try {
    shared = diffieHellman({ privateKey: recipientPrivate, publicKey: publicObject(epk) })
  } catch {
    return null
  }
  const key = boxKey(shared, epk, recipientPublic, context)
  shared.fill(0)
  return key
}

function privateObject(raw: Buffer): KeyObject {
  return createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, raw]), format: 'der', type: 'pkcs8' })
}

function publicObject(raw: Buffer): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' })
}

function boxKey(shared: Buffer, epk: Buffer, recipient: Buffer, context: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([epk, recipient]), Buffer.from(context), 32))
}

/** `epk ‖ iv ‖ tag ‖ ciphertext`. */
export function seal(recipientPublic: Buffer, plaintext: Buffer, context: string): Buffer {
  const { epk, key } = boxKeyFromSender(recipientPublic, context)
  const iv = randomBytes(IV)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(Buffer.from(context))
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()])
  key.fill(0)
  return Buffer.concat([epk, iv, cipher.getAuthTag(), body])
}

/** The plaintext, or null when the box was not sealed to this key, for this context, or was altered. */
export function open(recipientPrivate: Buffer, box: Buffer, context: string): Buffer | null {
  if (box.length < EPK + IV + TAG) return null
  const epk = Buffer.from(box.subarray(0, EPK))
  const iv = box.subarray(EPK, EPK + IV)
  const tag = box.subarray(EPK + IV, EPK + IV + TAG)
  const key = boxKeyFromRecipient(privateObject(recipientPrivate), publicKeyOf(recipientPrivate), epk, context)
  if (!key) return null
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv)
    decipher.setAAD(Buffer.from(context))
    decipher.setAuthTag(tag)
    return Buffer.concat([decipher.update(box.subarray(EPK + IV + TAG)), decipher.final()])
  } catch {
    return null
  } finally {
    key.fill(0)
  }
}
