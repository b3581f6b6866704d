import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FREE_ATTEMPTS, MAX_DELAY_MS, signInAllowedAt } from '../../../src/main/accounts/signInThrottle'
import { vaultPaths } from '../../../src/main/vault/vaultFiles'
import { TEST_ENGINE } from '../../support/serverTestApp'
import { ADMIN, newTestApp } from '../../support/testApp'
import { bareApp } from '../../reliability/support/vaultState'

type T = Awaited<ReturnType<typeof newTestApp>>
const MAX_WAIT_S = MAX_DELAY_MS / 1000

/** Issue 15 point 5: removing, emptying or rolling back `signin-failures.json` never buys an attempt. */
// The local vault's journal file; the office server checks passwords and throttles itself.
describe.skipIf(TEST_ENGINE === 'postgres')('the sign-in journal cannot be reset from the file system', () => {
  let t: T
  let journal: string
  beforeEach(async () => {
    t = await newTestApp()
    await t.call('signOut')
    journal = vaultPaths(t.vaultDir).signInJournal
  })
  afterEach(async () => t.dispose())

  const attempt = (passphrase: string, username = ADMIN.username) => t.call('signIn', { username, passphrase })
  const throttledFor = async (passphrase: string) => {
    const e = (await attempt(passphrase).catch((x: unknown) => x)) as { code?: string; detail?: { retryAfterSeconds?: number } }
    expect(e.code).toBe('ACCOUNT_THROTTLED')
    return e.detail?.retryAfterSeconds
  }
  const failFreely = async (n: number) => {
    for (let i = 0; i < n; i++) await expect(attempt('not the passphrase')).rejects.toMatchObject({ code: 'VAULT_WRONG_PASSPHRASE' })
  }

  it('exists from setup on, and a successful sign-in empties it instead of deleting it', async () => {
    expect(existsSync(journal)).toBe(true)
    await failFreely(2)
    await attempt(ADMIN.passphrase)
    // Issue 18: the failures move to the audit trail, and the journal empties, once the unlock's integrity check allows writes.
    expect(await t.call('awaitVaultCheck')).toEqual({ integrity: 'ok' })
    expect(JSON.parse(readFileSync(journal, 'utf8'))).toMatchObject({ failures: [], heldSince: null })
  })

  it('after the throttle started, deleting the journal gives no free attempt; the right passphrase works after the maximum wait', async () => {
    await failFreely(FREE_ATTEMPTS)
    await throttledFor(ADMIN.passphrase)
    rmSync(journal)
    // Not even the right passphrase: a missing journal is the maximum throttle, and it is recreated.
    expect(await throttledFor(ADMIN.passphrase)).toBe(MAX_WAIT_S)
    expect(existsSync(journal)).toBe(true)
    // Deleting it again does not shorten the wait.
    t.clock.advanceMs(MAX_DELAY_MS / 2)
    rmSync(journal)
    expect(await throttledFor(ADMIN.passphrase)).toBe(MAX_WAIT_S)
    t.clock.advanceMs(MAX_DELAY_MS)
    await expect(attempt(ADMIN.passphrase)).resolves.toMatchObject({ username: ADMIN.username })
    // The hold ended with the sign-in: the office is back to the normal free attempts.
    await t.call('signOut')
    await failFreely(FREE_ATTEMPTS)
  })

  it('gives no free attempt for an emptied, truncated or garbled journal either', async () => {
    for (const content of ['', '{"generation":3,"failures":[{"look', 'null', '{"failures":"none"}']) {
      await failFreely(FREE_ATTEMPTS)
      writeFileSync(journal, content)
      expect(await throttledFor(ADMIN.passphrase)).toBe(MAX_WAIT_S)
      t.clock.advanceMs(MAX_DELAY_MS)
      await attempt(ADMIN.passphrase)
      await t.call('signOut')
    }
  })

  it('keeps the maximum wait after every failure while held, for every account, until someone signs in', async () => {
    await failFreely(FREE_ATTEMPTS)
    rmSync(journal)
    await throttledFor('not the passphrase')
    t.clock.advanceMs(MAX_DELAY_MS)
    // One guess per maximum wait, not FREE_ATTEMPTS more.
    await expect(attempt('not the passphrase')).rejects.toMatchObject({ code: 'VAULT_WRONG_PASSPHRASE' })
    expect(await throttledFor(ADMIN.passphrase)).toBe(MAX_WAIT_S)
    await expect(attempt('not the passphrase', 'iemand-anders')).rejects.toMatchObject({ code: 'ACCOUNT_THROTTLED' })
    t.clock.advanceMs(MAX_DELAY_MS)
    await expect(attempt(ADMIN.passphrase)).resolves.toMatchObject({ username: ADMIN.username })
  })

  it('holds an old copy of the journal put back under the running app', async () => {
    await failFreely(1)
    const oldCopy = `${journal}.old`
    copyFileSync(journal, oldCopy)
    await failFreely(FREE_ATTEMPTS - 1)
    await throttledFor(ADMIN.passphrase)
    copyFileSync(oldCopy, journal)
    expect(await throttledFor(ADMIN.passphrase)).toBe(MAX_WAIT_S)
  })

  it('records and audits failures as before: the hold keeps the failures it still knows', async () => {
    await failFreely(FREE_ATTEMPTS)
    writeFileSync(journal, '{')
    await throttledFor(ADMIN.passphrase) // the hold begins when the damage is found
    t.clock.advanceMs(MAX_DELAY_MS)
    await expect(attempt('not the passphrase')).rejects.toMatchObject({ code: 'VAULT_WRONG_PASSPHRASE' })
    t.clock.advanceMs(MAX_DELAY_MS)
    await attempt(ADMIN.passphrase)
    expect(await t.call('awaitVaultCheck')).toEqual({ integrity: 'ok' })
    // The five before the damage were lost with the file; the one after it is audited.
    expect(await t.app.audit.list(t.app.vault.dataSource.manager, { action: 'session.sign-in-failed' })).toHaveLength(1)
  })

  it('creates no journal in a folder that holds no vault', async () => {
    const { dir } = t
    const app = bareApp(`${dir}/elsewhere`)
    await expect(app.signIn(ADMIN.username, ADMIN.passphrase)).rejects.toMatchObject({ code: 'VAULT_MISSING' })
    expect(existsSync(`${dir}/elsewhere`)).toBe(false)
  })
})

describe('the held throttle rule (pure)', () => {
  it('waits the maximum delay after the hold began and after the last failure since', () => {
    expect(signInAllowedAt([], [], 1_000)).toBe(1_000 + MAX_DELAY_MS)
    expect(signInAllowedAt([5_000], [5_000, 7_000], 1_000)).toBe(7_000 + MAX_DELAY_MS)
    expect(signInAllowedAt([], [], null)).toBe(0)
  })
})
