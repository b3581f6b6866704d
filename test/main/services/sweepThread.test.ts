import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { SweepOptions, SweepResult } from '../../../src/main/retention/sweep'
import { sweepOffThread } from '../../../src/main/services/sweepThread'
import { CHECKED_UNDER_POLICY } from '../../../src/main/retention/retentionWalk'
import { readLedgerLines } from '../../../src/main/vault/erasureLedger'
import { vaultPaths } from '../../../src/main/vault/vaultFiles'
import { RUN_PERSONS_LISTED } from '../../../src/shared/contract/retention'
import { addCalendarDays } from '../../../src/shared/time'
import { DUE_REGISTERED_ON, intakeInputs } from '../../reliability/support/intake'
import { ADMIN, newTestApp } from '../../support/testApp'
import { insertPerson } from '../retention/personFixture'
import type { TestApp } from '../retention/retentionTestKit'

/**
 * Issue 18 point 5: the retention sweep on its worker thread (services/sweepThread.ts), with the
 * BUILT worker (`npm run build`): the same outcome as in the main process, the app's saves landing
 * between the thread's transactions with the audit chain and the erasure ledger whole, the app's
 * clock on every row, a lock in the middle of a run stopping the thread before the vault lets go of
 * its key (every person before or after, never half), and the main process doing the run when the
 * thread cannot.
 */
const WORKER = resolve(__dirname, '../../../out/main/retentionSweepWorker.js')
const TODAY = '2026-11-27'
const PER_KIND = 70

type Kind = 'delete' | 'shield' | 'purge-attachment'
let t: TestApp
let seeded: { id: string; kind: Kind }[]

beforeAll(() => {
  if (!existsSync(WORKER)) throw new Error('The retention thread is not built: run `npm run build` first')
})

afterEach(async () => {
  await t?.dispose()
})

async function seedDue(): Promise<void> {
  t = await newTestApp({ start: `${TODAY}T10:00:00Z` })
  seeded = []
  await t.app.vault.dataSource.transaction(async (m) => {
    for (let i = 0; i < PER_KIND; i++) {
      const contact = { email: 'iemand@example.nl', education: 'mbo', unsubscribedOn: null as string | null }
      // unsubscribed more than 3 months ago, never worked: deleted.
      seeded.push({ id: (await insertPerson(m, { person: { ...contact, unsubscribedOn: addCalendarDays(TODAY, -200) }, attachments: [{ kind: 'cv', addedOn: '2025-01-01' }], consents: [{ category: 'health' }] })).id, kind: 'delete' })
      // Unsubscribed days ago: shielded at once.
      seeded.push({ id: (await insertPerson(m, { person: { ...contact, unsubscribedOn: addCalendarDays(TODAY, -5) } })).id, kind: 'shield' })
      // An ID copy kept longer than its term: purged.
      seeded.push({ id: (await insertPerson(m, { person: contact, attachments: [{ kind: 'id-copy', addedOn: addCalendarDays(TODAY, -40) }] })).id, kind: 'purge-attachment' })
    }
  })
}

/** 'before', 'after', or 'half' with what was found. */
function stateOf(id: string, kind: Kind): string {
  const db = t.app.vault.db
  const n = (sql: string) => (db.prepare(sql).get(id) as { n: number }).n
  const person = db.prepare('SELECT state FROM person WHERE id = ?').get(id) as { state: string } | undefined
  switch (kind) {
    case 'delete': {
      const rows = [n('SELECT count(*) AS n FROM attachment WHERE personId = ?'), n('SELECT count(*) AS n FROM special_data WHERE personId = ?'), n('SELECT count(*) AS n FROM tombstone WHERE personId = ?'), n(`SELECT count(*) AS n FROM audit_entry WHERE subjectId = ? AND action = 'retention.delete'`)]
      if (person && rows.join() === '1,1,0,0') return 'before'
      if (!person && rows.join() === '0,0,1,1') return 'after'
      return `half ${!!person} ${rows.join()}`
    }
    case 'shield': {
      const audits = n(`SELECT count(*) AS n FROM audit_entry WHERE subjectId = ? AND action = 'retention.shield'`)
      if (person?.state === 'active' && audits === 0) return 'before'
      if (person?.state === 'shielded' && audits === 1) return 'after'
      return `half ${person?.state} ${audits}`
    }
    case 'purge-attachment': {
      const rows = [n(`SELECT count(*) AS n FROM attachment WHERE personId = ? AND kind = 'id-copy'`), n(`SELECT count(*) AS n FROM audit_entry WHERE subjectId = ? AND action = 'retention.purge'`)]
      if (rows.join() === '1,0') return 'before'
      if (rows.join() === '0,1') return 'after'
      return `half ${rows.join()}`
    }
  }
}

function states(): Record<string, number> {
  const out: Record<string, number> = {}
  for (const p of seeded) {
    const s = stateOf(p.id, p.kind)
    out[s] = (out[s] ?? 0) + 1
  }
  return out
}

async function expectWholeVault(): Promise<void> {
  expect(t.app.vault.db.pragma('integrity_check', { simple: true })).toBe('ok')
  expect(t.app.vault.db.pragma('foreign_key_check')).toEqual([])
  expect(await t.app.audit.verify(t.app.vault.dataSource.manager, t.app.vault.auditChainKey())).toMatchObject({ ok: true })
}

/** The sweep as the app runs it: on the built thread, or (`inline`) in this process as where no thread is built. */
function onThread(opts: Partial<SweepOptions>, fallbacks: string[] = [], inline = false): Promise<SweepResult> {
  const actorId = t.app.requireActor().accountId
  return sweepOffThread(t.app, { asOf: TODAY, trigger: 'manual', actorId, ...opts }, { workerFile: inline ? null : WORKER, onFallback: (code) => fallbacks.push(code), inProcessUpTo: -1 })
}

describe('the retention sweep on its worker thread', () => {
  // In the main process too: a save that read before it wrote failed with SQLITE_BUSY while the
  // checkpointer thread held the write lock for a moment (vault/writeLock.ts).
  it.each([
    ['on its thread', false],
    ['in the main process', true]
  ])('does every due action %s, dated by the app clock, while the app saves in between its transactions', async (_where, inline) => {
    await seedDue()
    const fallbacks: string[] = []
    const progress: number[] = []
    let settled = false
    const run = onThread({ maxPerTransaction: 2, onProgress: (p) => progress.push(p.done) }, fallbacks, inline).finally(() => (settled = true))

    // Intake saves through the contract while the run goes: each waits for at most one of the
    // thread's transactions, so some land in the middle of the run.
    const inputs = intakeInputs({ count: 400, seed: 7, today: TODAY, registeredOn: DUE_REGISTERED_ON })
    const saved: string[] = []
    let savedMidRun = 0
    for (const input of inputs) {
      // Each save arrives as its own event, as the renderer's calls do over IPC.
      await new Promise((resolve) => setImmediate(resolve))
      if (settled) break
      const { personId } = await t.call('createPerson', { ...input, ref: `TH-${saved.length + 1}`, confirmNotDuplicate: true })
      saved.push(personId)
      const done = progress.at(-1) ?? 0
      if (!settled && done > 0 && done < seeded.length) savedMidRun++
    }
    const result = await run

    expect(fallbacks).toEqual([])
    expect(result.personsChanged).toBe(seeded.length)
    // A manual run names the first persons it changed, never all: the counts cover everyone.
    expect(seeded.length).toBeGreaterThan(RUN_PERSONS_LISTED)
    expect(result.persons).toHaveLength(RUN_PERSONS_LISTED)
    expect(result.finishedAt).toBe(`${TODAY}T10:00:00.000Z`)
    expect(savedMidRun).toBeGreaterThan(0)
    expect(states()).toEqual({ after: seeded.length })
    // Every save is there, untouched by the run.
    const kept = t.app.vault.db.prepare(`SELECT count(*) AS n FROM person WHERE state = 'active' AND ref LIKE 'TH-%'`).get() as { n: number }
    expect(kept.n).toBe(saved.length)
    await expectWholeVault()
    // The run's own entry names the officer and the app's clock; one ledger line per deletion and purge.
    const entry = t.app.vault.db.prepare(`SELECT actorId, at FROM audit_entry WHERE action = 'retention.run' ORDER BY seq DESC LIMIT 1`).get() as { actorId: string; at: string }
    expect(entry).toEqual({ actorId: t.app.requireActor().accountId, at: `${TODAY}T10:00:00.000Z` })
    const ledger = readLedgerLines(vaultPaths(t.vaultDir).erasureLedger)
    expect(ledger.filter((e) => e.kind === 'delete')).toHaveLength(PER_KIND)
    expect(ledger.filter((e) => e.kind === 'purge-attachment')).toHaveLength(PER_KIND)
  })

  it('stops at a lock in the middle: the thread ends before the key goes, every person before or after, the next run finishes', async () => {
    await seedDue()
    let locking: Promise<void> | null = null
    const run = onThread({
      maxPerTransaction: 1,
      onProgress: (p) => {
        if (p.done >= 5 && !locking) locking = t.app.lock('manual')
      }
    })
    await expect(run).rejects.toMatchObject({ code: 'VAULT_LOCKED' })
    await locking

    await t.app.signIn(ADMIN.username, ADMIN.passphrase)
    expect(await t.app.vaultCheck()).toBe('ok')
    await expectWholeVault()
    const midway = states()
    expect(Object.keys(midway).sort()).toEqual(['after', 'before'])
    const unfinished = t.app.vault.db.prepare('SELECT count(*) AS n FROM retention_run WHERE finishedAt IS NULL').get() as { n: number }
    expect(unfinished.n).toBeGreaterThan(0)

    const next = await onThread({})
    expect(next.personsChanged).toBe(midway['before'])
    expect(states()).toEqual({ after: seeded.length })
    // Nothing of the run stays in the WAL: the thread's batch ends with it emptied.
    expect(t.app.vault.db.pragma('wal_checkpoint(PASSIVE)')).toEqual([{ busy: 0, log: 0, checkpointed: 0 }])
    await expectWholeVault()
  })

  it('runs in the main process when the thread cannot start, with the same outcome', async () => {
    await seedDue()
    const fallbacks: string[] = []
    const actorId = t.app.requireActor().accountId
    const result = await sweepOffThread(t.app, { asOf: TODAY, trigger: 'manual', actorId }, { workerFile: join(t.dir, 'no-such-worker.js'), onFallback: (code) => fallbacks.push(code), inProcessUpTo: -1 })
    expect(fallbacks).toEqual(['INTERNAL'])
    expect(result.personsChanged).toBe(seeded.length)
    expect(states()).toEqual({ after: seeded.length })
    await expectWholeVault()
  })

  it('starts no thread for a run with few persons to look at (a sign-in that finds nothing due), and one for more', async () => {
    await seedDue()
    const actorId = t.app.requireActor().accountId
    const fallbacks: string[] = []
    // A thread that cannot start says so (onFallback): here none is tried, below one is.
    const run = (inProcessUpTo?: number) => sweepOffThread(t.app, { asOf: TODAY, trigger: 'manual', actorId }, { workerFile: join(t.dir, 'no-such-worker.js'), onFallback: (code) => fallbacks.push(code), inProcessUpTo })
    const first = await run(seeded.length)
    expect(fallbacks).toEqual([])
    expect(first.personsChanged).toBe(seeded.length)
    expect(states()).toEqual({ after: seeded.length })
    // A changed person's check date is cleared (the retention-check trigger): the next run dates them again.
    expect((await run(seeded.length)).personsChanged).toBe(0)
    // Then nothing is due: nobody to look at, no thread.
    expect((await run(0)).personsChanged).toBe(0)
    expect(fallbacks).toEqual([])
    // Everyone looked at again (a run under another policy version): more than one person, so a thread.
    await t.sql('DELETE FROM "setting" WHERE "key" = :key', { key: CHECKED_UNDER_POLICY })
    expect((await run(1)).personsChanged).toBe(0)
    expect(fallbacks).toEqual(['INTERNAL'])
    await expectWholeVault()
  })
})
