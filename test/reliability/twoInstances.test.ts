import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../src/main/services/dispatcher'
import { vaultPaths } from '../../src/main/vault/vaultFiles'
import { runCli } from '../support/cli'
import { ADMIN, newTestApp } from '../support/testApp'
import { intakeInputs } from './support/intake'
import { bareApp, fileHashes, healthOf } from './support/vaultState'

/**
 * Two app instances on one vault (issue 8): the second is refused with VAULT_BUSY — in the same
 * process (a second window) and from another process (the CLI while the app runs) — and the first
 * keeps working, its data intact.
 */
const TODAY = '2026-11-27'
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

const CLI_BUILT = existsSync(join(__dirname, '../../out/main/cli.js'))

describe('two instances on one vault', () => {
  it('refuses a second window with VAULT_BUSY while the first keeps saving and finding people', async () => {
    const t = await newTestApp()
    cleanups.push(() => t.dispose())
    const [first, second] = intakeInputs({ count: 2, seed: 91, today: TODAY })
    const { personId } = await t.call('createPerson', { ...first!, confirmNotDuplicate: true })

    const other = bareApp(t.vaultDir, TODAY)
    cleanups.push(() => other.close())
    const refused = await createDispatcher(other)('signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase })
    expect(refused).toMatchObject({ ok: false, error: { code: 'VAULT_BUSY' } })
    expect(other.vaultState()).toBe('locked')
    // …and the refused instance cannot do anything on the vault either.
    expect(await createDispatcher(other)('searchPersons', {})).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } })

    const next = await t.call('createPerson', { ...second!, confirmNotDuplicate: true })
    const found = await t.call('searchPersons', { query: String(second!['familyName']).slice(0, 3) })
    expect(found.items.map((i) => i.id)).toContain(next.personId)
    expect((await t.call('getPerson', { personId })).id).toBe(personId)
    expect(t.app.vault.db.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it.skipIf(!CLI_BUILT)('refuses the CLI (another process) with VAULT_BUSY and changes nothing; the app keeps working', async () => {
    const t = await newTestApp()
    cleanups.push(() => t.dispose())
    const [first, second] = intakeInputs({ count: 2, seed: 92, today: TODAY })
    await t.call('createPerson', { ...first!, confirmNotDuplicate: true })
    t.app.vault.checkpoint()
    const lockBefore = fileHashes(t.vaultDir)['dossier.lock']

    const env = { DOSSIER_PASSPHRASE: ADMIN.passphrase, DOSSIER_USER: ADMIN.username }
    const busy = runCli(['--vault', t.vaultDir, 'status', '--json'], env)
    expect(busy.code).toBe(1)
    expect(JSON.parse(busy.stderr)).toMatchObject({ error: { code: 'VAULT_BUSY' } })
    const seeding = runCli(['--vault', t.vaultDir, 'seed-demo', '--persons', '50', '--seed', '7'], env)
    expect(seeding.code).toBe(1)
    expect(seeding.stderr).toMatch(/^error VAULT_BUSY/)
    // The first instance's lock is still its own, and it carries on.
    expect(fileHashes(t.vaultDir)['dossier.lock']).toBe(lockBefore)
    await t.call('createPerson', { ...second!, confirmNotDuplicate: true })
    expect((t.app.vault.db.prepare('SELECT count(*) AS n FROM person').get() as { n: number }).n).toBe(2)

    // Once the app closes, the CLI gets in.
    await t.app.signOut()
    expect(existsSync(vaultPaths(t.vaultDir).lock)).toBe(false)
    const status = runCli(['--vault', t.vaultDir, 'status', '--json'], env)
    expect(status.code).toBe(0)
    expect(status.json<{ persons: number }>().persons).toBe(2)
    const h = await healthOf(t.vaultDir)
    expect(h.integrity).toBe('ok')
    expect(h.chain.ok).toBe(true)
    await h.app.close()
  })
})
