import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FREE_ATTEMPTS, FREE_ATTEMPTS_OVERALL, MAX_DELAY_MS, nextAttemptAllowedAt } from '../../../src/main/accounts/signInThrottle'
import { vaultPaths } from '../../../src/main/vault/vaultFiles'
import { TEST_ENGINE } from '../../support/serverTestApp'
import { ADMIN, newTestApp } from '../../support/testApp'

type T = Awaited<ReturnType<typeof newTestApp>>

// The local vault's sign-in throttle (its journal and lock file); the office server checks passwords itself.
describe.skipIf(TEST_ENGINE === 'postgres')('sign-in throttling (R-21): after 5 failures a growing delay, every failure audited', () => {
  let t: T
  beforeEach(async () => {
    t = await newTestApp()
    await t.call('signOut')
  })
  afterEach(async () => t.dispose())

  const attempt = (passphrase: string) => t.call('signIn', { username: ADMIN.username, passphrase })

  it('refuses the 6th attempt within the delay with ACCOUNT_THROTTLED and the seconds to wait, even with the right passphrase', async () => {
    for (let i = 0; i < 5; i++) {
      t.clock.advanceMs(200)
      await expect(attempt('not the passphrase')).rejects.toMatchObject({ code: 'VAULT_WRONG_PASSPHRASE' })
    }
    await expect(attempt(ADMIN.passphrase)).rejects.toMatchObject({ code: 'ACCOUNT_THROTTLED', detail: { retryAfterSeconds: 1 } })
    expect(t.app.vaultState()).toBe('locked')

    t.clock.advanceMs(1000)
    await expect(attempt(ADMIN.passphrase)).resolves.toMatchObject({ username: ADMIN.username })
  })

  it('doubles the wait with every further failure', async () => {
    for (let i = 0; i < 7; i++) {
      await expect(attempt('not the passphrase')).rejects.toMatchObject({ code: 'VAULT_WRONG_PASSPHRASE' })
      const failures = i + 1
      // Wait out each delay before the next try (none after the last).
      if (i < 6 && failures >= 5) t.clock.advanceMs(2 ** (failures - 5) * 1000)
    }
    // 7 failures: the next attempt waits 2^(7-5) = 4 s after the last one.
    await expect(attempt(ADMIN.passphrase)).rejects.toMatchObject({ code: 'ACCOUNT_THROTTLED', detail: { retryAfterSeconds: 4 } })
    t.clock.advanceMs(4000)
    await attempt(ADMIN.passphrase)
  })

  it('puts every failure into the audit trail at the next unlock, and a successful sign-in resets the count', async () => {
    for (let i = 0; i < 6; i++) {
      await expect(attempt('not the passphrase')).rejects.toMatchObject({ code: i < 5 ? 'VAULT_WRONG_PASSPHRASE' : 'ACCOUNT_THROTTLED' })
    }
    t.clock.advanceMs(1000)
    await attempt(ADMIN.passphrase)
    expect(await t.app.vaultCheck()).toBe('ok') // the failures move into the trail once writes are allowed (issue 18)
    const entries = await t.app.audit.list(t.app.vault.dataSource.manager, { action: 'session.sign-in-failed' })
    // Five failures; the throttled attempt never reached the keyring and is not a failure.
    expect(entries).toHaveLength(5)
    expect(entries.every((e) => e.subjectId === t.app.session.accountId)).toBe(true)
    await t.call('signOut')
    await expect(attempt('not the passphrase')).rejects.toMatchObject({ code: 'VAULT_WRONG_PASSPHRASE' })
    await expect(attempt(ADMIN.passphrase)).resolves.toBeTruthy()
  })

  it('weighs parallel attempts one at a time: 16 guesses at once are 5 failures and 11 refusals, not 16 tries (issue 15 point 5)', async () => {
    const results = await Promise.allSettled(Array.from({ length: 16 }, () => attempt('not the passphrase')))
    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'signed-in'))
    expect(codes.filter((c) => c === 'VAULT_WRONG_PASSPHRASE')).toHaveLength(FREE_ATTEMPTS)
    expect(codes.filter((c) => c === 'ACCOUNT_THROTTLED')).toHaveLength(16 - FREE_ATTEMPTS)
    expect(t.app.vaultState()).toBe('locked')
  })

  it('takes over the lock of an attempt whose process was killed, at once (a stale lock never locks staff out)', async () => {
    // the pid of a process that has ended
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout
    writeFileSync(vaultPaths(t.vaultDir).signInLock, gone, { mode: 0o600 })
    await expect(attempt(ADMIN.passphrase)).resolves.toMatchObject({ username: ADMIN.username })
  })

  it('counts failures over all names too: guessing across names that do not exist is slowed down (issue 15 point 5)', async () => {
    for (let i = 0; i < FREE_ATTEMPTS_OVERALL; i++) {
      t.clock.advanceMs(100)
      await expect(t.call('signIn', { username: `gok-${i}`, passphrase: 'not the passphrase' })).rejects.toMatchObject({ code: 'VAULT_WRONG_PASSPHRASE' })
    }
    await expect(t.call('signIn', { username: 'gok-next', passphrase: 'not the passphrase' })).rejects.toMatchObject({ code: 'ACCOUNT_THROTTLED' })
    t.clock.advanceMs(1000)
    await expect(attempt(ADMIN.passphrase)).resolves.toMatchObject({ username: ADMIN.username })
  })

  it('counts failures per account: another account is not held up', async () => {
    await attempt(ADMIN.passphrase)
    await t.call('addAccount', { username: 'anna', displayName: 'Anna', roles: ['staff'], passphrase: 'anna koffie fiets regen' })
    await t.call('signOut')
    for (let i = 0; i < 6; i++) await expect(attempt('not the passphrase')).rejects.toBeTruthy()
    await expect(t.call('signIn', { username: 'anna', passphrase: 'anna koffie fiets regen' })).resolves.toMatchObject({ username: 'anna' })
  })
})

describe('the throttle rule (pure)', () => {
  it('lets the first five attempts through at once, then waits 2^(n-5) s after the last failure, at most 15 minutes', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 ** 12 }), { maxLength: 40 }), (raw) => {
        const failures = [...raw].sort((a, b) => a - b)
        const allowed = nextAttemptAllowedAt(failures)
        if (failures.length < FREE_ATTEMPTS) expect(allowed).toBe(0)
        else {
          const wait = allowed - failures[failures.length - 1]!
          expect(wait).toBe(Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures.length - FREE_ATTEMPTS)))
          expect(wait).toBeGreaterThan(0)
          expect(wait).toBeLessThanOrEqual(MAX_DELAY_MS)
        }
      })
    )
  })

  it('never waits less after one more failure', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 ** 9 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 10 ** 6 }), (raw, gap) => {
        const failures = [...raw].sort((a, b) => a - b)
        const more = [...failures, failures[failures.length - 1]! + gap]
        const waitBefore = nextAttemptAllowedAt(failures) - failures[failures.length - 1]!
        const waitAfter = nextAttemptAllowedAt(more) - more[more.length - 1]!
        if (failures.length >= FREE_ATTEMPTS) expect(waitAfter).toBeGreaterThanOrEqual(waitBefore)
      })
    )
  })
})
