import { copyFileSync, cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../src/main/services/dispatcher'
import type { Envelope } from '../../src/shared/contract/client'
import { restoreBackup, writeBackup } from '../../src/main/vault/backup'
import { vaultPaths } from '../../src/main/vault/vaultFiles'
import { runCli } from '../support/cli'
import { ADMIN, newTestApp } from '../support/testApp'
import { intakeInputs } from './support/intake'
import { mountSmallDisk } from './support/smallDisk'
import { bareApp, fileHashes, healthOf } from './support/vaultState'

/**
 * Damaged files (issue 8): each kind of damage is refused with its own error code, and the
 * attempt never makes things worse — the vault's files stay byte-for-byte as they were, and the
 * backup taken before the damage restores everything.
 *
 * Tests marked `it.fails` are KNOWN GAPS, reported to the lead (the fix is in src/main/vault and
 * services, not in this suite's files): each asserts the behaviour we want and currently fails on
 * exactly that assertion. When a gap is fixed the `.fails` test starts failing — then drop
 * `.fails`. The paired plain `it` guards what already holds.
 */

const TODAY = '2026-11-27'
const PAGE = 4096
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/** A vault with 40 synthetic persons, a backup of it, closed; and its files' fingerprint. */
async function damagedVaultFixture() {
  const t = await newTestApp()
  cleanups.push(() => t.dispose())
  for (const input of intakeInputs({ count: 40, seed: 81, today: TODAY })) {
    await t.call('createPerson', { ...input, particulars: 'Beschikbaar in de avonduren. '.repeat(60), confirmNotDuplicate: true })
  }
  const db = t.app.vault.db
  // The account table's root page: every sign-in reads it right after the database opened.
  const accountPage = (db.prepare("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'account'").get() as { rootpage: number }).rootpage
  const backup = join(t.dir, 'before-damage.dossier')
  writeBackup(t.app.vault, backup)
  await t.app.signOut()
  const paths = vaultPaths(t.vaultDir)
  return { t, paths, backup, accountPage, original: readFileSync(paths.db) }
}

/** Zeroes the page in the middle of the fixture's database file (real damage: its Poly1305 tag fails). */
function zeroMiddlePage(f: { paths: { db: string }; original: Buffer }): void {
  const middle = Math.floor(f.original.length / PAGE / 2)
  const damaged = Buffer.from(f.original)
  damaged.fill(0, middle * PAGE, (middle + 1) * PAGE)
  writeFileSync(f.paths.db, damaged)
}

/** Sign in the way the app does (through the dispatcher); close whatever it opened. */
async function signInAttempt(vaultDir: string): Promise<{ r: Envelope; lockLeft: boolean }> {
  const app = bareApp(vaultDir, TODAY)
  const r = await createDispatcher(app)('signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase })
  try {
    await app.close()
  } catch {
    /* a damaged vault may fail to close; what it left behind is what we check */
  }
  return { r, lockLeft: existsSync(vaultPaths(vaultDir).lock) }
}

function codeOf(r: Envelope): string {
  return r.ok ? 'OK' : r.error.code
}

/** The offered way back: restoring the backup brings every person back, healthy. */
async function expectBackupRestores(vaultDir: string, backup: string, persons: number): Promise<void> {
  rmSync(vaultPaths(vaultDir).lock, { force: true }) // a leaked lock (see the gaps below) must not hide the rest
  await restoreBackup(backup, vaultDir, { username: ADMIN.username, passphrase: ADMIN.passphrase })
  const h = await healthOf(vaultDir)
  try {
    expect(h.integrity).toBe('ok')
    expect(h.chain.ok).toBe(true)
    expect((h.app.vault.db.prepare('SELECT count(*) AS n FROM person').get() as { n: number }).n).toBe(persons)
  } finally {
    await h.app.close()
  }
}

describe('damaged vault files', () => {
  it('a truncated database is refused without INTERNAL, left byte-for-byte unchanged, and the backup restores it', async () => {
    const f = await damagedVaultFixture()
    writeFileSync(f.paths.db, f.original.subarray(0, Math.floor(f.original.length / 2 / PAGE) * PAGE))
    const before = fileHashes(f.t.vaultDir)
    const { r, lockLeft } = await signInAttempt(f.t.vaultDir)
    expect(r.ok).toBe(false)
    expect(codeOf(r)).not.toBe('INTERNAL')
    expect(fileHashes(f.t.vaultDir)).toEqual(before)
    expect(lockLeft).toBe(false)
    await expectBackupRestores(f.t.vaultDir, f.backup, 40)
  })

  // GAP: classifyOpenError maps SQLITE_CORRUPT to VAULT_NOT_A_VAULT ("not this vault"); a file
  // whose key is proven by the keyring's authenticated slot is damaged, not foreign.
  it('names a truncated database VAULT_DAMAGED', async () => {
    const f = await damagedVaultFixture()
    writeFileSync(f.paths.db, f.original.subarray(0, Math.floor(f.original.length / 2 / PAGE) * PAGE))
    expect(codeOf((await signInAttempt(f.t.vaultDir)).r)).toBe('VAULT_DAMAGED')
  })

  it('a zeroed page in the middle is caught by the integrity check, and the backup restores the vault', async () => {
    const f = await damagedVaultFixture()
    zeroMiddlePage(f)
    const { r } = await signInAttempt(f.t.vaultDir)
    expect(codeOf(r)).not.toBe('INTERNAL')
    if (r.ok) {
      // Today the damaged vault still opens: at least the integrity check must see the damage.
      const h = await healthOf(f.t.vaultDir).catch(() => null)
      if (h) {
        expect(h.integrity).not.toBe('ok')
        await h.app.close().catch(() => undefined)
      }
    }
    await expectBackupRestores(f.t.vaultDir, f.backup, 40)
  })

  // Issue 8 wanted the pages checked before anything is written; issue 18 wants unlock not to grow
  // with the vault. Both hold: the check runs after unlock on a worker thread while the connection
  // stays read-only, so the vault with a zeroed page opens for reading, the check answers
  // 'damaged', every write says VAULT_DAMAGED, and not one byte of the files changes — not the
  // sign-in's audit entry, not the sign-out's, not the keyring's witness.
  it('a vault with a zeroed page is found damaged after sign-in: every write is refused with VAULT_DAMAGED and nothing is written', async () => {
    const f = await damagedVaultFixture()
    zeroMiddlePage(f)
    const before = fileHashes(f.t.vaultDir)
    const app = bareApp(f.t.vaultDir, TODAY)
    const invoke = createDispatcher(app)
    expect(codeOf(await invoke('signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase }))).toBe('OK')
    const check = await invoke('awaitVaultCheck', {})
    expect(check.ok && check.value).toEqual({ integrity: 'damaged' })
    const [person] = intakeInputs({ count: 1, seed: 83, today: TODAY })
    expect(codeOf(await invoke('createPerson', { ...person!, confirmNotDuplicate: true }))).toBe('VAULT_DAMAGED')
    expect(codeOf(await invoke('backupVault', { file: join(f.t.dir, 'from-damaged.dossier') }))).toBe('VAULT_DAMAGED')
    expect(codeOf(await invoke('signOut', {}))).toBe('OK')
    await app.close()
    expect(fileHashes(f.t.vaultDir)).toEqual(before)
    expect(existsSync(vaultPaths(f.t.vaultDir).lock)).toBe(false)
    expect(existsSync(join(f.t.dir, 'from-damaged.dossier'))).toBe(false)
  })

  it('the CLI refuses a vault with a zeroed page with VAULT_DAMAGED before any command runs, and writes nothing', async () => {
    const f = await damagedVaultFixture()
    zeroMiddlePage(f)
    const before = fileHashes(f.t.vaultDir)
    const r = runCli(['--vault', f.t.vaultDir, '--user', ADMIN.username, 'status'], { DOSSIER_PASSPHRASE: ADMIN.passphrase })
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^error VAULT_DAMAGED: /)
    expect(r.stdout).toBe('')
    expect(fileHashes(f.t.vaultDir)).toEqual(before)
    expect(existsSync(vaultPaths(f.t.vaultDir).lock)).toBe(false)
  })

  it('damage met while signing in (the account table) is recoverable from the backup', async () => {
    const f = await damagedVaultFixture()
    const damaged = Buffer.from(f.original)
    damaged.fill(0, (f.accountPage - 1) * PAGE, f.accountPage * PAGE)
    writeFileSync(f.paths.db, damaged)
    const { r } = await signInAttempt(f.t.vaultDir)
    expect(r.ok).toBe(false)
    await expectBackupRestores(f.t.vaultDir, f.backup, 40)
  })

  // GAP: DossierApp.signIn does not close the vault when a step after Vault.open fails (here the
  // account lookup hits the damaged page): the answer is INTERNAL, the connection stays open and
  // `dossier.lock` stays behind, so every later sign-in in this process says VAULT_BUSY.
  it('damage met while signing in gives VAULT_DAMAGED and releases the vault', async () => {
    const f = await damagedVaultFixture()
    const damaged = Buffer.from(f.original)
    damaged.fill(0, (f.accountPage - 1) * PAGE, f.accountPage * PAGE)
    writeFileSync(f.paths.db, damaged)
    const before = fileHashes(f.t.vaultDir)
    const { r, lockLeft } = await signInAttempt(f.t.vaultDir)
    expect(codeOf(r)).toBe('VAULT_DAMAGED')
    expect(lockLeft).toBe(false)
    expect(fileHashes(f.t.vaultDir)).toEqual(before)
  })

  it('a truncated keyring is VAULT_KEYRING_CORRUPT and nothing is touched', async () => {
    const f = await damagedVaultFixture()
    const keyring = readFileSync(f.paths.keyring)
    writeFileSync(f.paths.keyring, keyring.subarray(0, Math.floor(keyring.length / 3)))
    const before = fileHashes(f.t.vaultDir)
    const { r, lockLeft } = await signInAttempt(f.t.vaultDir)
    expect(codeOf(r)).toBe('VAULT_KEYRING_CORRUPT')
    expect(fileHashes(f.t.vaultDir)).toEqual(before)
    expect(lockLeft).toBe(false)
    // Putting the keyring back (it is in every backup) is all it takes.
    writeFileSync(f.paths.keyring, keyring)
    const h = await healthOf(f.t.vaultDir)
    expect(h.integrity).toBe('ok')
    await h.app.close()
  })

  it('a keyring swapped in from another vault is VAULT_KEYRING_MISMATCH; with its manifest too, VAULT_NOT_A_VAULT; nothing is touched', async () => {
    const f = await damagedVaultFixture()
    const other = await newTestApp()
    cleanups.push(() => other.dispose())
    await other.app.signOut()
    const otherPaths = vaultPaths(other.vaultDir)
    copyFileSync(otherPaths.keyring, f.paths.keyring)
    let before = fileHashes(f.t.vaultDir)
    let attempt = await signInAttempt(f.t.vaultDir)
    expect(codeOf(attempt.r)).toBe('VAULT_KEYRING_MISMATCH')
    expect(fileHashes(f.t.vaultDir)).toEqual(before)
    // The same admin name and passphrase exist in the other vault: its key must still not open ours.
    copyFileSync(otherPaths.manifest, f.paths.manifest)
    before = fileHashes(f.t.vaultDir)
    attempt = await signInAttempt(f.t.vaultDir)
    expect(codeOf(attempt.r)).toBe('VAULT_NOT_A_VAULT')
    expect(fileHashes(f.t.vaultDir)).toEqual(before)
    expect(attempt.lockLeft).toBe(false)
    expect(readFileSync(f.paths.db).equals(f.original)).toBe(true)
  })
})

describe('a read-only vault folder and a full disk', () => {
  it('a read-only vault folder is refused without touching anything, and opens once writable again', async (ctx) => {
    const f = await damagedVaultFixture()
    const disk = mountSmallDisk(f.t.dir, 8)
    if ('reason' in disk) {
      process.stderr.write(`skipped read-only folder case: ${disk.reason}\n`)
      ctx.skip()
      return
    }
    cleanups.push(() => disk.unmount())
    const vaultDir = join(disk.dir, 'vault')
    cpSync(f.t.vaultDir, vaultDir, { recursive: true })
    disk.setReadOnly(true)
    const before = fileHashes(vaultDir)
    const { r, lockLeft } = await signInAttempt(vaultDir)
    expect(r.ok).toBe(false)
    expect(fileHashes(vaultDir)).toEqual(before)
    expect(lockLeft).toBe(false)
    disk.setReadOnly(false)
    const h = await healthOf(vaultDir)
    expect(h.integrity).toBe('ok')
    expect((h.app.vault.db.prepare('SELECT count(*) AS n FROM person').get() as { n: number }).n).toBe(40)
    await h.app.close()
  })

  // GAP: acquireLock's EROFS/EACCES escapes unclassified, so the answer is INTERNAL.
  it('names a read-only vault folder VAULT_READ_ONLY', async (ctx) => {
    const f = await damagedVaultFixture()
    const disk = mountSmallDisk(f.t.dir, 8)
    if ('reason' in disk) {
      ctx.skip()
      return
    }
    cleanups.push(() => disk.unmount())
    const vaultDir = join(disk.dir, 'vault')
    cpSync(f.t.vaultDir, vaultDir, { recursive: true })
    disk.setReadOnly(true)
    expect(codeOf((await signInAttempt(vaultDir)).r)).toBe('VAULT_READ_ONLY')
  })

  /** A vault on a 2 MiB file system, signed in, with the disk then filled to the last byte. */
  async function fullDiskFixture(ctx: { skip: () => void }) {
    const f = await damagedVaultFixture()
    const disk = mountSmallDisk(f.t.dir, 2)
    if ('reason' in disk) {
      process.stderr.write(`skipped full-disk case: ${disk.reason}\n`)
      ctx.skip()
      return null
    }
    cleanups.push(() => disk.unmount())
    const vaultDir = join(disk.dir, 'vault')
    cpSync(f.t.vaultDir, vaultDir, { recursive: true })
    const app = bareApp(vaultDir, TODAY)
    cleanups.push(async () => app.close().catch(() => undefined))
    const invoke = createDispatcher(app)
    expect(codeOf(await invoke('signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase }))).toBe('OK')
    const filler = join(disk.dir, 'filler')
    try {
      writeFileSync(filler, Buffer.alloc(4 * 1024 * 1024))
    } catch (e) {
      expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC')
    }
    const [next] = intakeInputs({ count: 1, seed: 82, today: TODAY })
    return { vaultDir, app, invoke, filler, person: { ...next!, particulars: 'Graag parttime. '.repeat(200), confirmNotDuplicate: true } }
  }

  it('on a full disk a save is refused and nothing half-written remains once space is freed', async (ctx) => {
    const d = await fullDiskFixture(ctx)
    if (!d) return
    const r = await d.invoke('createPerson', d.person)
    expect(r.ok).toBe(false)
    rmSync(d.filler)
    expect(codeOf(await d.invoke('signOut', {}))).toBe('OK')
    const h = await healthOf(d.vaultDir)
    try {
      expect(h.integrity).toBe('ok')
      expect(h.chain.ok).toBe(true)
      expect((h.app.vault.db.prepare('SELECT count(*) AS n FROM person').get() as { n: number }).n).toBe(40)
      expect(h.app.vault.db.prepare('SELECT count(*) AS n FROM person p WHERE NOT EXISTS (SELECT 1 FROM person_role r WHERE r.personId = p.id)').get()).toEqual({ n: 0 })
    } finally {
      await h.app.close()
    }
  })

  // GAP: SQLITE_FULL reaches the dispatcher unclassified: the user reads INTERNAL.
  it('names a full disk DISK_FULL', async (ctx) => {
    const d = await fullDiskFixture(ctx)
    if (!d) return
    expect(codeOf(await d.invoke('createPerson', d.person))).toBe('DISK_FULL')
  })

  // GAP: DossierApp.signOut/lock write their audit entry before closing and do not close when
  // that write fails, so on a full disk the vault stays open (and locked to this process).
  it('signing out on a full disk still closes the vault', async (ctx) => {
    const d = await fullDiskFixture(ctx)
    if (!d) return
    await d.invoke('signOut', {})
    expect(d.app.vaultState()).toBe('locked')
    expect(existsSync(vaultPaths(d.vaultDir).lock)).toBe(false)
  })
})
