import { randomBytes } from 'node:crypto'
import { statSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { purgeExpiredConsentData } from '../../../src/main/consent/purgeExpiredConsentData'
import type { ConsentView } from '../../../src/shared/contract/consent'
import { vaultPaths } from '../../../src/main/vault/vaultFiles'
import { decryptVaultPages, findInPages, vaultDataKey } from '../../support/rawPages'
import { TEST_ENGINE } from '../../support/serverTestApp'
import { ADMIN, newTestApp } from '../../support/testApp'
import { specialConsent, insertPerson, type TestApp } from './consentFixtures'

/**
 * R-4 "removed at once" with the guarantee of R-15, checked on the stored bytes rather than through
 * the API: every page of the database file and every WAL frame is decrypted with the vault's data
 * key (free pages included) and searched for the withdrawn value — as stored, sealed to the
 * restricted key (issue 15), and in clear, which must never be there at all. The control turns
 * secure_delete off and finds it, so the check can fail.
 */
let t: TestApp
let key: Buffer
beforeEach(async () => {
  t = await newTestApp()
  key = await vaultDataKey(t.vaultDir, ADMIN.username, ADMIN.passphrase)
})
afterEach(async () => {
  key.fill(0)
  await t.dispose()
})

const marker = () => `MARK${randomBytes(6).toString('hex').toUpperCase()}`
const hits = (needle: string) => findInPages(decryptVaultPages(t.vaultDir, key), needle)

/** Neighbours share pages with the person's rows, so deletion must clean inside live pages too. */
async function neighbours(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const personId = await insertPerson(t)
    await t.call('recordConsent', specialConsent(personId))
    await t.call('saveSpecialData', { personId, category: 'religion', purpose: 'personnel', value: `buur ${i} ${'x'.repeat(200)}` })
  }
}

/**
 * A short value (stored in the row) and a long one (spills onto overflow pages). Returned with
 * what the file holds of each: pieces of the sealed values (40 characters every 400 of them).
 */
async function personWithSecrets(short: string, long: string, endsOn?: string): Promise<{ personId: string; consent: ConsentView; stored: string[] }> {
  const personId = await insertPerson(t)
  const consent = await t.call('recordConsent', specialConsent(personId, endsOn ? { endsOn } : {}))
  await t.call('saveSpecialData', { personId, category: 'religion', purpose: 'personnel', value: `Allergie ${short}` })
  await t.call('saveSpecialData', { personId, category: 'religion', purpose: 'personnel', value: `${long} `.repeat(200) })
  const rows = t.app.vault.db.prepare('SELECT value FROM special_data WHERE personId = ?').all(personId) as { value: string }[]
  const stored = rows.flatMap((r) => Array.from({ length: Math.floor(r.value.length / 400) + 1 }, (_, i) => r.value.slice(20 + i * 400, 60 + i * 400)).filter((p) => p.length === 40))
  return { personId, consent, stored }
}

const storedHits = (stored: string[]) => stored.flatMap((s) => hits(s))

// Local-only: the subject is the vault file's own pages and WAL (secure_delete, checkpoints).
describe.skipIf(TEST_ENGINE === 'postgres')('withdrawal removes the value from the stored bytes, not only from the API', () => {
  it('leaves neither value on any page of the database file, free pages included, nor in the WAL', async () => {
    await neighbours(3)
    const short = marker()
    const long = marker()
    const { consent, stored } = await personWithSecrets(short, long)
    await neighbours(3)
    t.app.vault.checkpoint()
    expect(stored.length).toBeGreaterThan(10) // the long value spans overflow pages
    expect(storedHits(stored).length).toBeGreaterThanOrEqual(stored.length) // also on overflow pages
    // Sealed (issue 15): not even the data key finds the value in clear.
    expect(hits(short)).toEqual([])
    expect(hits(long)).toEqual([])

    await t.call('withdrawConsent', { consentId: consent.id })

    const pages = decryptVaultPages(t.vaultDir, key)
    expect(pages.every((p) => p.authentic)).toBe(true) // the right key: an absent needle means absent
    expect(statSync(`${vaultPaths(t.vaultDir).db}-wal`).size).toBe(0)
    expect(stored.flatMap((s) => findInPages(pages, s))).toEqual([])
    // the neighbours' data is untouched
    expect(t.app.vault.db.prepare('SELECT count(*) AS n FROM special_data').get()).toEqual({ n: 6 })
    // the consent record itself remains (its wording is the agency's text)
    expect(findInPages(pages, 'dieetwensen').length).toBeGreaterThan(0)
  })

  it('the expiry purge leaves no trace either, once the sweep checkpoints', async () => {
    await neighbours(2)
    const short = marker()
    const long = marker()
    const { consent, stored } = await personWithSecrets(short, long, '2026-12-31')
    t.app.vault.checkpoint()
    expect(storedHits(stored).length).toBeGreaterThan(0)
    t.clock.set('2027-01-02T10:00:00Z')
    const r = await t.app.write((tx) => purgeExpiredConsentData(tx, consent.id), { asOf: '2027-01-02' })
    expect(r.deleted).toBe(2)
    t.app.vault.checkpoint() // what the sweep does after its batch
    expect(storedHits(stored)).toEqual([])
  })

  it('control: with secure_delete OFF the same check finds the withdrawn value', async () => {
    t.app.vault.db.pragma('secure_delete = OFF')
    await neighbours(3)
    const short = marker()
    const long = marker()
    const { personId, consent, stored } = await personWithSecrets(short, long)
    await neighbours(3)
    t.app.vault.checkpoint()

    await t.call('withdrawConsent', { consentId: consent.id })
    expect((await t.call('viewSpecialData', { personId })).items).toEqual([])
    expect(storedHits(stored).length).toBeGreaterThan(0)
  })
})
