import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { afterEach, describe, expect, it } from 'vitest'
import { applyKey, keyPragmas } from '../../../src/main/vault/cipher'
import { IntegrityCheck, type IntegrityVerdict } from '../../../src/main/vault/integrityCheck'
import { workerProgram } from '../../../src/main/vault/workerThreads'
import { vaultPaths } from '../../../src/main/vault/vaultFiles'
import { encryptedDatabase } from '../../support/encryptedDatabase'
import { ADMIN, newTestApp } from '../../support/testApp'
import { intakeInputs } from '../../reliability/support/intake'

/**
 * Issue 18 point 4: the integrity check after unlock, on a worker thread, with the vault's own
 * connection read-only until its verdict. On real encrypted files; a zeroed page is real damage.
 */

const PAGE = 4096
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/** An encrypted database of ~200 pages, closed; its file and key. */
function encryptedFile(): { file: string; key: Buffer } {
  const { db, file, key, cleanup } = encryptedDatabase('dossier-integrity-')
  cleanups.push(cleanup)
  const insert = db.prepare('INSERT INTO page_filler (body) VALUES (?)')
  for (let i = 0; i < 200; i++) insert.run(randomBytes(3000))
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  return { file, key }
}

function zeroPageInTheMiddle(file: string): void {
  const bytes = readFileSync(file)
  const middle = Math.floor(bytes.length / PAGE / 2)
  bytes.fill(0, middle * PAGE, (middle + 1) * PAGE)
  writeFileSync(file, bytes)
}

async function verdictOf(file: string, key: Buffer, workerFile?: string | null): Promise<{ verdict: IntegrityVerdict | 'stopped'; inlineRan: boolean }> {
  let inlineRan = false
  const check = IntegrityCheck.start({
    file,
    pragmas: keyPragmas(key),
    workerFile,
    inline: () => {
      inlineRan = true
      const db = new Database(file, { readonly: true })
      try {
        applyKey(db, key)
        return db.pragma('quick_check', { simple: true }) === 'ok' ? 'ok' : 'damaged'
      } catch {
        return 'damaged'
      } finally {
        db.close()
      }
    }
  })
  expect(check.state).toBe('checking')
  return { verdict: await check.verdict, inlineRan }
}

describe('the integrity check after unlock (worker thread)', () => {
  it('runs its worker from the TypeScript source under Vitest', () => {
    expect(workerProgram('integrityCheckWorker', join(__dirname, '../../../src/main/vault'))).toMatch(/integrityCheckWorker\.mts$/)
  })

  it('says ok for a sound file and damaged for a zeroed page, on the worker', async () => {
    const sound = encryptedFile()
    expect(await verdictOf(sound.file, sound.key)).toEqual({ verdict: 'ok', inlineRan: false })
    const hurt = encryptedFile()
    zeroPageInTheMiddle(hurt.file)
    expect(await verdictOf(hurt.file, hurt.key)).toEqual({ verdict: 'damaged', inlineRan: false })
  })

  it('with no worker program, the same check runs on the caller\'s connection: never weaker', async () => {
    const hurt = encryptedFile()
    zeroPageInTheMiddle(hurt.file)
    expect(await verdictOf(hurt.file, hurt.key, null)).toEqual({ verdict: 'damaged', inlineRan: true })
  })

  it('a wrong key is not taken for a sound file', async () => {
    const sound = encryptedFile()
    expect((await verdictOf(sound.file, randomBytes(32))).verdict).toBe('damaged')
  })
})

describe('the vault while its check runs', () => {
  it('signs in at once, holds every write (an audited search too) until the verdict, then writes them in order after the sign-in entry', async () => {
    const t = await newTestApp()
    cleanups.push(() => t.dispose())
    const [first, second] = intakeInputs({ count: 2, seed: 91, today: '2026-11-27' })
    await t.call('signOut')
    await t.call('signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase })
    // Before the verdict SQLite itself refuses a write on the connection, whoever tries it.
    if (t.app.vault.integrityState === 'checking') {
      expect(() => t.app.vault.db.prepare("INSERT INTO setting (key, value) VALUES ('x', '1')").run()).toThrow(/readonly/)
    }
    // Writes wait for the check instead of failing; a search is audited, so it waits too.
    const [found, ...saved] = await Promise.all([
      t.call('searchPersons', { query: 'a' }),
      t.call('createPerson', { ...first!, confirmNotDuplicate: true }),
      t.call('createPerson', { ...second!, confirmNotDuplicate: true })
    ])
    expect(found.items).toEqual([])
    expect(t.app.vault.integrityState).toBe('ok')
    const actions = (await t.call('listAudit', { limit: 6, offset: 0 })).entries.map((e) => e.action).reverse()
    expect(actions.slice(-5), actions.join()).toEqual(['session.sign-out', 'session.sign-in', 'person.search', 'person.create', 'person.create'])
    expect(saved).toHaveLength(2)
  })

  it('after a damaged verdict the connection stays read-only and the files do not change at all', async () => {
    const t = await newTestApp()
    cleanups.push(() => t.dispose())
    for (const input of intakeInputs({ count: 30, seed: 92, today: '2026-11-27' })) {
      await t.call('createPerson', { ...input, particulars: 'Beschikbaar in de avonduren. '.repeat(60), confirmNotDuplicate: true })
    }
    await t.call('signOut')
    const { db } = vaultPaths(t.vaultDir)
    zeroPageInTheMiddle(db)
    const before = readFileSync(db)
    await t.call('signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase })
    expect(await t.call('awaitVaultCheck')).toEqual({ integrity: 'damaged' })
    expect(() => t.app.vault.db.prepare("INSERT INTO setting (key, value) VALUES ('x', '1')").run()).toThrow(/readonly/)
    await expect(t.call('signOut')).resolves.toEqual({ ok: true })
    expect(readFileSync(db).equals(before)).toBe(true)
    expect(existsSync(`${db}-wal`)).toBe(false)
  })
})
