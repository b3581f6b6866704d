import { createHmac, hkdfSync } from 'node:crypto'
import { DossierError } from '../../shared/errors'
import { open, seal } from './sealedBox'

/**
 * The restricted key (issue 15 point 1) as a session holds it. Special-category values are sealed
 * to its public half — any session can do that, so office staff still record them — and opened
 * only with its private half, which only privacy-officer and admin key slots (and the recovery
 * slot) can unwrap. A staff session never holds it, so no role edited into the database, nor the
 * data key, opens a sealed value.
 *
 * A vault made before the restricted key existed (keyring format 1) has none: values stay as they
 * were written and new ones are stored as before (`sealing` is false), see the README.
 */
export const SEALED_PREFIX = 'sealed:1:'

export class RestrictedKey {
  constructor(
    private readonly publicKey: Buffer | null,
    private privateKey: Buffer | null
  ) {}

  /** Whether this session can open sealed values (a privacy officer's, an admin's, recovery). */
  get held(): boolean {
    return this.privateKey !== null
  }

  /** Whether values are sealed at all (false only in a vault older than the restricted key). */
  get sealing(): boolean {
    return this.publicKey !== null
  }

  /** `value` sealed for `context` (which names the row and field it belongs to). */
  seal(value: string, context: string): string {
    if (!this.publicKey) return value
    return SEALED_PREFIX + seal(this.publicKey, Buffer.from(value, 'utf8'), context).toString('base64')
  }

  /**
   * The value in clear. RESTRICTED_KEY_REQUIRED without the key; VAULT_DAMAGED for a sealed value
   * that does not open for this context (altered, or moved from another row).
   */
  open(stored: string, context: string): string {
    if (!stored.startsWith(SEALED_PREFIX)) return stored
    if (!this.privateKey) throw restrictedKeyRequired()
    const plain = open(this.privateKey, Buffer.from(stored.slice(SEALED_PREFIX.length), 'base64'), context)
    if (!plain) throw new DossierError('VAULT_DAMAGED', 'A protected value does not open: it was altered or moved. Restore it from a backup.')
    return plain.toString('utf8')
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
  }
}

export function restrictedKeyRequired(): DossierError {
  return new DossierError('RESTRICTED_KEY_REQUIRED', 'Only a privacy officer can open special-category data.')
}
