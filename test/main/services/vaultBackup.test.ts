import { existsSync, readdirSync, writeFileSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { vaultPaths } from '../../../src/main/vault/vaultFiles'
import { dbFingerprint, fileHashes } from '../../reliability/support/vaultState'
import { AuditEntryEntity } from '../../../src/main/vault/entities/AuditEntry'
import { ADMIN, newTestApp } from '../../support/testApp'
import { fullIntake, prospect } from '../people/peopleFixtures'

/**
 * Backup and restore are contract operations (`backupVault`: admin or privacy officer;
 * `restoreVault`: admin only), so the CLI and the app go through the dispatcher's role check. A
 * refused restore leaves the vault and the session exactly as they were.
 */
const disposers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const d of disposers.splice(0)) await d()
})

const STAFF = { username: 'medewerker', passphrase: 'medewerker wachtwoordzin' }

async function vaultWithBackup() {
  const t = await newTestApp()
  disposers.push(() => t.dispose())
  await t.call('addAccount', { username: STAFF.username, displayName: 'Medewerker', roles: ['staff'], passphrase: STAFF.passphrase })
  const backup = join(t.dir, 'backup.dossier')
  expect(await t.call('backupVault', { file: backup })).toMatchObject({ bytes: expect.any(Number) })
  // Added after the backup: gone again once the backup is restored.
  await t.call('addAccount', { username: 'later', displayName: 'Later', roles: ['staff'], passphrase: 'later wachtwoordzin' })
  const usernames = async () => (await t.call('listAccounts')).map((a) => a.username).sort()
  /** Everything a restore could change: the rows and audit head, the keyring and manifest, and no staging left beside the vault. */
  const state = () => {
    const files = fileHashes(t.vaultDir)
    return {
      db: dbFingerprint(t.app.vault.db),
      keyring: files['keyring.json'],
      manifest: readFileSync(vaultPaths(t.vaultDir).manifest, 'utf8'),
      beside: readdirSync(dirname(t.vaultDir)).filter((f) => f.startsWith('.dossier-'))
    }
  }
  return { t, backup, usernames, state }
}

describe('backup and restore through the contract', () => {
  it('waits for a transaction left open across turns of the event loop (a retention run) and then copies what it committed', async () => {
    const t = await newTestApp()
    disposers.push(() => t.dispose())
    const db = t.app.vault.db
    db.exec('BEGIN IMMEDIATE')
    db.prepare("INSERT INTO setting (key, value) VALUES ('test.marker', '\"1\"')").run()
    const backup = t.call('backupVault', { file: join(t.dir, 'during.dossier') })
    await new Promise((resolve) => setTimeout(resolve, 20))
    db.exec('COMMIT')
    expect(await backup).toMatchObject({ bytes: expect.any(Number) })
  })

  it('restores a backup for an admin: the vault is as it was at the backup, and the admin is signed in to it', async () => {
    const { t, backup, usernames } = await vaultWithBackup()
    expect(await usernames()).toContain('later')
    const r = await t.call('restoreVault', { file: backup, passphrase: ADMIN.passphrase })
    expect(r.session.username).toBe(ADMIN.username)
    expect(t.app.currentSession?.username).toBe(ADMIN.username)
    expect(await usernames()).toEqual([ADMIN.username, STAFF.username].sort())
    const audit = await t.app.audit.list(t.app.vault.dataSource.manager, { limit: 10_000 })
    expect(audit.filter((e) => e.action === 'vault.restore')).toHaveLength(1)
    expect(readdirSync(dirname(t.vaultDir)).filter((f) => f.startsWith('.dossier-'))).toEqual([])
  })

  it('a restore is not reported as tampering (issue 15): witnessed heads stay consistent, the restore is marked and verify holds', async () => {
    const { t, backup } = await vaultWithBackup()
    // Witnessed heads newer than the backup: the staff member and the admin lock after more work.
    await t.app.signIn(STAFF.username, STAFF.passphrase)
    await t.app.lock('manual')
    await t.app.signIn(ADMIN.username, ADMIN.passphrase)
    const r = await t.call('restoreVault', { file: backup, passphrase: ADMIN.passphrase })
    expect(r.session.auditAlert ?? null).toBeNull()
    const [restore] = await t.app.audit.list(t.app.vault.dataSource.manager, { action: 'vault.restore' })
    expect(restore?.reason).toMatch(/^replaced \d+:[0-9a-f]{64} at \S+; mark [0-9a-f]{64}; re-applied 0$/)
    const v = await t.call('verifyAudit', {})
    expect(v).toMatchObject({ ok: true, witnesses: { failed: null } })
    await t.app.signOut()
    expect((await t.app.signIn(ADMIN.username, ADMIN.passphrase)).auditAlert ?? null).toBeNull()
  })

  it('keeps the vault as it was before the restore as a backup beside it (0700 folder, 0600 file) that restores it back', async () => {
    const { t, backup, usernames } = await vaultWithBackup()
    const r = await t.call('restoreVault', { file: backup, passphrase: ADMIN.passphrase })
    expect(dirname(r.preRestoreBackup)).toBe(`${t.vaultDir}.pre-restore`)
    expect(statSync(dirname(r.preRestoreBackup)).mode & 0o777).toBe(0o700)
    expect(statSync(r.preRestoreBackup).mode & 0o777).toBe(0o600)
    expect(await usernames()).not.toContain('later')
    await t.call('restoreVault', { file: r.preRestoreBackup, passphrase: ADMIN.passphrase })
    expect(await usernames()).toContain('later')
  })

  it('refuses a backup of another vault (issue 15 point 3) unless its vault id is typed, naming that id and changing nothing', async () => {
    const { t, state } = await vaultWithBackup()
    const other = await newTestApp()
    disposers.push(() => other.dispose())
    const foreign = join(other.dir, 'foreign.dossier')
    await other.call('backupVault', { file: foreign })
    const before = state()
    const refused = await t.invoke('restoreVault', { file: foreign, passphrase: ADMIN.passphrase })
    expect(refused).toMatchObject({ ok: false, error: { code: 'BACKUP_OTHER_VAULT', detail: { backupVaultId: other.app.vault.vaultId } } })
    expect(state()).toEqual(before)
    expect(existsSync(`${t.vaultDir}.pre-restore`)).toBe(false)
    expect(await t.invoke('restoreVault', { file: foreign, passphrase: ADMIN.passphrase, replaceWithOtherVault: 'not-the-id' })).toMatchObject({ ok: false, error: { code: 'BACKUP_OTHER_VAULT' } })

    const r = await t.call('restoreVault', { file: foreign, passphrase: ADMIN.passphrase, replaceWithOtherVault: other.app.vault.vaultId })
    expect(t.app.vault.vaultId).toBe(other.app.vault.vaultId)
    expect(existsSync(r.preRestoreBackup)).toBe(true)
  })

  it('refuses a staff account’s restore with FORBIDDEN and leaves the vault untouched', async () => {
    const { t, backup, state } = await vaultWithBackup()
    await t.app.signIn(STAFF.username, STAFF.passphrase)
    const before = state()
    expect(await t.invoke('restoreVault', { file: backup, passphrase: STAFF.passphrase })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(t.app.currentSession?.username).toBe(STAFF.username)
    expect(state()).toEqual(before)
    await t.app.signIn(ADMIN.username, ADMIN.passphrase)
    expect((await t.call('listAccounts')).map((a) => a.username)).toContain('later')
  })

  it('refuses a restore by an account that is no admin in the backup, before touching anything', async () => {
    const { t, state } = await vaultWithBackup()
    // Another office's vault, in which the signed-in admin's name is a staff account only.
    const other = await newTestApp({ setup: false })
    disposers.push(() => other.dispose())
    await other.app.setup({ username: 'beheer2', displayName: 'Ander', passphrase: 'ander wachtwoordzin' })
    await other.call('addAccount', { username: ADMIN.username, displayName: 'Geen beheerder', roles: ['staff'], passphrase: ADMIN.passphrase })
    const foreign = join(t.dir, 'foreign.dossier')
    await other.call('backupVault', { file: foreign })

    const before = state()
    // Even with the other vault's id typed (it is another vault), the account must be its admin.
    const replaceWithOtherVault = other.app.vault.vaultId
    expect(await t.invoke('restoreVault', { file: foreign, passphrase: ADMIN.passphrase, replaceWithOtherVault })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(t.app.currentSession?.username).toBe(ADMIN.username)
    expect(state()).toEqual(before)
  })

  it('refuses a damaged backup with BACKUP_UNREADABLE and a wrong passphrase as such; the session and the vault stay', async () => {
    const { t, backup, state } = await vaultWithBackup()
    const bytes = readFileSync(backup)
    const damaged = join(t.dir, 'damaged.dossier')
    writeFileSync(damaged, Buffer.concat([bytes.subarray(0, bytes.length - 5000), Buffer.alloc(5000, 1)]))
    const before = state()
    expect(await t.invoke('restoreVault', { file: damaged, passphrase: ADMIN.passphrase })).toMatchObject({ ok: false, error: { code: 'BACKUP_UNREADABLE' } })
    expect(await t.invoke('restoreVault', { file: backup, passphrase: 'niet de goede wachtwoordzin' })).toMatchObject({
      ok: false,
      error: { code: 'VAULT_WRONG_PASSPHRASE' }
    })
    expect(t.app.currentSession?.username).toBe(ADMIN.username)
    expect(state()).toEqual(before)
  })

  it('writes backups only to an absolute path ending in .dossier, in a folder that exists', async () => {
    const { t } = await vaultWithBackup()
    for (const file of ['backup.dossier', '../../etc/passwd', join(t.dir, 'backup.txt')]) {
      expect(await t.invoke('backupVault', { file }), file).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    }
    expect(await t.invoke('backupVault', { file: join(t.dir, 'no-such-folder', 'backup.dossier') })).toMatchObject({ ok: false, error: { code: 'BACKUP_UNWRITABLE' } })
    expect(existsSync(join(t.dir, 'backup.txt'))).toBe(false)
  })

  it('lets a privacy officer back up but not restore, and staff neither', async () => {
    const { t, backup } = await vaultWithBackup()
    await t.call('addAccount', { username: 'privacy', displayName: 'Privacy', roles: ['privacy_officer'], passphrase: 'privacy wachtwoordzin' })
    await t.app.signIn('privacy', 'privacy wachtwoordzin')
    expect((await t.invoke('backupVault', { file: join(t.dir, 'po.dossier') })).ok).toBe(true)
    expect(await t.invoke('restoreVault', { file: backup, passphrase: 'privacy wachtwoordzin' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    await t.app.signIn(STAFF.username, STAFF.passphrase)
    expect(await t.invoke('backupVault', { file: join(t.dir, 'staff.dossier') })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('previews what a restore undoes (issue 15 point 3): the backup\'s date, and the audit entries, persons and erasures newer than it', async () => {
    const { t, backup, state } = await vaultWithBackup()
    // vaultWithBackup: the backup, then one account added. Now two persons exist from before a second backup…
    const erased = (await t.call('createPerson', fullIntake())).personId
    await t.call('createPerson', prospect())
    const audit = t.app.vault.dataSource.getRepository(AuditEntryEntity)
    const second = join(t.dir, 'second.dossier')
    await t.call('backupVault', { file: second })
    const backupSeq = (await audit.findOneByOrFail({ action: 'vault.backup', seq: (await audit.maximum('seq'))! })).seq - 1
    const takenAt = (await audit.findOneByOrFail({ seq: backupSeq })).at
    // …and after it, a day later: one of them erased, two persons added.
    t.clock.set('2026-11-28T09:00:00Z')
    await t.call('requestAndApplyErasure', { personId: erased, reason: 'Verzoek van betrokkene' })
    await t.call('createPerson', prospect({ givenName: 'Sem', familyName: 'de Wit', email: 'sem.dewit@example.com', source: { kind: 'walk-in' } }))
    await t.call('createPerson', prospect({ givenName: 'Lotte', familyName: 'Jansen', email: 'lotte.jansen@example.com', source: { kind: 'walk-in' } }))

    const before = state()
    const preview = await t.call('previewRestore', { file: second, passphrase: ADMIN.passphrase })
    const newerAudit = (await audit.count()) - backupSeq
    expect(preview).toEqual({
      backup: { vaultId: t.app.vault.vaultId, sameVault: true, takenAt, persons: 2, auditEntries: backupSeq },
      newerThanBackup: { auditEntries: newerAudit, persons: 2, erasures: 1 },
      reapply: 1
    })
    // Nothing changed, nothing left beside the vault.
    expect(state()).toEqual(before)

    // The first backup (before both persons): none of the three persons of now is in it; the erasure is
    // newer than it too, but there is nobody to erase again in it.
    const first = await t.call('previewRestore', { file: backup, passphrase: ADMIN.passphrase })
    expect(first).toMatchObject({ backup: { persons: 0 }, newerThanBackup: { persons: 3, erasures: 1 }, reapply: 0 })

    // The restore then does what the preview said.
    expect(await t.call('restoreVault', { file: second, passphrase: ADMIN.passphrase })).toMatchObject({ reapplied: 1 })
    expect((await t.call('searchPersons', { includeShielded: true })).items.map((p) => p.familyName)).toEqual(['El Amrani'])
  })

  it('previews only for an admin, with the refusals of the restore itself (another vault, damaged file)', async () => {
    const { t, backup } = await vaultWithBackup()
    const other = await newTestApp()
    disposers.push(() => other.dispose())
    const foreign = join(other.dir, 'foreign.dossier')
    await other.call('backupVault', { file: foreign })
    expect(await t.invoke('previewRestore', { file: foreign, passphrase: ADMIN.passphrase })).toMatchObject({ ok: false, error: { code: 'BACKUP_OTHER_VAULT' } })
    const typed = await t.call('previewRestore', { file: foreign, passphrase: ADMIN.passphrase, replaceWithOtherVault: other.app.vault.vaultId })
    expect(typed).toMatchObject({ backup: { sameVault: false, vaultId: other.app.vault.vaultId }, reapply: 0 })
    await t.app.signIn(STAFF.username, STAFF.passphrase)
    expect(await t.invoke('previewRestore', { file: backup, passphrase: STAFF.passphrase })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
