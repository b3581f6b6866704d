import { SignInJournal } from '../../../src/main/accounts/signInJournal'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AuditEntryEntity } from '../../../src/main/vault/entities/AuditEntry'
import { PersonEntity } from '../../../src/main/vault/entities/Person'
import { TombstoneEntity } from '../../../src/main/vault/entities/Retention'
import { readLedgerLines } from '../../../src/main/vault/erasureLedger'
import { vaultPaths } from '../../../src/main/vault/vaultFiles'
import { TEST_ENGINE } from '../../support/serverTestApp'
import { ADMIN, newTestApp } from '../../support/testApp'
import { fullIntake, prospect } from '../people/peopleFixtures'
import { insertRichPerson } from '../rights/richPerson'

/**
 * Issue 15 point 3, R-15, R-19: a restore of an older backup never brings an erased or
 * retention-deleted person back. Every removal is noted in the erasure ledger beside the vault
 * (keyed hashes only), which a restore keeps, and the first open of the restored vault re-applies
 * what the backup does not show, as of the original date, before anything else runs.
 */
const disposers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const d of disposers.splice(0)) await d()
})

// Local only: a backup file of the local vault, its erasure ledger file and their restore (the
// office server has neither: its backups are its administrator's, its ledger a table).
const localOnly = describe.skipIf(TEST_ENGINE === 'postgres')

async function app() {
  const t = await newTestApp()
  disposers.push(() => t.dispose())
  return t
}

type T = Awaited<ReturnType<typeof app>>

async function backup(t: T, name = 'backup.dossier'): Promise<string> {
  const file = join(t.dir, name)
  await t.call('backupVault', { file })
  return file
}

async function searchNames(t: T, query: string): Promise<number> {
  return (await t.call('searchPersons', { query, includeShielded: true })).items.length
}

async function exists(t: T, personId: string): Promise<boolean> {
  return t.app.vault.dataSource.getRepository(PersonEntity).existsBy({ id: personId })
}

async function reapplyAudit(t: T) {
  return t.app.vault.dataSource.getRepository(AuditEntryEntity).find({ where: { action: 'vault.restore-reapply' }, order: { seq: 'ASC' } })
}

localOnly('restore re-applies the erasure ledger (issue 15 point 3)', () => {
  it('does not bring back a person erased after the backup: not found by name, nor by id', async () => {
    const t = await app()
    const erased = (await t.call('createPerson', fullIntake())).personId
    const kept = (await t.call('createPerson', prospect())).personId
    const file = await backup(t)
    t.clock.set('2026-12-03T09:00:00Z')
    const { result } = await t.call('requestAndApplyErasure', { personId: erased, reason: 'Verzoek van betrokkene per brief' })
    expect(result?.outcome).toBe('deleted')

    const r = await t.call('restoreVault', { file, passphrase: ADMIN.passphrase })
    expect(r.reapplied).toBe(1)
    expect(await searchNames(t, 'van den Berg')).toBe(0)
    expect(await searchNames(t, 'Zoë')).toBe(0)
    expect(await exists(t, erased)).toBe(false)
    expect(await t.invoke('getPerson', { personId: erased })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    // The person from before the backup that nobody erased is there.
    expect(await exists(t, kept)).toBe(true)
    expect(await searchNames(t, 'El Amrani')).toBe(1)

    // Deleted as the first time: the erasure's tombstone, dated the day of the erasure.
    const tombstone = await t.app.vault.dataSource.getRepository(TombstoneEntity).findOneByOrFail({ personId: erased })
    expect(tombstone).toMatchObject({ cause: 'erasure', rule: 'erasure-request', deletedOn: '2026-12-03' })
    const audit = await reapplyAudit(t)
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ subjectId: erased, actorId: null, reason: 're-applied after restore: delete erasure-request as of 2026-12-03' })
    expect(JSON.stringify(audit)).not.toMatch(/Zo|Berg|example/i)
    expect(await t.app.audit.verify(t.app.vault.dataSource.manager, t.app.vault.auditChainKey())).toMatchObject({ ok: true })

    // Once: the marker is gone, signing in again re-applies nothing.
    expect(existsSync(vaultPaths(t.vaultDir).reapplyPending)).toBe(false)
    await t.app.signIn(ADMIN.username, ADMIN.passphrase)
    expect(await reapplyAudit(t)).toHaveLength(1)
  })

  it('re-applies a retention deletion made after the backup, also when the fact that made it due came later', async () => {
    const t = await app()
    const personId = (await t.call('createPerson', prospect({ registeredOn: '2026-05-27' }))).personId
    // The backup knows nothing of the unsubscription, so no sweep of the restored vault would delete.
    const file = await backup(t)
    await t.call('setUnsubscribed', { personId, unsubscribedOn: '2026-07-15' })
    const run = await t.call('runRetention', {})
    expect(run.counts['delete:unsubscribed-never-worked']).toBe(1)
    expect(await exists(t, personId)).toBe(false)

    const r = await t.call('restoreVault', { file, passphrase: ADMIN.passphrase })
    expect(r.reapplied).toBe(1)
    expect(await exists(t, personId)).toBe(false)
    expect(await searchNames(t, 'El Amrani')).toBe(0)
    expect(await t.app.vault.dataSource.getRepository(TombstoneEntity).findOneByOrFail({ personId })).toMatchObject({
      cause: 'retention',
      rule: 'unsubscribed-never-worked',
      deletedOn: '2026-11-27'
    })
  })

  it('re-applies an erasure that had to keep the legal hold: reduced again, mediation ended, the payroll data kept', async () => {
    const t = await app()
    const { personId } = await insertRichPerson(t.app.vault.dataSource)
    const file = await backup(t)
    const { result } = await t.call('requestAndApplyErasure', { personId, reason: 'Verzoek van betrokkene per e-mail' })
    expect(result?.outcome).toBe('legal-hold')
    const after = await t.app.vault.dataSource.getRepository(PersonEntity).findOneByOrFail({ id: personId })

    expect((await t.call('restoreVault', { file, passphrase: ADMIN.passphrase })).reapplied).toBeGreaterThanOrEqual(1)
    const restored = await t.app.vault.dataSource.getRepository(PersonEntity).findOneByOrFail({ id: personId })
    expect(restored).toMatchObject({
      state: 'legal-hold',
      reducedToLegalHoldOn: after.reducedToLegalHoldOn,
      unsubscribedOn: after.unsubscribedOn,
      email: null,
      givenName: after.givenName,
      idRecordPurgedOn: after.idRecordPurgedOn
    })
  })

  it('keeps the ledger through the restore, 0600, with keyed hashes only (no id, name or contact in it)', async () => {
    const t = await app()
    const personId = (await t.call('createPerson', fullIntake())).personId
    const file = await backup(t)
    await t.call('requestAndApplyErasure', { personId, reason: 'Verzoek van betrokkene' })
    const ledgerFile = vaultPaths(t.vaultDir).erasureLedger
    const before = readFileSync(ledgerFile, 'utf8')
    expect(readLedgerLines(ledgerFile)).toEqual([expect.objectContaining({ kind: 'delete', rule: 'erasure-request', cause: 'erasure', on: '2026-11-27' })])
    expect(before).not.toContain(personId)
    expect(before).not.toMatch(/Zo|Berg|example|0612/i)
    expect(statSync(ledgerFile).mode & 0o777).toBe(0o600)

    await t.call('restoreVault', { file, passphrase: ADMIN.passphrase })
    // Not replaced by the backup's (older) ledger, and re-applying does not note the deletion twice.
    expect(readFileSync(ledgerFile, 'utf8')).toBe(before)
    expect(statSync(ledgerFile).mode & 0o777).toBe(0o600)
  })

  it('a backup carries its ledger: restored into an empty folder and then replaced by an older backup, the erasure still holds', async () => {
    const t = await app()
    const personId = (await t.call('createPerson', fullIntake())).personId
    const older = await backup(t, 'older.dossier')
    await t.call('requestAndApplyErasure', { personId, reason: 'Verzoek van betrokkene' })
    const latest = await backup(t, 'latest.dossier')
    // The computer is lost: the latest backup is restored into a new, empty vault folder.
    const { rmSync } = await import('node:fs')
    await t.app.close()
    rmSync(t.vaultDir, { recursive: true, force: true })
    const { restoreBackup } = await import('../../../src/main/vault/backup')
    await restoreBackup(latest, t.vaultDir, { username: ADMIN.username, passphrase: ADMIN.passphrase })
    // A new folder's sign-in journal, as setting up a vault makes one (without it the first sign-in is held).
    new SignInJournal(vaultPaths(t.vaultDir).signInJournal).create()
    expect(readLedgerLines(vaultPaths(t.vaultDir).erasureLedger)).toHaveLength(1)
    await t.app.signIn(ADMIN.username, ADMIN.passphrase)
    // Later the older backup is restored too: the person stays erased.
    const r = await t.call('restoreVault', { file: older, passphrase: ADMIN.passphrase })
    expect(r.reapplied).toBe(1)
    expect(await exists(t, personId)).toBe(false)
  })

  it('a restore interrupted after the files were replaced re-applies at the next sign-in, whoever signs in', async () => {
    const t = await app()
    await t.call('addAccount', { username: 'medewerker', displayName: 'Medewerker', roles: ['staff'], passphrase: 'medewerker wachtwoordzin' })
    const personId = (await t.call('createPerson', fullIntake())).personId
    const file = await backup(t)
    await t.call('requestAndApplyErasure', { personId, reason: 'Verzoek van betrokkene' })
    // What a crash right after the replacement leaves: the backup's files in place, the marker, the ledger.
    await t.app.close()
    const { restoreBackup } = await import('../../../src/main/vault/backup')
    await restoreBackup(file, t.vaultDir, { username: ADMIN.username, passphrase: ADMIN.passphrase })
    expect(existsSync(vaultPaths(t.vaultDir).reapplyPending)).toBe(true)
    await t.app.signIn('medewerker', 'medewerker wachtwoordzin')
    expect(await exists(t, personId)).toBe(false)
    expect((await t.call('searchPersons', { query: 'van den Berg' })).items).toEqual([])
    expect(existsSync(vaultPaths(t.vaultDir).reapplyPending)).toBe(false)
  })
})

localOnly('restore re-applies removals of single records and do-not-contact entries (issue 15 point 3)', () => {
  it('a withdrawal, a deleted special value, a deleted attachment and a do-not-contact entry made after the backup all hold after its restore', async () => {
    const t = await app()
    const { specialConsent } = await import('../consent/consentFixtures')
    const keep = (await t.call('createPerson', fullIntake())).personId
    const consent = await t.call('recordConsent', specialConsent(keep, { purpose: 'mediation', givenOn: '2026-11-27' }))
    const other = await t.call('recordConsent', specialConsent(keep, { category: 'ethnicity', purpose: 'mediation', givenOn: '2026-11-27', wording: 'Ik geef toestemming voor het vastleggen van mijn afkomst voor een diversiteitsprogramma.' }))
    await t.call('saveSpecialData', { personId: keep, category: 'religion', purpose: 'mediation', value: 'Gebedstijden op vrijdag' })
    const typo = await t.call('saveSpecialData', { personId: keep, category: 'ethnicity', purpose: 'mediation', value: 'Verkeerd ingevoerd' })
    const cv = await t.call('addAttachment', { personId: keep, kind: 'cv', fileName: 'cv.pdf', contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') })
    const noor = (await t.call('createPerson', prospect({ phone: '06 1122 3344' }))).personId
    const file = await backup(t)

    await t.call('withdrawConsent', { consentId: consent.id })
    await t.call('deleteSpecialData', { specialDataId: typo.id })
    await t.call('deleteAttachment', { attachmentId: cv.id, reason: 'Verkeerde persoon' })
    await t.call('markDoNotContact', { personId: noor, reasonCategory: 'no-approach' })

    const r = await t.call('restoreVault', { file, passphrase: ADMIN.passphrase })
    expect(r.reapplied).toBe(5) // the withdrawal, the value, the attachment, the person's deletion and the register entry
    const db = t.app.vault.db
    expect(db.prepare('SELECT category FROM special_data WHERE personId = ?').all(keep)).toEqual([])
    expect(db.prepare('SELECT withdrawnOn FROM consent WHERE id = ?').get(consent.id)).toEqual({ withdrawnOn: '2026-11-27' })
    expect(db.prepare('SELECT withdrawnOn FROM consent WHERE id = ?').get(other.id)).toEqual({ withdrawnOn: null })
    expect(db.prepare('SELECT count(*) AS n FROM attachment WHERE personId = ?').get(keep)).toEqual({ n: 0 })
    expect(await exists(t, noor)).toBe(false)
    // Re-entering the person who asked not to be contacted is refused again.
    await expect(t.call('createPerson', prospect({ phone: '06 1122 3344' }))).rejects.toMatchObject({ code: 'DO_NOT_CONTACT_MATCH' })
  })
})

localOnly('restore honours a lifted do-not-contact entry (R-29)', () => {
  const registerIds = (t: T) => (t.app.vault.db.prepare('SELECT id FROM do_not_contact').all() as { id: string }[]).map((r) => r.id)

  it('a backup from before the listing: the person is deleted again, the lifted entry does not come back', async () => {
    const t = await app()
    const noor = (await t.call('createPerson', prospect({ phone: '06 1122 3344' }))).personId
    const file = await backup(t)
    await t.call('markDoNotContact', { personId: noor, reasonCategory: 'no-approach' })
    t.clock.set('2026-12-03T09:00:00Z')
    await t.call('liftDoNotContact', { phone: '0611223344', reason: 'Wil weer benaderd worden' })
    expect(readLedgerLines(vaultPaths(t.vaultDir).erasureLedger).map((e) => e.kind)).toEqual(['do-not-contact', 'delete', 'do-not-contact-lift'])

    const r = await t.call('restoreVault', { file, passphrase: ADMIN.passphrase })
    expect(r.reapplied).toBe(1) // the deletion; the listing was lifted afterwards
    expect(await exists(t, noor)).toBe(false)
    expect(registerIds(t)).toEqual([])
    expect((await t.call('createPerson', prospect({ phone: '06 1122 3344' }))).personId).toMatch(/-/)
  })

  it('a backup from after the listing, before the lift: the restored entry is lifted again', async () => {
    const t = await app()
    const noor = (await t.call('createPerson', prospect({ phone: '06 1122 3344' }))).personId
    const { entryId } = await t.call('markDoNotContact', { personId: noor, reasonCategory: 'no-approach' })
    const file = await backup(t)
    t.clock.set('2026-12-03T09:00:00Z')
    await t.call('liftDoNotContact', { entryId, reason: 'Wil weer benaderd worden' })

    const r = await t.call('restoreVault', { file, passphrase: ADMIN.passphrase })
    expect(r.reapplied).toBe(1)
    expect(registerIds(t)).toEqual([])
    const audit = await reapplyAudit(t)
    expect(audit.map((a) => a.reason)).toEqual(['re-applied after restore: do-not-contact-lift as of 2026-12-03'])
    expect(await t.call('checkDoNotContact', { phone: '0611223344' })).toEqual({ matched: false, identifier: null })
  })
})
