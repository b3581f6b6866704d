import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { entryHash, GENESIS_HASH, reasonDigest } from '../../../src/main/audit/auditChain'
import { readAuditChainKey } from '../../../src/main/vault/auditChainKey'
import { TEST_ENGINE } from '../../support/serverTestApp'
import { ADMIN, newTestApp } from '../../support/testApp'
import { withDecryptedDb } from './tamper'

type T = Awaited<ReturnType<typeof newTestApp>>
interface Row {
  seq: number
  at: string
  actorId: string | null
  action: string
  subjectId: string | null
  fields: string
  reason: string | null
  reasonDigest: string | null
  prevHash: string
  hash: string
}

type Db = import('better-sqlite3-multiple-ciphers').Database

/**
 * Re-hash every entry from `fromSeq` on, as someone who knows the algorithm would: with the
 * chain's key read from the vault (an insider holding the data key), or without it.
 */
function rehash(db: Db, fromSeq: number, withKey = true): void {
  const key = withKey ? readAuditChainKey(db) : null
  const rows = db.prepare('SELECT * FROM audit_entry ORDER BY seq').all() as Row[]
  let prev = GENESIS_HASH
  for (const r of rows) {
    if (r.seq >= fromSeq) {
      const digest = key && r.seq >= key.keyedFrom ? reasonDigest(key, r.reason) : null
      const hash = entryHash(prev, { ...r, reasonDigest: digest, fields: JSON.parse(r.fields) as string[] }, key)
      db.prepare('UPDATE audit_entry SET prevHash = ?, reasonDigest = ?, hash = ? WHERE seq = ?').run(prev, digest, hash, r.seq)
      prev = hash
    } else prev = r.hash
  }
}

describe('the audit trail is tamper-evident (R-22): verification finds the first broken entry', () => {
  let t: T
  beforeEach(async () => {
    t = await newTestApp()
    // A trail of some length: accounts, settings changes, a breach.
    await t.call('addAccount', { username: 'anna', displayName: 'Anna', roles: ['staff'], passphrase: 'anna koffie fiets regen' })
    await t.call('addAccount', { username: 'bart', displayName: 'Bart', roles: ['staff'], passphrase: 'bart zee brug lamp' })
    for (let i = 1; i <= 4; i++) {
      t.clock.advanceMs(60_000)
      const s = await t.call('getSettings')
      await t.call('updateSettings', { ...s, idleLockMinutes: 10 + i })
    }
  })
  afterEach(async () => t.dispose())

  async function tamper(work: Parameters<typeof withDecryptedDb>[1]): Promise<void> {
    await t.app.signOut()
    await withDecryptedDb(t.vaultDir, work)
    await t.app.signIn(ADMIN.username, ADMIN.passphrase)
  }
  const verify = (input: object = {}) => t.call('verifyAudit', input)
  // Raw edits of the local vault's audit table (and its key slots' witnessed heads); the office
  // server refuses them to every login, its owner's included (serverRoles.ts, test/server/).
  const tamperTest = it.skipIf(TEST_ENGINE === 'postgres')

  it('verifies an untouched trail and reports its head', async () => {
    const v = await verify()
    expect(v).toMatchObject({ ok: true, broken: null })
    expect(v.entries).toBeGreaterThanOrEqual(8)
    expect(v.head).toMatch(/^[0-9a-f]{64}$/)
  })

  tamperTest('catches an edited field of an entry', async () => {
    await tamper((db) => db.prepare("UPDATE audit_entry SET reason = 'nothing to see' WHERE seq = 4").run())
    const v = await verify()
    expect(v).toMatchObject({ ok: false, head: null, broken: { seq: 4, problem: 'hash', entry: { seq: 4 } } })
  })

  tamperTest('catches an edit of the actor or the time, even with that entry re-hashed', async () => {
    await tamper((db) => {
      db.prepare("UPDATE audit_entry SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 5").run()
      const r = db.prepare('SELECT * FROM audit_entry WHERE seq = 5').get() as Row
      db.prepare('UPDATE audit_entry SET hash = ? WHERE seq = 5').run(entryHash(r.prevHash, { ...r, fields: JSON.parse(r.fields) as string[] }, readAuditChainKey(db)))
    })
    // Entry 5 is self-consistent now, but entry 6 still points at its old hash.
    expect(await verify()).toMatchObject({ ok: false, broken: { seq: 6, problem: 'link' } })
  })

  tamperTest('catches a forged entry inserted in the middle, even with a correct hash of its own', async () => {
    await tamper((db) => {
      const rows = db.prepare('SELECT seq FROM audit_entry WHERE seq >= 4 ORDER BY seq DESC').all() as { seq: number }[]
      for (const r of rows) db.prepare('UPDATE audit_entry SET seq = ? WHERE seq = ?').run(r.seq + 1, r.seq)
      const before = db.prepare('SELECT * FROM audit_entry WHERE seq = 3').get() as Row
      const forged = { seq: 4, at: before.at, actorId: before.actorId, action: 'account.disable', subjectId: null, fields: [] as string[], reason: null }
      db.prepare('INSERT INTO audit_entry (seq, at, actorId, action, subjectId, fields, reason, prevHash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
        forged.seq, forged.at, forged.actorId, forged.action, forged.subjectId, '[]', forged.reason, before.hash, entryHash(before.hash, forged, readAuditChainKey(db))
      )
    })
    // The forged entry links correctly; the one after it does not any more.
    expect(await verify()).toMatchObject({ ok: false, broken: { seq: 5, problem: 'link' } })
  })

  tamperTest('catches a deleted entry in the middle', async () => {
    await tamper((db) => db.prepare('DELETE FROM audit_entry WHERE seq = 3').run())
    expect(await verify()).toMatchObject({ ok: false, broken: { seq: 3, problem: 'sequence', entry: null } })
  })

  tamperTest('catches a deleted entry even when the later ones are renumbered', async () => {
    await tamper((db) => {
      db.prepare('DELETE FROM audit_entry WHERE seq = 3').run()
      const rows = db.prepare('SELECT seq FROM audit_entry WHERE seq > 3 ORDER BY seq ASC').all() as { seq: number }[]
      for (const r of rows) db.prepare('UPDATE audit_entry SET seq = ? WHERE seq = ?').run(r.seq - 1, r.seq)
    })
    expect(await verify()).toMatchObject({ ok: false, broken: { seq: 3, problem: 'link' } })
  })

  tamperTest('catches the newest entries cut off the end, by comparing with an anchor', async () => {
    const anchor = await t.call('createAuditAnchor')
    await tamper((db) => db.prepare('DELETE FROM audit_entry WHERE seq >= ?').run(anchor.seq - 2))
    const v = await verify()
    // The chain that is left is consistent (signing in appended to it again)…
    expect(v.broken).toBeNull()
    // …but the anchored entry is gone or is another one now.
    expect(v.ok).toBe(false)
    expect(v.anchors.failed).toMatchObject({ seq: anchor.seq, source: 'stored' })
    expect(['missing', 'mismatch']).toContain(v.anchors.failed!.problem)
  })

  tamperTest('catches the tail cut off with the in-vault anchors gone too, by the head the admin witnessed at sign-out (issue 15)', async () => {
    await t.call('createAuditAnchor')
    const head = (await t.app.audit.head(t.app.vault.dataSource.manager))!
    await tamper((db) => {
      db.prepare('DELETE FROM audit_entry WHERE seq >= ?').run(head.seq - 3)
      db.prepare('DELETE FROM audit_anchor').run()
    })
    // The admin's sign-out witnessed head.seq + 1 (its own sign-out entry); the sign-in appended
    // fresh entries after the cut, so the witnessed number exists again but is another entry.
    expect(t.app.session.auditAlert).toMatchObject({ seq: head.seq + 1, accountName: ADMIN.displayName })
    const v = await verify()
    expect(v).toMatchObject({ ok: false, broken: null, anchors: { failed: null }, witnesses: { failed: { seq: head.seq + 1 } } })
    const [alert] = await t.app.audit.list(t.app.vault.dataSource.manager, { action: 'audit.witness-broken' })
    expect(alert?.reason).toMatch(new RegExp(`^head witnessed by account [0-9a-f-]{36} at entry ${head.seq + 1} (missing|mismatch)$`))
  })

  tamperTest('catches a trail rebuilt from scratch with valid keyed hashes: by the witnessed heads in the key slots, and by an anchor kept outside the vault', async () => {
    const anchor = await t.call('createAuditAnchor')
    await tamper((db) => {
      db.prepare("UPDATE audit_entry SET reason = 'rewritten' WHERE seq = 2").run()
      db.prepare('DELETE FROM audit_anchor').run() // the attacker removes the anchors in the vault too
      rehash(db, 2)
    })
    // The chain itself verifies (the insider had the key), but the head the admin witnessed at
    // sign-out is another entry now; the sign-in said so at once.
    expect(t.app.session.auditAlert).toMatchObject({ seq: expect.any(Number), problem: 'mismatch', accountName: ADMIN.displayName })
    const inside = await verify()
    expect(inside).toMatchObject({ ok: false, broken: null, anchors: { failed: null }, witnesses: { failed: { problem: 'mismatch' } } })
    const v = await verify({ anchorText: anchor.text })
    expect(v).toMatchObject({ ok: false, broken: null, anchors: { checked: 1, failed: { seq: anchor.seq, source: 'external', problem: 'mismatch' } } })
  })

  tamperTest('catches a trail re-hashed without the chain key at the first re-hashed entry (issue 15: the links are keyed)', async () => {
    await tamper((db) => {
      db.prepare("UPDATE audit_entry SET reason = 'rewritten' WHERE seq = 3").run()
      rehash(db, 3, false)
    })
    expect(await verify()).toMatchObject({ ok: false, broken: { seq: 3, problem: 'hash' } })
  })

  tamperTest('audits every verification with its outcome', async () => {
    await tamper((db) => db.prepare("UPDATE audit_entry SET action = 'session.lock' WHERE seq = 2").run())
    await verify()
    const [last] = await t.app.audit.list(t.app.vault.dataSource.manager, { limit: 1 })
    expect(last).toMatchObject({ action: 'audit.verify', reason: 'broken at 2 (hash)' })
  })
})
