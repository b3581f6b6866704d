import { randomUUID } from 'node:crypto'
import type { EntityManager } from 'typeorm'
import { DossierError } from '../../shared/errors'
import { canonicalAccountName } from '../../shared/validation/accountName'
import {
  type KeySlot,
  KEYRING_FORMAT,
  type Keyring,
  createSlot,
  DEFAULT_KDF_N,
  grantRestricted,
  newDataKey,
  newKeyring,
  newRecoveryKey,
  openRestrictedGrant,
  openSlot,
  parseKeyring,
  slotLookup
} from '../vault/keyring'
import { newX25519Pair } from '../vault/sealedBox'
import { GROUP_ROLES } from './serverRoles'

/**
 * Issue 17 point 3: the office's keys on the office server, wrapped per account as in the local
 * keyring (vault/keyring.ts, the same slots and code): the office data key (fieldCipher.ts: BSNs,
 * attachments, free text encrypted on the desk) and the restricted key (special-category values
 * sealed to it; its private half granted to privacy officers and administrators only).
 *
 * Two tables, made at `server init` (`officeKeyringStatements`):
 * - `office_keyring`: the office's id and the salt slots are looked up by; readable by every role.
 * - `office_key_slot`: one row per slot, by the PostgreSQL login it belongs to. Row-level
 *   security shows each login its own slot only, so nobody can take a colleague's slot home and
 *   try passphrases against it; administrators add and remove slots (as the local admin does).
 *   The recovery slot belongs to no login: only the owner and administrators reach it.
 * The server holds only wrapped keys: scrypt (N = 2^16) and AES-256-GCM, bound to the office, the
 * slot and its account (the slot's authenticated data).
 */
export const OFFICE_KEYRING_TABLE = 'office_keyring'
export const OFFICE_KEY_SLOT_TABLE = 'office_key_slot'

const q = (name: string) => `"${name.replace(/"/g, '""')}"`

/** The tables, grants and row policies; idempotent, for the schema's owner (after `serverRoleStatements`). */
export function officeKeyringStatements(): string[] {
  const everyone = Object.values(GROUP_ROLES).map(q).join(', ')
  const admin = q(GROUP_ROLES.admin)
  const slots = q(OFFICE_KEY_SLOT_TABLE)
  return [
    `CREATE TABLE IF NOT EXISTS ${q(OFFICE_KEYRING_TABLE)} ("officeId" uuid PRIMARY KEY, "format" varchar(40) NOT NULL, "lookupSalt" varchar(64) NOT NULL, "one" boolean NOT NULL DEFAULT TRUE UNIQUE CHECK ("one"))`,
    `CREATE TABLE IF NOT EXISTS ${slots} ("slotId" uuid PRIMARY KEY, "login" varchar(63) NOT NULL, "slot" text NOT NULL)`,
    `REVOKE ALL ON ${q(OFFICE_KEYRING_TABLE)}, ${slots} FROM PUBLIC, ${everyone}`,
    `GRANT SELECT ON ${q(OFFICE_KEYRING_TABLE)}, ${slots} TO ${everyone}`,
    `GRANT INSERT, UPDATE, DELETE ON ${slots} TO ${admin}`,
    `ALTER TABLE ${slots} ENABLE ROW LEVEL SECURITY`,
    `DROP POLICY IF EXISTS "own_slot" ON ${slots}`,
    `CREATE POLICY "own_slot" ON ${slots} FOR SELECT TO ${everyone} USING ("login" = current_user)`,
    // A passphrase change rewraps the account's own slot (and only that: the row stays its login's).
    `GRANT UPDATE ("slotId", "slot") ON ${slots} TO ${everyone}`,
    `DROP POLICY IF EXISTS "own_slot_rewrap" ON ${slots}`,
    `CREATE POLICY "own_slot_rewrap" ON ${slots} FOR UPDATE TO ${everyone} USING ("login" = current_user) WITH CHECK ("login" = current_user)`,
    `DROP POLICY IF EXISTS "admin_slots" ON ${slots}`,
    `CREATE POLICY "admin_slots" ON ${slots} FOR ALL TO ${admin} USING (true) WITH CHECK (true)`
  ]
}

/** The office's keys as a desk holds them after its account's passphrase opened its slot. */
export interface OfficeKeys {
  officeId: string
  /** AES-256 key for the fields the server must not read (fieldCipher.ts) */
  dataKey: Buffer
  restrictedPublic: Buffer
  /** only in a privacy officer's or administrator's slot */
  restrictedPrivate: Buffer | null
  /** Zeroes the key material (a session's end). */
  forget(): void
}

/** The PostgreSQL login an account name signs in as: its canonical form (serverLogins.ts makes the same one). */
const loginOf = (accountName: string) => canonicalAccountName(accountName)

/** The office keyring as this login may see it: the office's id and salt, and its own slot (an administrator: every slot). */
export async function readOfficeKeyring(m: EntityManager): Promise<Keyring | null> {
  const [head] = (await m.query(`SELECT "officeId", "format", "lookupSalt" FROM ${q(OFFICE_KEYRING_TABLE)}`)) as { officeId: string; format: string; lookupSalt: string }[]
  if (!head) return null
  // Every visible slot (the caller's own; an administrator's session sees all).
  const rows = (await m.query(`SELECT "slot" FROM ${q(OFFICE_KEY_SLOT_TABLE)}`)) as { slot: string }[]
  return parseKeyring(JSON.stringify({ format: head.format, vaultId: head.officeId, lookupSalt: head.lookupSalt, slots: rows.map((r) => JSON.parse(r.slot) as unknown) }))
}

async function insertSlot(m: EntityManager, login: string, slot: KeySlot): Promise<void> {
  await m.query(`INSERT INTO ${q(OFFICE_KEY_SLOT_TABLE)} ("slotId", "login", "slot") VALUES ($1, $2, $3)`, [slot.slotId, login, JSON.stringify(slot)])
}

/**
 * The keyring as its owner reads it (every slot, as stored, without its login's name), for a
 * backup's header: what `installOfficeKeyring` puts back.
 */
export async function storedOfficeKeyring(m: EntityManager): Promise<{ format: string; lookupSalt: string; slots: { slotId: string; slot: string }[] }> {
  const [head] = (await m.query(`SELECT "format", "lookupSalt" FROM ${q(OFFICE_KEYRING_TABLE)}`)) as { format: string; lookupSalt: string }[]
  if (!head) throw new DossierError('SERVER_NOT_PREPARED', 'The office has no keys yet.')
  const slots = (await m.query(`SELECT "slotId", "slot" FROM ${q(OFFICE_KEY_SLOT_TABLE)} ORDER BY "slotId"`)) as { slotId: string; slot: string }[]
  return { format: head.format, lookupSalt: head.lookupSalt, slots }
}

/**
 * A restore onto an empty office database (services/officeBackupService.ts): the keyring as a
 * backup holds it, every slot still wrapped, in the owner's transaction `m`; the restoring
 * administrator's passphrase opens it next (`openOfficeKeys`), or the transaction rolls back.
 */
export async function installOfficeKeyring(m: EntityManager, officeId: string, keyring: { format: string; lookupSalt: string; slots: { slotId: string; slot: string }[] }): Promise<void> {
  await m.query(`INSERT INTO ${q(OFFICE_KEYRING_TABLE)} ("officeId", "format", "lookupSalt") VALUES ($1, $2, $3)`, [officeId, keyring.format, keyring.lookupSalt])
  // Each slot's login is not in the header (no name leaves the office unsealed): its id stands in
  // until the backup's sealed slot rows replace these.
  for (const slot of keyring.slots) await m.query(`INSERT INTO ${q(OFFICE_KEY_SLOT_TABLE)} ("slotId", "login", "slot") VALUES ($1::uuid, $1::text, $2)`, [slot.slotId, slot.slot])
}

/** Whether the office has its keys (`createOfficeKeys` ran). */
export async function officeHasKeys(m: EntityManager): Promise<boolean> {
  return (await readOfficeKeyring(m)) !== null
}

/**
 * At `server init`: the office's keys, with the first administrator's slot (granted the
 * restricted key) and a recovery slot, whose printable key is returned once. Null when the office
 * already has its keys: a second init never makes new ones (data sealed under them would be lost).
 */
export async function createOfficeKeys(m: EntityManager, admin: { accountName: string; passphrase: string }, kdfN: number = DEFAULT_KDF_N): Promise<{ officeId: string; recoveryKey: string } | null> {
  if (await readOfficeKeyring(m)) return null
  const keyring = newKeyring(randomUUID())
  const dataKey = newDataKey()
  const restricted = newX25519Pair()
  const recoveryKey = newRecoveryKey()
  try {
    await m.query(`INSERT INTO ${q(OFFICE_KEYRING_TABLE)} ("officeId", "format", "lookupSalt") VALUES ($1, $2, $3)`, [keyring.vaultId, KEYRING_FORMAT, keyring.lookupSalt])
    const keys = { dataKey, restrictedPublic: restricted.publicKey }
    const own = await createSlot(keyring, keys, admin.passphrase, { kind: 'account', accountName: admin.accountName }, kdfN)
    const recovery = await createSlot(keyring, keys, recoveryKey, { kind: 'recovery' }, kdfN)
    for (const opened of [own, recovery]) {
      opened.kek.fill(0)
      opened.payload.slotPrivate?.fill(0)
    }
    await insertSlot(m, loginOf(admin.accountName), grantRestricted(keyring, own.slot, restricted.privateKey))
    await insertSlot(m, '', grantRestricted(keyring, recovery.slot, restricted.privateKey))
    return { officeId: keyring.vaultId, recoveryKey }
  } finally {
    dataKey.fill(0)
    restricted.privateKey.fill(0)
  }
}

/** The office's keys through the account's own slot; VAULT_WRONG_PASSPHRASE when it does not open (or there is none). */
export async function openOfficeKeys(m: EntityManager, accountName: string, passphrase: string): Promise<OfficeKeys> {
  const keyring = await readOfficeKeyring(m)
  const wrong = () => new DossierError('VAULT_WRONG_PASSPHRASE', 'The passphrase does not open this account\'s office key.')
  if (!keyring) throw wrong()
  const lookup = slotLookup(keyring, accountName)
  const slot = keyring.slots.find((s) => s.kind === 'account' && s.lookup === lookup)
  const opened = slot ? await openSlot(keyring, slot, passphrase) : null
  if (!opened || !opened.payload.restrictedPublic) throw wrong()
  const restrictedPrivate = openRestrictedGrant(keyring, opened)
  opened.kek.fill(0)
  opened.payload.slotPrivate?.fill(0)
  const keys: OfficeKeys = {
    officeId: keyring.vaultId,
    dataKey: opened.payload.dataKey,
    restrictedPublic: opened.payload.restrictedPublic,
    restrictedPrivate,
    forget: () => {
      keys.dataKey.fill(0)
      keys.restrictedPrivate?.fill(0)
    }
  }
  return keys
}

/**
 * An administrator's desk adds an account's slot (its office keys, opened with the admin's own
 * slot); `restricted` grants the restricted key, which only a session holding it can give.
 */
export async function addOfficeKeySlot(m: EntityManager, granter: OfficeKeys, account: { accountName: string; passphrase: string; restricted: boolean }, kdfN: number = DEFAULT_KDF_N): Promise<void> {
  if (account.restricted && !granter.restrictedPrivate) throw new DossierError('RESTRICTED_KEY_REQUIRED', 'Only a privacy officer can open special-category data.')
  const keyring = await readOfficeKeyring(m)
  if (!keyring || keyring.vaultId !== granter.officeId) throw new DossierError('INTERNAL', 'The office keyring is not this office\'s.')
  const opened = await createSlot(keyring, { dataKey: granter.dataKey, restrictedPublic: granter.restrictedPublic }, account.passphrase, { kind: 'account', accountName: account.accountName }, kdfN)
  opened.kek.fill(0)
  opened.payload.slotPrivate?.fill(0)
  const slot = account.restricted && granter.restrictedPrivate ? grantRestricted(keyring, opened.slot, granter.restrictedPrivate) : opened.slot
  await insertSlot(m, loginOf(account.accountName), slot)
}

/**
 * An account's slot made anew (an administrator's desk: a new account, a re-enabled one, a new
 * passphrase set by the admin): its earlier slots go, in the same transaction.
 */
export async function replaceOfficeKeySlot(m: EntityManager, granter: OfficeKeys, account: { accountName: string; passphrase: string; restricted: boolean }, kdfN: number = DEFAULT_KDF_N): Promise<void> {
  await removeOfficeKeySlots(m, account.accountName)
  await addOfficeKeySlot(m, granter, account, kdfN)
}

/** An account's slots removed (a disabled account: its passphrase opens nothing any more). */
export async function removeOfficeKeySlots(m: EntityManager, accountName: string): Promise<void> {
  await m.query(`DELETE FROM ${q(OFFICE_KEY_SLOT_TABLE)} WHERE "login" = $1`, [loginOf(accountName)])
}

/**
 * The signed-in account's own slot rewrapped for its new passphrase (the same keys; the restricted
 * grant kept when the slot had it).
 */
export async function rewrapOwnOfficeKeySlot(m: EntityManager, keys: OfficeKeys, account: { accountName: string; passphrase: string }, kdfN: number = DEFAULT_KDF_N): Promise<void> {
  const keyring = await readOfficeKeyring(m)
  if (!keyring || keyring.vaultId !== keys.officeId) throw new DossierError('INTERNAL', 'The office keyring is not this office\'s.')
  const opened = await createSlot(keyring, { dataKey: keys.dataKey, restrictedPublic: keys.restrictedPublic }, account.passphrase, { kind: 'account', accountName: account.accountName }, kdfN)
  opened.kek.fill(0)
  opened.payload.slotPrivate?.fill(0)
  const slot = keys.restrictedPrivate ? grantRestricted(keyring, opened.slot, keys.restrictedPrivate) : opened.slot
  const login = loginOf(account.accountName)
  // The slot's id is part of its authenticated data: the row takes the new slot's id with it.
  const [, updated] = (await m.query(`UPDATE ${q(OFFICE_KEY_SLOT_TABLE)} SET "slotId" = $1, "slot" = $2 WHERE "login" = $3`, [slot.slotId, JSON.stringify(slot), login])) as [unknown, number]
  if (updated !== 1) throw new DossierError('VAULT_WRONG_PASSPHRASE', 'This account has no single office key slot.')
}
