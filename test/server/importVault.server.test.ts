import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { initServer, serverDataSource } from '../../src/main/server/initServer'
import { createDispatcher } from '../../src/main/services/dispatcher'
import { importVault } from '../../src/main/services/importVault'
import { ServerApp } from '../../src/main/services/ServerApp'
import { Vault } from '../../src/main/vault/Vault'
import { createContractClient } from '../../src/shared/contract/client'
import { insertPerson, specialConsent } from '../main/consent/consentFixtures'
import { fullIntake } from '../main/people/peopleFixtures'
import { smallPdf } from '../main/people/sampleFiles'
import { ADMIN, newTestApp, TEST_KDF_N } from '../support/testApp'

type TestApp = Awaited<ReturnType<typeof newTestApp>>
import { runCli } from '../support/cli'
import { type PgCluster, startPgCluster } from './pgCluster'

const VALUE = 'Halal maaltijden in de kantine'
const NOTE = 'Wil alleen vroege diensten'
const GONE = { email: 'weg.ermee@example.nl', phone: '0612121212' }

/**
 * Issue 17 point 5: `server import-vault` moves a local vault into an empty office server, all or
 * nothing, its trail verifying before and after.
 */
describe('a local vault moved into the office server', () => {
  let cluster: PgCluster
  let t: TestApp
  let personId = ''
  let localSealed = ''
  let attachmentId = ''
  const address = () => ({ host: cluster.host, port: cluster.port, username: cluster.user, database: 'postgres' })
  const owner = async () => {
    const ds = serverDataSource(address())
    await ds.initialize()
    return ds
  }

  beforeAll(async () => {
    // The vault as an office used it: a person with special data, a do-not-contact entry (its
    // person deleted: a ledger line), a staff account, and a trail of all of it.
    t = await newTestApp()
    personId = await insertPerson(t)
    await t.call('recordConsent', specialConsent(personId))
    await t.call('saveSpecialData', { personId, category: 'religion', purpose: 'personnel', value: VALUE })
    attachmentId = (await t.call('addAttachment', { personId, kind: 'cv', fileName: 'cv-verhuizer.pdf', contentBase64: smallPdf().toString('base64') })).id
    const { version } = await t.call('getPerson', { personId })
    await t.call('updatePerson', { personId, expectedVersion: version, changes: { particulars: NOTE }, reason: 'intake' })
    const gone = await t.call('createPerson', fullIntake({ ref: 'K-9999', familyName: 'Weg', ...GONE }))
    await t.call('markDoNotContact', { personId: gone.personId, reasonCategory: 'no-approach' })
    await t.call('addAccount', { username: 'medewerker', displayName: 'Medewerker', roles: ['staff'], passphrase: 'medewerker eigen wachtwoordzin' })
    localSealed = (await t.sql<{ value: string }>('SELECT "value" FROM "special_data"'))[0]!.value
    await t.app.close()
    cluster = await startPgCluster({ passwordLogins: 'all' })
    const ds = await owner()
    await initServer(ds)
    await ds.destroy()
  })
  afterAll(async () => {
    cluster?.stop()
    await t?.dispose()
  })

  it('copies every table and the trail, which verifies before and after; the special value is sealed anew to the office; hashes keyed by the vault still match', async () => {
    const vault = await Vault.open(t.vaultDir, ADMIN.username, ADMIN.passphrase)
    await vault.whenWritable()
    const ds = await owner()
    try {
      const r = await importVault(ds, vault, ADMIN, t.clock, TEST_KDF_N)
      expect(r.before.ok).toBe(true)
      expect(r.after).toEqual({ ok: true, entries: r.before.entries + 1, head: expect.any(String) })
      expect(r.rows).toMatchObject({ person: 1, special_data: 1, do_not_contact: 1, tombstone: 1, account: 2, audit_entry: r.before.entries })
      expect(r.accountsToReenable).toBe(1)
      // The office holds the value sealed to its own restricted key: not the vault's seal, never clear.
      const [stored] = (await ds.query('SELECT "value" FROM "special_data"')) as { value: string }[]
      expect(stored!.value).toMatch(/^sealed:1:/)
      expect(stored!.value).not.toBe(localSealed)
      expect(stored!.value).not.toContain('Halal')
      // So are the note, the attachment's name and its bytes, under the office key (issue 17 point 3).
      const [person] = (await ds.query('SELECT "particulars" FROM "person" WHERE "id" = $1', [personId])) as { particulars: string }[]
      expect(person!.particulars).toMatch(/^dossier-field\/1:/)
      const [file] = (await ds.query('SELECT a."fileName", c."content" FROM "attachment" a JOIN "attachment_content" c ON c."attachmentId" = a."id"')) as { fileName: string; content: Buffer }[]
      expect(file!.fileName).toMatch(/^dossier-field\/1:/)
      expect(file!.content.includes(smallPdf().subarray(0, 32))).toBe(false)
      // The vault's secrets are on the server only sealed; the settings rows that held them did not come along.
      expect(((await ds.query(`SELECT count(*)::int AS "n" FROM "setting" WHERE "key" LIKE 'secret.%' OR "key" = 'audit.chain-key'`)) as { n: number }[])[0]!.n).toBe(0)
      expect(((await ds.query('SELECT "value" FROM "office_secret"')) as { value: string }[]).every((s) => s.value.startsWith('dossier-field/1:'))).toBe(true)
      expect(((await ds.query('SELECT count(*)::int AS "n" FROM "erasure_ledger"')) as { n: number }[])[0]!.n).toBeGreaterThan(0)
    } finally {
      await vault.close()
      await ds.destroy()
    }

    // A desk of the office: the administrator signs in with the vault passphrase, as their own login.
    const desk = new ServerApp({ server: address(), clock: t.clock, kdfN: TEST_KDF_N })
    try {
      await desk.signIn(ADMIN.username, ADMIN.passphrase)
      const call = createContractClient(createDispatcher(desk)).call
      expect((await call('viewSpecialData', { personId })).items).toEqual([expect.objectContaining({ value: VALUE })])
      expect((await call('getPerson', { personId })).particulars).toBe(NOTE)
      expect(Buffer.from((await call('getAttachmentContent', { attachmentId })).contentBase64, 'base64').equals(smallPdf())).toBe(true)
      // The register's keyed hashes still match: the office adopted the vault's key.
      expect(await call('checkDoNotContact', { email: GONE.email })).toEqual({ matched: true, identifier: 'email' })
      expect(await call('verifyAudit', {})).toMatchObject({ ok: true })
      // The move itself is on record, by the administrator who made it.
      expect((await call('listAudit', { action: 'vault.import' })).entries).toEqual([expect.objectContaining({ action: 'vault.import', actorName: ADMIN.username })])
      // The staff account came along disabled: no login until an administrator re-enables it.
      expect((await call('listAccounts')).find((a) => a.username === 'medewerker')).toMatchObject({ disabled: true })
    } finally {
      await desk.close()
    }
    const staffDesk = new ServerApp({ server: address(), clock: t.clock, kdfN: TEST_KDF_N })
    await expect(staffDesk.signIn('medewerker', 'medewerker eigen wachtwoordzin')).rejects.toMatchObject({ code: 'VAULT_WRONG_PASSPHRASE' })
  })

  it('moves into an empty office only: a second import changes nothing', async () => {
    const vault = await Vault.open(t.vaultDir, ADMIN.username, ADMIN.passphrase)
    await vault.whenWritable()
    const ds = await owner()
    try {
      const before = ((await ds.query('SELECT count(*)::int AS "n" FROM "audit_entry"')) as { n: number }[])[0]!.n
      await expect(importVault(ds, vault, ADMIN, t.clock, TEST_KDF_N)).rejects.toMatchObject({ code: 'VAULT_EXISTS' })
      expect(((await ds.query('SELECT count(*)::int AS "n" FROM "audit_entry"')) as { n: number }[])[0]!.n).toBe(before)
    } finally {
      await vault.close()
      await ds.destroy()
    }
  })

  it('runs as `dossier server import-vault` with the built CLI: the vault admin signs in to the vault, then works on the server with the same passphrase', async () => {
    const other = await startPgCluster({ passwordLogins: 'all' })
    try {
      const ownerUrl = `postgresql://${other.user}@localhost/postgres?host=${encodeURIComponent(other.host)}&port=${other.port}`
      const deskUrl = `postgresql://localhost/postgres?host=${encodeURIComponent(other.host)}&port=${other.port}`
      expect(runCli(['server', 'init', '--url', ownerUrl]).code).toBe(0)
      const wrong = runCli(['--vault', t.vaultDir, '--user', ADMIN.username, 'server', 'import-vault', '--url', ownerUrl], { DOSSIER_PASSPHRASE: 'niet de goede wachtwoordzin' })
      expect(wrong.stderr).toMatch(/^error VAULT_WRONG_PASSPHRASE/)
      const moved = runCli(['--vault', t.vaultDir, '--user', ADMIN.username, '--json', 'server', 'import-vault', '--url', ownerUrl], { DOSSIER_PASSPHRASE: ADMIN.passphrase })
      expect(moved.stderr).toBe('')
      expect(moved.json()).toMatchObject({ before: { ok: true }, after: { ok: true }, accountsToReenable: 1, recoveryKey: expect.stringMatching(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){7}$/) })
      const listed = runCli(['--server', deskUrl, '--user', ADMIN.username, '--json', 'person', 'list'], { DOSSIER_PASSPHRASE: ADMIN.passphrase })
      expect(listed.stderr).toBe('')
      expect(listed.json<{ id: string }[]>().map((p) => p.id)).toEqual([personId])
    } finally {
      other.stop()
    }
  })
})
