import { createHash } from 'node:crypto'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type Database from 'better-sqlite3-multiple-ciphers'
import { FixedClock } from '../../../src/main/clock'
import { DossierApp } from '../../../src/main/services/DossierApp'
import { ADMIN, TEST_KDF_N } from '../../support/testApp'

/** Every file of a vault folder (not sub-folders) with the SHA-256 of its bytes. */
export function fileHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f)
    if (statSync(p).isFile()) out[f] = createHash('sha256').update(readFileSync(p)).digest('hex')
  }
  return out
}

/**
 * What a vault holds, as one comparable value: per table its row count and a hash of every row
 * (in rowid order), and the audit chain's head. Equal fingerprints before and after an operation
 * mean it wrote nothing at all — no row added, changed or removed, no audit entry.
 */
export interface DbFingerprint {
  tables: Record<string, { rows: number; hash: string }>
  auditHead: { seq: number; hash: string } | null
}

export function dbFingerprint(db: Database.Database): DbFingerprint {
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name)
  const tables: DbFingerprint['tables'] = {}
  for (const name of names) {
    const h = createHash('sha256')
    let rows = 0
    for (const row of db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).iterate()) {
      h.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v)))
      rows++
    }
    tables[name] = { rows, hash: h.digest('hex') }
  }
  const head = db.prepare('SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined
  return { tables, auditHead: head ?? null }
}

/** A DossierApp on `vaultDir` without the retention scheduler: opening it changes nothing but the sign-in audit. */
export function bareApp(vaultDir: string, today = '2026-11-27'): DossierApp {
  return new DossierApp({ vaultDir, clock: new FixedClock(`${today}T10:00:00Z`), kdfN: TEST_KDF_N })
}

/** Sign in as the test admin and report the three health facts an auditor asks for after a crash. */
export async function healthOf(vaultDir: string): Promise<{ app: DossierApp; integrity: string; chain: Awaited<ReturnType<DossierApp['audit']['verify']>> }> {
  const app = bareApp(vaultDir)
  await app.signIn(ADMIN.username, ADMIN.passphrase)
  const integrity = (app.vault.db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ')
  const chain = await app.audit.verify(app.vault.dataSource.manager, app.vault.auditChainKey())
  return { app, integrity, chain }
}
