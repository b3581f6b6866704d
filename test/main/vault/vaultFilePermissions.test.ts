import { chmodSync, mkdirSync, readdirSync, statSync, truncateSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createDossierApp } from '../../../src/main/services/createDossierApp'
import { FixedClock } from '../../../src/main/clock'
import { vaultPaths } from '../../../src/main/vault/vaultFiles'
import { ADMIN, TEST_KDF_N, newTestApp, tempDir } from '../../support/testApp'

/** Issue 15 point 6: the vault folder 0700, every file in it 0600; an empty database is damage, never a new vault. */
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

const modeOf = (path: string) => statSync(path).mode & 0o777
function modes(dir: string): Record<string, number> {
  return Object.fromEntries(readdirSync(dir).map((f) => [f, modeOf(join(dir, f))]))
}

describe('vault file permissions', () => {
  it('tightens a vault created in a 0777 folder under a loose umask: folder 0700, every file 0600', async () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const vaultDir = join(dir, 'vault')
    mkdirSync(vaultDir, { mode: 0o777 })
    chmodSync(vaultDir, 0o777)
    const umask = process.umask(0o000) // SQLite creates its files 0666 & ~umask
    try {
      const app = createDossierApp({ vaultDir, clock: new FixedClock('2026-12-05T10:00:00Z'), kdfN: TEST_KDF_N })
      cleanups.push(() => app.close())
      await app.setup(ADMIN)
    } finally {
      process.umask(umask)
    }
    expect(modeOf(vaultDir)).toBe(0o700)
    const files = modes(vaultDir)
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['dossier.db', 'dossier.db-wal', 'keyring.json', 'vault.json']))
    for (const [name, mode] of Object.entries(files)) expect(mode, name).toBe(0o600)
  })

  it('tightens a database file someone made 0644, at the next sign-in, and records that in the audit trail', async () => {
    const t = await newTestApp()
    cleanups.push(() => t.dispose())
    await t.app.signOut()
    const { db, dir } = vaultPaths(t.vaultDir)
    chmodSync(db, 0o644)
    chmodSync(dir, 0o755)
    await t.app.signIn(ADMIN.username, ADMIN.passphrase)
    expect(modeOf(db)).toBe(0o600)
    expect(modeOf(dir)).toBe(0o700)
    // Issue 18: the sign-in's entries follow once the unlock's background integrity check allows writes.
    expect(await t.app.vaultCheck()).toBe('ok')
    const tightened = () => t.app.audit.list(t.app.vault.dataSource.manager, { action: 'vault.permissions-tightened' })
    // The database, the folder and the journal files SQLite made in the database's mode.
    expect((await tightened()).map((e) => e.reason)).toEqual([expect.stringMatching(/^[2-4] file\(s\) or folder\(s\) were readable by others$/)])
    await t.app.signOut()
    await t.app.signIn(ADMIN.username, ADMIN.passphrase)
    expect(await t.app.vaultCheck()).toBe('ok')
    expect(await tightened()).toHaveLength(1) // nothing to tighten the next time: no new entry
  })

  it('refuses an empty database file as damaged, and does not turn it into a new, empty vault', async () => {
    const t = await newTestApp()
    cleanups.push(() => t.dispose())
    await t.app.signOut()
    const { db } = vaultPaths(t.vaultDir)
    truncateSync(db, 0)
    await expect(t.app.signIn(ADMIN.username, ADMIN.passphrase)).rejects.toMatchObject({ code: 'VAULT_DAMAGED' })
    expect(statSync(db).size).toBe(0)
  })
})
