import type { DossierApp } from '../../../src/main/services/DossierApp'
import { type Keyring, parseKeyring } from '../../../src/main/vault/keyring'
import type { newTestApp } from '../../support/testApp'
import { TEST_ENGINE } from '../../support/serverTestApp'

type T = Awaited<ReturnType<typeof newTestApp>>

/**
 * The key slots as stored, on either engine: the local vault's keyring file (as the open vault
 * holds it), or the office server's `office_keyring` and every row of `office_key_slot` (read as
 * the schema's owner: the recovery slot and every login's, whoever is signed in).
 */
export async function storedKeyring(t: T): Promise<Keyring> {
  if (TEST_ENGINE === 'sqlite') return (t.app as DossierApp).vault.keyring
  const [head] = await t.sql<{ officeId: string; format: string; lookupSalt: string }>('SELECT "officeId", "format", "lookupSalt" FROM "office_keyring"')
  if (!head) throw new Error('the office has no keyring')
  const rows = await t.sql<{ slot: string }>('SELECT "slot" FROM "office_key_slot" ORDER BY "login", "slotId"')
  return parseKeyring(JSON.stringify({ format: head.format, vaultId: head.officeId, lookupSalt: head.lookupSalt, slots: rows.map((r) => JSON.parse(r.slot) as unknown) }))
}

/** The account slots only, as text (to compare before and after). */
export async function accountSlotsText(t: T): Promise<string> {
  return JSON.stringify((await storedKeyring(t)).slots.filter((s) => s.kind === 'account'))
}
