import { existsSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { stageBackup } from '../../../src/main/vault/backup'
import { vaultPaths, writeFileAtomic } from '../../../src/main/vault/vaultFiles'
import { restorePendingPath } from '../../../src/main/vault/vaultReplacement'
import { ADMIN, newTestApp } from '../../support/testApp'

/**
 * Issue 15 point 3: a restore killed half-way must leave a vault that opens — the one before, or
 * the restored one, whole. The replacement is noted first and done with renames only; each test
 * stops it at one point (as a SIGKILL would) and opens the vault again.
 */
const disposers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const d of disposers.splice(0)) await d()
})

const BROUGHT = ['vault.json', 'keyring.json', 'dossier.db']

async function vaultWithStagedBackup() {
  const t = await newTestApp()
  disposers.push(() => t.dispose())
  const backup = join(t.dir, 'backup.dossier')
  await t.call('backupVault', { file: backup })
  await t.call('addAccount', { username: 'later', displayName: 'Later', roles: ['staff'], passphrase: 'later wachtwoordzin lang' })
  await t.app.signOut()
  const staged = await stageBackup(backup, t.vaultDir, ADMIN)
  const accounts = async () => {
    await t.app.signIn(ADMIN.username, ADMIN.passphrase)
    const names = (await t.call('listAccounts')).map((a) => a.username).sort()
    const integrity = t.app.vault.db.pragma('integrity_check', { simple: true })
    const alert = t.app.session.auditAlert ?? null
    await t.app.signOut()
    return { names, integrity, alert }
  }
  return { t, staged, accounts }
}

/** The replacement as `replaceVaultFiles` does it, stopped after `moved` of the backup's files. */
function interruptedReplacement(vaultDir: string, stagingDir: string, opts: { removedOld: boolean; moved: number }): void {
  writeFileAtomic(vaultPaths(vaultDir).reapplyPending, '')
  writeFileAtomic(restorePendingPath(vaultDir), basename(stagingDir))
  if (opts.removedOld) {
    for (const f of readdirSync(vaultDir)) if (!['erasures.ledger', 'reapply.pending', 'restore.pending', 'signin-failures.json'].includes(f)) rmSync(join(vaultDir, f))
  }
  for (const f of BROUGHT.slice(0, opts.moved)) renameSync(join(stagingDir, f), join(vaultDir, f))
}

describe('a restore interrupted at any point is finished by the next open', () => {
  it('before the note: the vault is the old one, whole', async () => {
    const { staged, accounts } = await vaultWithStagedBackup()
    staged.discard()
    expect(await accounts()).toEqual({ names: [ADMIN.username, 'later'], integrity: 'ok', alert: null })
  })

  for (const point of [
    { removedOld: false, moved: 0 },
    { removedOld: true, moved: 0 },
    { removedOld: true, moved: 1 },
    { removedOld: true, moved: 2 },
    { removedOld: true, moved: 3 }
  ]) {
    it(`after the note, ${point.removedOld ? 'the old files removed' : 'nothing removed yet'}, ${point.moved} of 3 files moved in: the restored vault opens, whole`, async () => {
      const { t, staged, accounts } = await vaultWithStagedBackup()
      // The old vault's WAL must never meet the restored database.
      writeFileSync(`${vaultPaths(t.vaultDir).db}-wal`, Buffer.alloc(4096, 7), { mode: 0o600 })
      interruptedReplacement(t.vaultDir, staged.dir, point)
      expect(t.app.vaultState()).toBe('locked') // never the first-run screen half-way
      expect(await accounts()).toEqual({ names: [ADMIN.username], integrity: 'ok', alert: null })
      expect(existsSync(restorePendingPath(t.vaultDir))).toBe(false)
      expect(readdirSync(staged.dir)).toEqual([])
      staged.discard()
      expect(existsSync(staged.dir)).toBe(false)
    })
  }

  it('a damaged note is refused as damage, never guessed at', async () => {
    const { t, staged } = await vaultWithStagedBackup()
    writeFileAtomic(restorePendingPath(t.vaultDir), '../../etc')
    await expect(t.app.signIn(ADMIN.username, ADMIN.passphrase)).rejects.toMatchObject({ code: 'VAULT_DAMAGED' })
    rmSync(restorePendingPath(t.vaultDir))
    staged.discard()
  })
})
