import { readFileSync } from 'node:fs'
import Database from 'better-sqlite3-multiple-ciphers'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { applyKey } from '../../../src/main/vault/cipher'
import { parseKeyring, serialiseKeyring } from '../../../src/main/vault/keyring'
import { writeFileAtomic, vaultPaths } from '../../../src/main/vault/vaultFiles'
import { decryptVaultPages, findInPages, vaultDataKey } from '../../support/rawPages'
import { TEST_ENGINE } from '../../support/serverTestApp'
import { newTestApp } from '../../support/testApp'
import { insertPerson, signInAs, specialConsent, type TestApp } from './consentFixtures'

/**
 * Issue 15 point 1: special-category values are sealed to a restricted key that only privacy
 * officers' and admins' key slots (and the recovery slot) hold. The attacks: an office staff
 * member unwraps the data key from their own slot and reads the file, or makes their account
 * admin in the database, or moves a grant or a sealed value around.
 */
let t: TestApp
beforeEach(async () => {
  t = await newTestApp()
})
afterEach(async () => t.dispose())

const ON_SERVER = TEST_ENGINE === 'postgres'

const STAFF = { username: 'medewerker', passphrase: 'medewerker passphrase long enough' }
const VALUE = 'Dieet: halal, geen varkensvlees; vrij op het Suikerfeest'

async function personWithSpecialData(): Promise<string> {
  const personId = await insertPerson(t)
  await signInAs(t, STAFF.username, ['staff'])
  await t.call('recordConsent', specialConsent(personId))
  await t.call('saveSpecialData', { personId, category: 'religion', purpose: 'personnel', value: VALUE })
  return personId
}

/** What an insider with the data key does outside Dossier: open the file and run SQL. */
async function asInsider<T>(work: (db: Database.Database) => T): Promise<T> {
  await t.app.signOut()
  const key = await vaultDataKey(t.vaultDir, STAFF.username, STAFF.passphrase)
  const db = new Database(vaultPaths(t.vaultDir).db)
  try {
    applyKey(db, key)
    return work(db)
  } finally {
    db.close()
    key.fill(0)
  }
}

describe('the restricted key: special data only privacy officers can open', () => {
  // Local-only: the subject is the vault file's pages and WAL, read with a key slot of the keyring file.
  it.skipIf(ON_SERVER)('a staff slot\'s data key opens the database but finds no special-category value in clear, on any page or in the WAL', async () => {
    await personWithSpecialData()
    await t.app.signOut()
    const key = await vaultDataKey(t.vaultDir, STAFF.username, STAFF.passphrase)
    const pages = decryptVaultPages(t.vaultDir, key)
    key.fill(0)
    expect(pages.length).toBeGreaterThan(5)
    expect(pages.every((p) => p.authentic)).toBe(true) // the right key: an absent needle means absent
    expect(findInPages(pages, 'varkensvlees')).toEqual([])
    expect(findInPages(pages, 'Suikerfeest')).toEqual([])
    // …while the row is there, sealed.
    const stored = await asInsider((db) => db.prepare('SELECT value FROM special_data').all() as { value: string }[])
    expect(stored).toEqual([{ value: expect.stringMatching(/^sealed:1:[A-Za-z0-9+/]+=*$/) }])
  })

  it('office staff record special data but cannot open it; a privacy officer added by the admin can', async () => {
    const personId = await personWithSpecialData()
    expect(t.app.vault.restricted.held).toBe(false)
    await expect(t.call('getAccessReportHtml', { personId, lang: 'nl' })).rejects.toMatchObject({ code: 'RESTRICTED_KEY_REQUIRED' })
    await expect(t.call('exportPerson', { personId })).rejects.toMatchObject({ code: 'RESTRICTED_KEY_REQUIRED' })

    await signInAs(t, 'privacy', ['privacy_officer'])
    expect(t.app.vault.restricted.held).toBe(true)
    expect((await t.call('viewSpecialData', { personId })).items.map((i) => i.value)).toEqual([VALUE])
    expect((await t.call('getAccessReportHtml', { personId, lang: 'nl' })).html).toContain(VALUE)
    expect((await t.call('exportPerson', { personId })).specialData).toEqual([expect.objectContaining({ value: VALUE })])
  })

  // Local-only: the subject is an insider editing the vault file with a staff slot's data key.
  it.skipIf(ON_SERVER)('staff made admin in the database: the app shows admin, but special data stays closed and no account can be given the key', async () => {
    const personId = await personWithSpecialData()
    await asInsider((db) => db.prepare(`UPDATE account SET roles = '["admin","privacy_officer","staff"]' WHERE username = ?`).run(STAFF.username))
    const session = await t.app.signIn(STAFF.username, STAFF.passphrase)
    expect(session.roles).toContain('privacy_officer') // the forged roles pass every check in code…
    await expect(t.call('viewSpecialData', { personId })).rejects.toMatchObject({ code: 'RESTRICTED_KEY_REQUIRED' }) // …not the key
    await expect(t.call('getAccessReportHtml', { personId, lang: 'nl' })).rejects.toMatchObject({ code: 'RESTRICTED_KEY_REQUIRED' })
    await expect(
      t.call('addAccount', { username: 'handlanger', displayName: 'Handlanger', roles: ['privacy_officer'], passphrase: 'handlanger passphrase long enough' })
    ).rejects.toMatchObject({ code: 'RESTRICTED_KEY_REQUIRED' })
    expect(t.app.vault.keyring.slots.some((s) => s.lookup === t.app.keySlots.lookupOf('handlanger'))).toBe(false)
    expect(await t.call('listAccounts')).not.toContainEqual(expect.objectContaining({ username: 'handlanger' }))
  })

  // Local-only: the subject is the keyring file (a grant copied between its slots).
  it.skipIf(ON_SERVER)('a grant copied from the admin\'s slot into a staff slot does not open there (it is sealed to the admin\'s account key)', async () => {
    const personId = await personWithSpecialData()
    await t.app.signOut()
    const file = vaultPaths(t.vaultDir).keyring
    const keyring = parseKeyring(readFileSync(file, 'utf8'))
    const admin = keyring.slots.find((s) => s.kind === 'account' && s.restricted !== null)!
    const slots = keyring.slots.map((s) => (s.kind === 'account' && s.restricted === null ? { ...s, restricted: admin.restricted } : s))
    writeFileAtomic(file, serialiseKeyring({ ...keyring, slots }))
    await t.app.signIn(STAFF.username, STAFF.passphrase)
    expect(t.app.vault.restricted.held).toBe(false)
    await expect(t.app.write(({ restricted }) => Promise.resolve(restricted.tag('x')))).rejects.toMatchObject({ code: 'RESTRICTED_KEY_REQUIRED' })
    await signInAs(t, 'privacy', ['privacy_officer'])
    expect((await t.call('viewSpecialData', { personId })).items).toHaveLength(1)
  })

  // Local-only: the subject is an insider editing the vault file with a staff slot's data key.
  it.skipIf(ON_SERVER)('a sealed value copied onto another person does not open there', async () => {
    const first = await personWithSpecialData()
    const second = await insertPerson(t)
    await t.call('recordConsent', specialConsent(second))
    await t.call('saveSpecialData', { personId: second, category: 'religion', purpose: 'personnel', value: 'iets anders' })
    await asInsider((db) => {
      const { value } = db.prepare('SELECT value FROM special_data WHERE personId = ?').get(first) as { value: string }
      db.prepare('UPDATE special_data SET value = ? WHERE personId = ?').run(value, second)
    })
    await signInAs(t, 'privacy', ['privacy_officer'])
    expect((await t.call('viewSpecialData', { personId: first })).items.map((i) => i.value)).toEqual([VALUE])
    await expect(t.call('viewSpecialData', { personId: second })).rejects.toMatchObject({ code: 'VAULT_DAMAGED' })
  })

  // Local-only: recovery is the local vault's (recovery key slot); on the server staff cannot record
  // special data either (see above, reported).
  it.skipIf(ON_SERVER)('the key survives a passphrase change and a recovery', async () => {
    const personId = await personWithSpecialData()
    await signInAs(t, 'privacy', ['privacy_officer'])
    await t.call('changePassphrase', { current: 'privacy passphrase long enough', next: 'a brand new privacy passphrase' })
    await t.app.signOut()
    await t.app.signIn('privacy', 'a brand new privacy passphrase')
    expect((await t.call('viewSpecialData', { personId })).items.map((i) => i.value)).toEqual([VALUE])

    await t.app.recover(t.recoveryKey, 'noodbeheer', 'emergency admin passphrase here')
    expect(t.app.vault.restricted.held).toBe(true)
    await t.app.signOut()
    await t.app.signIn('noodbeheer', 'emergency admin passphrase here')
    expect(t.app.vault.restricted.held).toBe(true) // the recovered admin's new slot was granted the key
  })
})
