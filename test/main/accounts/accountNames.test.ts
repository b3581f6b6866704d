import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { ACCOUNT_NAME_PATTERN, accountNameSchema, canonicalAccountName } from '../../../src/shared/validation/accountName'
import { ADMIN, newTestApp } from '../../support/testApp'
import { accountSlotsText } from './storedKeyring'

/**
 * Issue 15 point 4: one canonical account name for the key-slot lookup, the account table and
 * sign-in. The attack it stops: the keyring looked names up after NFKC + lower case while the
 * duplicate check only lower-cased, so `user add ａｎｎａ --role staff` rewrapped the admin `anna`'s
 * slot with the staff passphrase — which then opened an account with every role.
 */
const disposers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const d of disposers.splice(0)) await d()
})

describe('canonical account names', () => {
  it('refuses a full-width or ligature look-alike of an existing name, leaving that account\'s key slot as it was', async () => {
    const t = await newTestApp()
    disposers.push(() => t.dispose())
    await t.call('addAccount', { username: 'fiona', displayName: 'Fiona', roles: ['staff'], passphrase: 'fiona passphrase 1' })
    const slotsBefore = await accountSlotsText(t)
    const fullWidthAdmin = [...ADMIN.username].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join('') // ｂｅｈｅｅｒｄｅｒ
    for (const username of [fullWidthAdmin, ADMIN.username.toUpperCase(), ' ' + ADMIN.username, 'ﬁona']) {
      expect(await t.invoke('addAccount', { username, displayName: 'Indringer', roles: ['staff'], passphrase: 'indringer passphrase' })).toMatchObject({
        ok: false,
        error: { code: 'ACCOUNT_EXISTS' }
      })
    }
    expect(await accountSlotsText(t)).toBe(slotsBefore)
    expect((await t.call('listAccounts')).map((a) => a.username).sort()).toEqual([ADMIN.username, 'fiona'])
    // The admin's own passphrase still opens the admin account, the intruder's opens nothing.
    await t.app.signOut()
    await expect(t.app.signIn(ADMIN.username, 'indringer passphrase')).rejects.toMatchObject({ code: 'VAULT_WRONG_PASSPHRASE' })
    await t.app.signIn(ADMIN.username, ADMIN.passphrase)
    expect(t.app.session.roles).toContain('admin')
  })

  it('refuses names outside the plain set (a Cyrillic look-alike, control and bidi characters, @, too short or long), naming the field', async () => {
    const t = await newTestApp()
    disposers.push(() => t.dispose())
    for (const username of ['bеheerder' /* Cyrillic е */, 'anna\u202e', 'an\u200bna', 'anna@kantoor', 'a', 'x'.repeat(33), 'jürgen']) {
      expect(await t.invoke('addAccount', { username, displayName: 'X', roles: ['staff'], passphrase: 'long enough passphrase' })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED', issues: [{ path: 'username', key: 'validation.accountName.invalid' }] }
      })
    }
  })

  it('stores and signs in under the canonical form: "Piet" is added as piet and can sign in as PIET', async () => {
    const t = await newTestApp()
    disposers.push(() => t.dispose())
    const piet = await t.call('addAccount', { username: 'Piet', displayName: 'Piet', roles: ['staff'], passphrase: 'piet passphrase 1' })
    expect(piet.username).toBe('piet')
    await t.app.signOut()
    const session = await t.app.signIn('ＰＩＥＴ', 'piet passphrase 1')
    expect(session).toMatchObject({ accountId: piet.id, username: 'piet', roles: ['staff'] })
  })

  it('canonical form: idempotent, and every accepted name is its own canonical form (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (raw) => {
        const once = canonicalAccountName(raw)
        expect(canonicalAccountName(once)).toBe(once)
        const parsed = accountNameSchema.safeParse(raw)
        if (parsed.success) {
          expect(parsed.data).toBe(once)
          expect(ACCOUNT_NAME_PATTERN.test(parsed.data)).toBe(true)
        }
      })
    )
  })
})
