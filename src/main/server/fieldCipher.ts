import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { DossierError } from '../../shared/errors'

/**
 * Issue 17 point 3: a value the office server must never see in clear (a BSN, an attachment's
 * bytes, a free-text note) is encrypted on the desk before it is sent: AES-256-GCM under the
 * office's data key (officeKeyring.ts), with additional authenticated data naming the office, the
 * table, the row and the field. A value copied to another row or field, another office's
 * database, or altered by one bit, does not open: the server (or whoever reads its disk or its
 * dumps) holds ciphertext it can neither read nor move about unnoticed.
 *
 * Stored as text: `dossier-field/1:` and base64url of a random 12-byte IV, the ciphertext and the
 * 16-byte tag. Special-category values go one step further (sealed to the restricted key, as on
 * the local vault: vault/restrictedKey.ts), so staff desks cannot open them either.
 */
export const FIELD_FORMAT = 'dossier-field/1'

/** Where a value lives: what its authenticated data binds it to. */
export interface FieldAddress {
  /** the office's id (its keyring's `vaultId`) */
  officeId: string
  table: string
  rowId: string
  field: string
}

const PREFIX = `${FIELD_FORMAT}:`
const BYTES_PREFIX = Buffer.from(`${FIELD_FORMAT}\u0000`, 'utf8')
const IV_BYTES = 12
const TAG_BYTES = 16

function aad(at: FieldAddress): Buffer {
  // NUL cannot appear in an id, a table or a field name: the parts cannot run into each other.
  return Buffer.from([FIELD_FORMAT, at.officeId, at.table, at.rowId, at.field].join('\u0000'), 'utf8')
}

function checkKey(key: Buffer): void {
  if (key.length !== 32) throw new DossierError('INTERNAL', 'A field key is 32 bytes.')
}

function encrypt(key: Buffer, plaintext: Buffer, at: FieldAddress): Buffer {
  checkKey(key)
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES })
  cipher.setAAD(aad(at))
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()])
  return Buffer.concat([iv, body, cipher.getAuthTag()])
}

function decrypt(key: Buffer, bytes: Buffer, at: FieldAddress): Buffer {
  checkKey(key)
  if (bytes.length < IV_BYTES + TAG_BYTES) throw damaged()
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES })
    decipher.setAAD(aad(at))
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES))
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()])
  } catch {
    throw damaged()
  }
}

/** The value encrypted for `at`. */
export function sealField(key: Buffer, plaintext: Buffer, at: FieldAddress): string {
  return PREFIX + encrypt(key, plaintext, at).toString('base64url')
}

/**
 * The value stored for `at`, in clear. VAULT_DAMAGED when it does not open: not this office's
 * key, not this row or field, or altered (the message names none of them).
 */
export function openField(key: Buffer, stored: string, at: FieldAddress): Buffer {
  return decrypt(key, stored.startsWith(PREFIX) ? Buffer.from(stored.slice(PREFIX.length), 'base64url') : Buffer.alloc(0), at)
}

/** Whether `stored` has the sealed form (not whether it opens). */
export function isSealedField(stored: string): boolean {
  return stored.startsWith(PREFIX)
}

/** `sealField` for a binary column (an attachment's bytes): the format's name and a NUL, then IV, ciphertext and tag, no base64. */
export function sealFieldBytes(key: Buffer, plaintext: Buffer, at: FieldAddress): Buffer {
  return Buffer.concat([BYTES_PREFIX, encrypt(key, plaintext, at)])
}

/** `openField` for a binary column. */
export function openFieldBytes(key: Buffer, stored: Buffer, at: FieldAddress): Buffer {
  return decrypt(key, isSealedBytes(stored) ? stored.subarray(BYTES_PREFIX.length) : Buffer.alloc(0), at)
}

export function isSealedBytes(stored: Buffer): boolean {
  return stored.length >= BYTES_PREFIX.length && stored.subarray(0, BYTES_PREFIX.length).equals(BYTES_PREFIX)
}

function damaged(): DossierError {
  return new DossierError('VAULT_DAMAGED', 'A protected value does not open with this office\'s key.')
}
