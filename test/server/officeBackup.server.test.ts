import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DataSource } from 'typeorm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FixedClock } from '../../src/main/clock'
import { serverDataSource } from '../../src/main/server/initServer'
import { createDispatcher } from '../../src/main/services/dispatcher'
import { backupOffice, restoreOffice } from '../../src/main/services/officeBackupService'
import { createContractClient } from '../../src/shared/contract/client'
import { failure, fullIntake } from '../main/people/peopleFixtures'
import { newServerTestApp } from '../support/serverTestApp'
import { ADMIN, TEST_KDF_N } from '../support/testApp'

const STAFF = { username: 'balie', displayName: 'Balie', passphrase: 'balie haar eigen lange wachtwoordzin' }
const NOTE = 'Alleen ochtenddiensten, geen weekend'

/**
 * Issue 17 point 5: `server backup` writes only what the server holds, sealed under the office key;
 * `server restore` takes the same office's backup only, all or nothing, keeps the trail, and makes
 * every erasure since the backup again.
 */
describe('backing up and restoring the office server', () => {
  const clock = new FixedClock('2026-11-27T10:00:00Z')
  let office: Awaited<ReturnType<typeof newServerTestApp>>
  let owner: DataSource
  const dir = mkdtempSync(join(tmpdir(), 'dossier-office-backup-'))
  const file = join(dir, 'kantoor.backup')
  const call = () => createContractClient(createDispatcher(office.app)).call
  let kept = ''
  let erased = ''

  beforeAll(async () => {
    office = await newServerTestApp({ clock, kdfN: TEST_KDF_N, admin: ADMIN, setup: true })
    owner = serverDataSource(office.address)
    await owner.initialize()
    await call()('addAccount', { ...STAFF, roles: ['staff'] })
    kept = (await call()('createPerson', fullIntake({ particulars: NOTE }))).personId
    erased = (await call()('createPerson', fullIntake({ ref: 'K-2002', familyName: 'Verdwijnt', email: 'weg@example.nl', phone: '06-5555 1234' }))).personId
  })
  afterAll(async () => {
    await owner?.destroy()
    await office?.dispose()
  })

  it('writes a file only an administrator of this office can open: 0600, no name, no note, no count in it', async () => {
    const r = await backupOffice(owner, ADMIN, file, clock)
    expect(r.rows).toMatchObject({ person: 2, account: 2 })
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const text = readFileSync(file, 'utf8')
    for (const clear of ['van den Berg', 'Verdwijnt', 'weg@example.nl', NOTE, '"person"']) expect(text).not.toContain(clear)
    // Never over an existing file.
    expect((await failure(backupOffice(owner, ADMIN, file, clock))).code).toBe('BACKUP_UNWRITABLE')
    // A staff member's passphrase opens no administrator's work.
    expect((await failure(backupOffice(owner, STAFF, join(dir, 'staff.backup'), clock))).code).toBe('FORBIDDEN')
    expect((await call()('listAudit', { action: 'vault.backup' })).entries).toHaveLength(1)
  })

  it('restores the office as it was, keeps the trail, and makes the erasure since the backup again', async () => {
    // After the backup: one person erased on request, one changed, one new.
    const approval = await call()('requestErasure', { personId: erased, reason: 'Verzoek van betrokkene per brief' })
    await call()('applyErasure', { approvalId: approval.approvalId })
    const { version } = await call()('getPerson', { personId: kept })
    await call()('updatePerson', { personId: kept, expectedVersion: version, changes: { particulars: 'gewijzigd na de backup' }, reason: 'correctie' })
    const later = (await call()('createPerson', fullIntake({ ref: 'K-2003', familyName: 'Later', email: 'later@example.nl', phone: '06-5555 9876' }))).personId
    const entriesBefore = await office.sql<{ n: string }>('SELECT count(*) AS "n" FROM "audit_entry"')

    const r = await restoreOffice(owner, ADMIN, file, clock)
    expect(r.reapplied).toBe(1)
    // The erased person stays erased: the backup had them, the ledger took them out again.
    expect((await failure(call()('getPerson', { personId: erased }))).code).toBe('NOT_FOUND')
    expect(await office.sql('SELECT "rule" FROM "tombstone" WHERE "personId" = :erased', { erased })).toHaveLength(1)
    // The rest is as the backup had it: the note sealed and opening, the later person not there.
    expect((await call()('getPerson', { personId: kept })).particulars).toBe(NOTE)
    expect((await failure(call()('getPerson', { personId: later }))).code).toBe('NOT_FOUND')
    // Nothing of the trail went: the restore and the re-application are appended, and it verifies.
    const after = Number((await office.sql<{ n: string }>('SELECT count(*) AS "n" FROM "audit_entry"'))[0]!.n)
    expect(after).toBeGreaterThan(Number(entriesBefore[0]!.n))
    const actions = (await call()('listAudit', {})).entries.map((e) => e.action)
    expect(actions).toEqual(expect.arrayContaining(['vault.restore', 'vault.restore-reapply']))
    expect(await call()('verifyAudit', {})).toMatchObject({ ok: true })
  })

  it('refuses a file that was altered or cut short, and changes nothing', async () => {
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n')
    const cut = join(dir, 'cut.backup')
    writeFileSync(cut, lines.slice(0, -1).join('\n') + '\n')
    expect((await failure(restoreOffice(owner, ADMIN, cut, clock))).code).toBe('BACKUP_UNREADABLE')
    const altered = join(dir, 'altered.backup')
    const flipped = lines[1]!.slice(0, 40) + (lines[1]![40] === 'A' ? 'B' : 'A') + lines[1]!.slice(41)
    writeFileSync(altered, [lines[0], flipped, ...lines.slice(2)].join('\n') + '\n')
    expect((await failure(restoreOffice(owner, ADMIN, altered, clock))).code).toBe('BACKUP_UNREADABLE')
    // Chunks of the same backup swapped: each is bound to its place.
    const swapped = join(dir, 'swapped.backup')
    writeFileSync(swapped, [lines[0], lines[2], lines[1], ...lines.slice(3)].join('\n') + '\n')
    expect((await failure(restoreOffice(owner, ADMIN, swapped, clock))).code).toBe('BACKUP_UNREADABLE')
    expect((await call()('getPerson', { personId: kept })).particulars).toBe(NOTE)
  })

  it('restores onto an empty office database on a new server: keys, accounts, trail and ledger from the backup; the others enabled again by the administrator', async () => {
    // A new server, prepared as `server init` without `--admin` prepares it: no office, no keys.
    const fresh = await newServerTestApp({ clock, kdfN: TEST_KDF_N, admin: ADMIN, setup: false })
    const freshOwner = serverDataSource(fresh.address)
    await freshOwner.initialize()
    try {
      // A wrong passphrase opens no slot of the backup's keyring: nothing is installed.
      expect((await failure(restoreOffice(freshOwner, { ...ADMIN, passphrase: 'niet de goede wachtwoordzin' }, file, clock))).code).toBe('VAULT_WRONG_PASSPHRASE')
      expect(await fresh.sql('SELECT "officeId" FROM "office_keyring"')).toEqual([])
      // A staff member's passphrase opens their slot, but a restore is an administrator's.
      expect((await failure(restoreOffice(freshOwner, STAFF, file, clock))).code).toBe('FORBIDDEN')
      expect(await fresh.sql('SELECT "officeId" FROM "office_keyring"')).toEqual([])

      const r = await restoreOffice(freshOwner, ADMIN, file, clock)
      expect(r.newServer).toEqual({ loginsToMake: [STAFF.username] })
      expect(r.rows).toMatchObject({ person: 2, account: 2 })
      // The same office: its id, and the sealed note opens on a desk of the new server.
      expect(await fresh.sql('SELECT "officeId" FROM "office_keyring"')).toEqual(await office.sql('SELECT "officeId" FROM "office_keyring"'))
      await fresh.app.signIn(ADMIN.username, ADMIN.passphrase)
      const desk = createContractClient(createDispatcher(fresh.app)).call
      expect((await desk('getPerson', { personId: kept })).particulars).toBe(NOTE)
      // The trail came with it (its key from the office's secrets) and verifies, the restore appended.
      expect(await desk('verifyAudit', {})).toMatchObject({ ok: true })
      expect((await desk('listAudit', { action: 'vault.restore' })).entries.length).toBeGreaterThan(0)
      // The colleague has no login on this server yet: disabled until the administrator enables them with a new passphrase.
      const staff = (await desk('listAccounts', {})).find((a) => a.username === STAFF.username)!
      expect(staff.disabled).toBe(true)
      expect((await desk('listAudit', { action: 'account.disable' })).entries.map((e) => e.subjectId)).toContain(staff.id)
      const renewed = 'balie met een nieuwe lange wachtwoordzin'
      await desk('setAccountDisabled', { accountId: staff.id, disabled: false, passphrase: renewed })
      await fresh.app.signOut()
      await fresh.app.signIn(STAFF.username, renewed)
      expect((await createContractClient(createDispatcher(fresh.app)).call('getPerson', { personId: kept })).familyName).toBeTruthy()
      await fresh.app.signOut()
      // No name of a person or colleague in the file's clear header.
      const header = readFileSync(file, 'utf8').split('\n')[0]!
      for (const name of [STAFF.username, ADMIN.username, 'van den Berg']) expect(header).not.toContain(name)
    } finally {
      await freshOwner.destroy()
      await fresh.dispose()
    }
  })

  it("refuses another office's backup", async () => {
    // Logins are the cluster's: the other office's administrator has a name of their own.
    const otherAdmin = { ...ADMIN, username: 'andere-beheerder' }
    const other = await newServerTestApp({ clock, kdfN: TEST_KDF_N, admin: otherAdmin, setup: true, sameCluster: true })
    const otherOwner = serverDataSource(other.address)
    await otherOwner.initialize()
    try {
      expect((await failure(restoreOffice(otherOwner, otherAdmin, file, clock))).code).toBe('BACKUP_OTHER_VAULT')
    } finally {
      await otherOwner.destroy()
      await other.dispose()
    }
  })
})
