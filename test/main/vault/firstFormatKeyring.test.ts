import { createCipheriv, randomBytes, scryptSync } from 'node:crypto'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { parseKeyring } from '../../../src/main/vault/keyring'
import { vaultPaths } from '../../../src/main/vault/vaultFiles'
import { vaultDataKey } from '../../support/rawPages'
import { ADMIN, TEST_KDF_N, newTestApp } from '../../support/testApp'

/**
 * A vault made before issue 15 has a keyring of the first format: each slot wraps the data key
 * alone (AES-256-GCM, additional data `dossier-keyring/1|vault|slot|kind|lookup`). It must keep
 * opening; its slot is rewritten in the current format at the first sign-in, and from then on
 * the sign-in journal is the vault's own (deleting it holds the throttle).
 */
const disposers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const d of disposers.splice(0)) await d()
})

async function firstFormatVault() {
  const t = await newTestApp()
  disposers.push(() => t.dispose())
  await t.app.signOut()
  const dataKey = await vaultDataKey(t.vaultDir, ADMIN.username, ADMIN.passphrase)
  const file = vaultPaths(t.vaultDir).keyring
  const keyring = parseKeyring(readFileSync(file, 'utf8'))
  const admin = keyring.slots.find((s) => s.kind === 'account')!
  const salt = randomBytes(16)
  const kek = scryptSync(ADMIN.passphrase.normalize('NFKC'), salt, 32, { N: TEST_KDF_N, r: 8, p: 1 })
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', kek, iv)
  cipher.setAAD(Buffer.from(`dossier-keyring/1|${keyring.vaultId}|${admin.slotId}|account|${admin.lookup}`))
  const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()])
  const v1Slot = { slotId: admin.slotId, kind: 'account', lookup: admin.lookup, kdf: { name: 'scrypt', N: TEST_KDF_N, r: 8, p: 1, salt: salt.toString('base64') }, iv: iv.toString('base64'), wrapped: wrapped.toString('base64'), tag: cipher.getAuthTag().toString('base64') }
  writeFileSync(file, JSON.stringify({ format: 'dossier-keyring/1', vaultId: keyring.vaultId, lookupSalt: keyring.lookupSalt, slots: [v1Slot] }))
  rmSync(vaultPaths(t.vaultDir).signInJournal, { force: true }) // the first format deleted an empty journal
  return { t, file }
}

describe('a vault with a keyring of the first format', () => {
  it('opens without a throttle hold, and its slot is rewritten in the current format with an account key', async () => {
    const { t, file } = await firstFormatVault()
    const session = await t.app.signIn(ADMIN.username, ADMIN.passphrase)
    expect(session.username).toBe(ADMIN.username)
    const upgraded = parseKeyring(readFileSync(file, 'utf8'))
    expect(readFileSync(file, 'utf8')).toContain('"dossier-keyring/2"')
    expect(upgraded.slots).toEqual([expect.objectContaining({ kind: 'account', publicKey: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/), restricted: null })])
    expect(t.app.vault.restricted.held).toBe(false)
    await t.app.signOut()
    // The upgraded slot opens again and has witnessed the head at sign-out.
    await t.app.signIn(ADMIN.username, ADMIN.passphrase)
    expect(t.app.vault.keyring.slots[0]!.witness).toMatchObject({ seq: expect.any(Number) })
    await t.app.signOut()
    // From now on a deleted journal is tampering: held, not reset.
    rmSync(vaultPaths(t.vaultDir).signInJournal)
    await expect(t.app.signIn(ADMIN.username, ADMIN.passphrase)).rejects.toMatchObject({ code: 'ACCOUNT_THROTTLED' })
  })
})
