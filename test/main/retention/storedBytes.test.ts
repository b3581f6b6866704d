import { existsSync, readFileSync, statSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { vaultPaths } from '../../../src/main/vault/vaultFiles'
import { TEST_ENGINE } from '../../support/serverTestApp'
import { ADMIN, newTestApp } from '../../support/testApp'
import { databaseHeader, decryptDatabaseFile, decryptVaultPages, decryptWalFile, findInPages, pageSizeOf, vaultDataKey } from '../../support/rawPages'
import { markedPerson, newMarker } from './personFixture'
import { seed, sweepOn, type TestApp } from './retentionTestKit'

/**
 * R-15 on the stored bytes, not through the API: decrypt every page of the database file and
 * every WAL frame with the vault's data key, free pages included, and look for a deleted person's
 * unique strings. The control test turns secure_delete off and finds them, so the check can fail.
 */
let t: TestApp
let key: Buffer
beforeEach(async () => {
  t = await newTestApp({ start: '2027-01-10T10:00:00Z' })
  key = await vaultDataKey(t.vaultDir, ADMIN.username, ADMIN.passphrase)
})
afterEach(async () => {
  key.fill(0)
  await t.dispose()
})

const paths = () => vaultPaths(t.vaultDir)
const pages = () => decryptVaultPages(t.vaultDir, key)
/** Both spellings the fixture stores (names as given, search columns and e-mail in lower case). */
const hits = (marker: string) => [...findInPages(pages(), marker), ...findInPages(pages(), marker.toLowerCase())]

/** Neighbours share pages with the person, so deletion must clean inside live pages too. */
async function seedNeighbours(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await seed(t, markedPerson(newMarker()))
}

// Local only: the pages of the vault's encrypted database file and its WAL (the server's storage is its own).
describe.skipIf(TEST_ENGINE === 'postgres')('the raw page decryptor (verified before its negatives are trusted)', () => {
  it('decrypts page 1 to the header SQLite itself reports, and authenticates every page', async () => {
    t.app.vault.checkpoint()
    const db = t.app.vault.db
    const file = decryptDatabaseFile(paths().db, key)
    expect(file.length).toBeGreaterThan(5)
    expect(file.every((p) => p.authentic)).toBe(true)
    const header = databaseHeader(file[0]!.data)
    const sqliteVersion = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v.split('.').map(Number) as [number, number, number]
    expect(header).toMatchObject({
      magic: 'SQLite format 3\0',
      pageSize: db.pragma('page_size', { simple: true }),
      reservedBytes: 32,
      pageCount: statSync(paths().db).size / pageSizeOf(paths().db),
      freelistCount: db.pragma('freelist_count', { simple: true }),
      schemaFormat: 4,
      textEncoding: 1, // UTF-8
      writeVersion: 2, // WAL
      readVersion: 2,
      sqliteVersion: sqliteVersion[0] * 1_000_000 + sqliteVersion[1] * 1000 + sqliteVersion[2]
    })
    expect(header.versionValidFor).toBe(header.changeCounter)
    // The schema is readable text on the decrypted pages.
    expect(findInPages(file, 'CREATE TABLE "person"').length).toBeGreaterThan(0)
  })

  it('authenticates nothing and finds nothing with a wrong key', async () => {
    t.app.vault.checkpoint()
    const wrong = decryptDatabaseFile(paths().db, randomBytes(32))
    expect(wrong.some((p) => p.authentic)).toBe(false)
    expect(findInPages(wrong, 'CREATE TABLE').length).toBe(0)
  })

  it('finds a freshly written marker in the WAL frames, then in the database file after a checkpoint', async () => {
    const marker = newMarker()
    await seed(t, markedPerson(marker))
    const wal = decryptWalFile(`${paths().db}-wal`, key, pageSizeOf(paths().db))
    expect(wal.length).toBeGreaterThan(0)
    expect(wal.every((f) => f.authentic)).toBe(true)
    expect(findInPages(wal, `${marker}-given`).length).toBeGreaterThan(0)
    expect(readFileSync(`${paths().db}-wal`).includes(marker)).toBe(false) // encrypted on disk
    t.app.vault.checkpoint()
    expect(findInPages(decryptDatabaseFile(paths().db, key), `${marker}-given`).length).toBeGreaterThan(0)
    expect(findInPages(decryptDatabaseFile(paths().db, key), `${marker}-cv`).length).toBeGreaterThan(10) // overflow pages
  })
})

// Local only: R-15 on the local vault's pages and WAL (secure_delete, checkpoints).
describe.skipIf(TEST_ENGINE === 'postgres')('R-15: a deleted person is gone from the stored bytes', () => {
  it('leaves none of the person\'s strings on any page of the database file or in the WAL after the sweep', async () => {
    await seedNeighbours(3)
    const marker = newMarker()
    const { id } = await seed(t, markedPerson(marker, { person: { unsubscribedOn: '2026-06-01' } }))
    await seedNeighbours(3)
    t.app.vault.checkpoint()
    expect(hits(marker).length).toBeGreaterThan(20) // present before: in rows, indexes and overflow pages

    const run = await sweepOn(t, '2027-01-10')
    expect(run.counts).toEqual({ 'delete:unsubscribed-never-worked': 1 })

    expect(statSync(`${paths().db}-wal`).size).toBe(0) // checkpointed with TRUNCATE
    const all = pages()
    expect(all.every((p) => p.authentic)).toBe(true)
    expect(t.app.vault.db.pragma('freelist_count', { simple: true })).toBeGreaterThan(0) // free pages exist and were read
    expect(hits(marker)).toEqual([])
    // the tombstone is there, as a bare id
    expect(findInPages(all, id).length).toBeGreaterThan(0)
    // the -shm index holds no content either
    if (existsSync(`${paths().db}-shm`)) expect(readFileSync(`${paths().db}-shm`).includes(marker)).toBe(false)
  })

  it('keeps only the legal-hold data of a reduced record in the stored bytes', async () => {
    await seedNeighbours(2)
    const marker = newMarker()
    await seed(
      t,
      markedPerson(marker, {
        roles: ['flexworker'],
        employments: [{ start: '2023-01-02', end: '2024-06-30' }],
        person: { unsubscribedOn: '2024-07-01', bsn: '111222333', iban: 'NL91ABNA0417164300' }
      })
    )
    t.app.vault.checkpoint()
    const run = await sweepOn(t, '2027-01-10')
    expect(run.counts).toEqual({ 'reduce-to-legal-hold:worked-stopped': 1 })
    for (const kept of ['-given', '-family', '-street', '-city']) expect(hits(`${marker}${kept}`).length, kept).toBeGreaterThan(0)
    for (const gone of ['-education', '-experience', '-particulars', '-other', '-source', '-cv', '-reference-letter', '-special', '-wording', '-recipient', '-change-reason', '-availability']) {
      expect(hits(`${marker}${gone}`), gone).toEqual([])
    }
    expect(hits(`${marker.toLowerCase()}@example.nl`)).toEqual([])
  })

  it('control: with secure_delete OFF the same check finds the deleted person on free or reused pages', async () => {
    t.app.vault.db.pragma('secure_delete = OFF')
    await seedNeighbours(3)
    const marker = newMarker()
    await seed(t, markedPerson(marker, { person: { unsubscribedOn: '2026-06-01' } }))
    await seedNeighbours(3)
    t.app.vault.checkpoint()

    const run = await sweepOn(t, '2027-01-10')
    expect(run.counts).toEqual({ 'delete:unsubscribed-never-worked': 1 })
    expect(t.app.vault.db.prepare('SELECT count(*) AS n FROM person WHERE givenName = ?').get(`${marker}-given`)).toEqual({ n: 0 })
    expect(hits(marker).length).toBeGreaterThan(0)
  })
})
