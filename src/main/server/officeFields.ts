import type { FieldSealPort, SealedAt } from '../vault/sealedColumns'
import { openField, openFieldBytes, sealField, sealFieldBytes } from './fieldCipher'
import type { OfficeKeys } from './officeKeyring'

/**
 * Issue 17 point 3: the sealed columns (vault/sealedColumns.ts) as a signed-in desk of the office
 * server writes and reads them: AES-256-GCM under the office data key (fieldCipher.ts), bound to
 * the office, the table, the row and the field. `keys` is asked each time, so a locked session
 * (its keys zeroed) seals and opens nothing (VAULT_LOCKED).
 */
export class OfficeFields implements FieldSealPort {
  readonly sealing = true

  constructor(private readonly keys: () => Pick<OfficeKeys, 'officeId' | 'dataKey'>) {}

  seal(value: string, at: SealedAt): string {
    const keys = this.keys()
    return sealField(keys.dataKey, Buffer.from(value, 'utf8'), { officeId: keys.officeId, ...at })
  }

  sealBytes(value: Buffer, at: SealedAt): Buffer {
    const keys = this.keys()
    return sealFieldBytes(keys.dataKey, value, { officeId: keys.officeId, ...at })
  }

  /** VAULT_DAMAGED when it does not open (another office, row or field; altered). */
  open(stored: string, at: SealedAt): string {
    const keys = this.keys()
    return openField(keys.dataKey, stored, { officeId: keys.officeId, ...at }).toString('utf8')
  }

  openBytes(stored: Buffer, at: SealedAt): Buffer {
    const keys = this.keys()
    return openFieldBytes(keys.dataKey, stored, { officeId: keys.officeId, ...at })
  }
}
