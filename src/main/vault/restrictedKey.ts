import { createCipheriv, createDecipheriv, createHmac, hkdfSync, type KeyObject, randomBytes } from 'node:crypto'
import { DossierError } from '../../shared/errors'
import { boxKeyFromSender, boxKeyFromRecipient, privateKeyObject } from './sealedBox'

/**
 * The restricted key (issue 15 point 1) as a session holds it. Special-category values are sealed
 * to its public half — any session can do that, so office staff still record them — and opened
 * only with its private half, which only privacy-officer and admin key slots (and the recovery
 * slot) can unwrap. A staff session never holds it, so no role edited into the database, nor the
 * data key, opens a sealed value.
 *
 * Format `sealed:1:` + base64(epk ‖ iv ‖ tag ‖ ciphertext): AES-256-GCM under a key agreed by
 * X25519 between an ephemeral key of the sealing session (`epk`) and the restricted key (HKDF-
 * SHA256), the additional data naming the row and field. One ephemeral key per session, not per
 * value: the key agreement (≈0.1 ms) is paid once per session when sealing and once per distinct
 * `epk` when opening (cached), so a value costs one AES-GCM operation — the bench's "restricted
 * key" rows hold that under 10 % of a detail load.
 *
 * A vault made before the restricted key existed (keyring format 1) has none: values stay as they
 * were written and new ones are stored as before (no public key to seal to), see the README.
 */
const SEALED_PREFIX = 'sealed:1:'
const EPK = 32
const IV = 12
const TAG = 16
/** Opened ephemeral keys kept per session (each is 32 bytes). */
const CACHE_LIMIT = 50_000

export class RestrictedKey {
  private readonly privateObject: KeyObject | null
  private sender: { epk: Buffer; key: Buffer } | null = null
  private readonly opened = new Map<string, Buffer>()

  constructor(
    private readonly publicKey: Buffer | null,
    private privateKey: Buffer | null
  ) {
    this.privateObject = privateKey ? privateKeyObject(privateKey) : null
  }

  /** Whether this session can open sealed values (a privacy officer's, an admin's, recovery). */
  get held(): boolean {
    return this.privateKey !== null
  }

  /** `value` sealed for `context` (which names the row and field it belongs to). */
  seal(value: string, context: string): string {
    if (!this.publicKey) return value
    const sender = (this.sender ??= boxKeyFromSender(this.publicKey, 'dossier/restricted-value/1'))
    const iv = randomBytes(IV)
    const cipher = createCipheriv('aes-256-gcm', sender.key, iv)
    cipher.setAAD(Buffer.from(context))
    const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()])
    return SEALED_PREFIX + Buffer.concat([sender.epk, iv, cipher.getAuthTag(), body]).toString('base64')
  }

  /**
   * The value in clear. RESTRICTED_KEY_REQUIRED without the key; VAULT_DAMAGED for a sealed value
   * that does not open for this context (altered, or moved from another row).
   */
  open(stored: string, context: string): string {
    if (!stored.startsWith(SEALED_PREFIX)) return stored
    if (!this.privateObject || !this.publicKey) throw restrictedKeyRequired()
    const box = Buffer.from(stored.slice(SEALED_PREFIX.length), 'base64')
    if (box.length < EPK + IV + TAG) throw damaged()
    const epk = box.subarray(0, EPK)
    const id = epk.toString('base64')
    let key = this.opened.get(id)
    if (!key) {
      key = boxKeyFromRecipient(this.privateObject, this.publicKey, Buffer.from(epk), 'dossier/restricted-value/1') ?? undefined
      if (!key) throw damaged()
      if (this.opened.size >= CACHE_LIMIT) this.forgetOpened()
      this.opened.set(id, key)
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, box.subarray(EPK, EPK + IV))
      decipher.setAAD(Buffer.from(context))
      decipher.setAuthTag(box.subarray(EPK + IV, EPK + IV + TAG))
      return Buffer.concat([decipher.update(box.subarray(EPK + IV + TAG)), decipher.final()]).toString('utf8')
    } catch {
      throw damaged()
    }
  }

  /** A MAC only holders of the restricted key can make or check (a legitimate restore's mark). */
  tag(context: string): string {
    if (!this.privateKey) throw restrictedKeyRequired()
    const key = Buffer.from(hkdfSync('sha256', this.privateKey, Buffer.alloc(0), Buffer.from('dossier-restricted-tag/1'), 32))
    try {
      return createHmac('sha256', key).update(context).digest('hex')
    } finally {
      key.fill(0)
    }
  }

  forget(): void {
    this.privateKey?.fill(0)
    this.privateKey = null
    this.sender?.key.fill(0)
    this.sender = null
    this.forgetOpened()
  }

  private forgetOpened(): void {
    for (const k of this.opened.values()) k.fill(0)
    this.opened.clear()
  }
}

export function restrictedKeyRequired(): DossierError {
  return new DossierError('RESTRICTED_KEY_REQUIRED', 'Only a privacy officer can open special-category data.')
}

function damaged(): DossierError {
  return new DossierError('VAULT_DAMAGED', 'A protected value does not open: it was altered or moved. Restore it from a backup.')
}
