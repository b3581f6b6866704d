import { afterEach, describe, expect, it } from 'vitest'
import { newTestApp } from '../../support/testApp'

const disposers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const d of disposers.splice(0)) await d()
})
async function app() {
  const t = await newTestApp()
  disposers.push(() => t.dispose())
  return t
}

describe('the contract dispatcher', () => {
  it('refuses an operation that is not in the contract', async () => {
    const t = await app()
    const r = await t.invoke('constructor', {})
    expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } })
    expect(await t.invoke('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } })
  })

  it('rejects a crafted payload with unknown fields, naming the field but not echoing the value', async () => {
    const t = await app()
    const secret = 'Geheimwaarde-123456789'
    const r = await t.invoke('addAccount', { username: 'piet', displayName: 'Piet', roles: ['staff'], passphrase: 'long enough passphrase', isRoot: secret })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('VALIDATION_FAILED')
    expect(JSON.stringify(r.error)).not.toContain(secret)
    const accounts = await t.call('listAccounts')
    expect(accounts.map((a) => a.username)).not.toContain('piet')
  })

  it('checks the role of the signed-in account on every operation', async () => {
    const t = await app()
    await t.call('addAccount', { username: 'piet', displayName: 'Piet', roles: ['staff'], passphrase: 'piet passphrase 1' })
    await t.app.signOut()
    await t.app.signIn('piet', 'piet passphrase 1')
    expect(await t.invoke('listAccounts', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await t.invoke('getVaultStatus', {})).toMatchObject({ ok: true })
  })

  it('answers VAULT_LOCKED when nobody is signed in, and still answers public operations', async () => {
    const t = await app()
    await t.app.signOut()
    expect(await t.invoke('listAccounts', {})).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } })
    expect(await t.invoke('getAppState', {})).toMatchObject({ ok: true, value: { vault: 'locked', session: null } })
  })

  it('maps unexpected failures to INTERNAL without details', async () => {
    const t = await app()
    await t.sql('DROP TABLE "account"')
    const r = await t.invoke('listAccounts', {})
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong. Nothing was changed.', issues: [] } })
  })
})
