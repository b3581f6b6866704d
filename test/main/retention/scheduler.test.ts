import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { FixedClock } from '../../../src/main/clock'
import { createDossierApp, retentionSchedulerOf } from '../../../src/main/services/createDossierApp'
import type { DossierApp } from '../../../src/main/services/DossierApp'
import { ADMIN, TEST_KDF_N, tempDir } from '../../support/testApp'
import { insertPerson } from './personFixture'
import { personRow } from './retentionTestKit'

/** The scheduler as the app wires it: catch-up at unlock, then periodic, stopped by a lock. */
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function wiredApp(start: string, retentionIntervalMs?: number): Promise<{ app: DossierApp; clock: FixedClock }> {
  const { dir, cleanup } = tempDir()
  cleanups.push(cleanup)
  const clock = new FixedClock(start)
  const app = createDossierApp({ vaultDir: join(dir, 'vault'), clock, kdfN: TEST_KDF_N, retentionIntervalMs })
  cleanups.push(() => app.close())
  await app.setup(ADMIN)
  return { app, clock }
}

const runs = (app: DossierApp) =>
  app.vault.db.prepare('SELECT trigger, actorId, asOf, counts, finishedAt FROM retention_run ORDER BY startedAt, rowid').all() as {
    trigger: string
    actorId: string | null
    asOf: string
    counts: string
    finishedAt: string | null
  }[]

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = performance.now() + timeoutMs
  while (!condition()) {
    if (performance.now() > until) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 5))
  }
}

describe('the retention scheduler', () => {
  it('catches up at unlock after the app was closed for two years: everything due in between is done before sign-in returns', async () => {
    const { app, clock } = await wiredApp('2026-01-10T10:00:00Z')
    const { id: gone } = await app.vault.dataSource.transaction((m) => insertPerson(m, { person: { unsubscribedOn: '2026-02-01' } }))
    const { id: shielded } = await app.vault.dataSource.transaction((m) => insertPerson(m, { roles: ['ws-candidate'], recruitment: [{ start: '2027-01-01', end: '2027-06-30' }] }))
    await app.signOut()

    clock.set('2028-01-10T08:00:00Z') // two years later
    await app.signIn(ADMIN.username, ADMIN.passphrase)

    expect(personRow(app.vault.db, gone)).toBeUndefined()
    expect(app.vault.db.prepare('SELECT rule, deletedOn FROM tombstone WHERE personId = ?').get(gone)).toEqual({ rule: 'unsubscribed-never-worked', deletedOn: '2028-01-10' })
    expect(personRow(app.vault.db, shielded)).toMatchObject({ state: 'shielded', retentionRule: 'ws-procedure-ended' })
    const catchUp = runs(app).filter((r) => r.asOf === '2028-01-10')
    expect(catchUp).toMatchObject([{ trigger: 'unlock', actorId: null, finishedAt: expect.any(String) }])
    expect(JSON.parse(catchUp[0]!.counts)).toEqual({ 'delete:unsubscribed-never-worked': 1, 'shield:ws-procedure-ended': 1 })
    const audit = app.vault.db.prepare(`SELECT actorId FROM audit_entry WHERE action IN ('retention.delete', 'retention.shield', 'retention.run') AND at >= '2028'`).all()
    expect(audit.length).toBe(3)
    expect(audit.every((a) => (a as { actorId: string | null }).actorId === null)).toBe(true)
  })

  it('runs periodically with the injected clock\'s date while unlocked, and stops when the vault locks', async () => {
    const { app, clock } = await wiredApp('2026-02-27T10:00:00Z', 20)
    const { id } = await app.vault.dataSource.transaction((m) => insertPerson(m, { person: { unsubscribedOn: '2026-03-01' } }))
    const scheduler = retentionSchedulerOf(app)
    expect(scheduler.started).toBe(true)

    await new Promise((r) => setTimeout(r, 60))
    expect(personRow(app.vault.db, id)).toMatchObject({ state: 'active' }) // not due yet

    clock.set('2026-03-01T10:00:00Z')
    await waitFor(() => personRow(app.vault.db, id)?.['state'] === 'shielded')
    expect(runs(app).some((r) => r.trigger === 'scheduler' && r.asOf === '2026-03-01')).toBe(true)

    await waitFor(() => !scheduler.busy)
    await app.lock('manual')
    await waitFor(() => !scheduler.started)
  })

  it('does not fail a sign-in when the catch-up sweep fails (the record stays as it was)', async () => {
    const { app } = await wiredApp('2026-01-10T10:00:00Z')
    await app.vault.dataSource.transaction((m) => insertPerson(m, { person: { unsubscribedOn: '2026-01-10' } }))
    // A broken stored policy makes every sweep fail (as a bug would).
    app.vault.db.prepare(`INSERT INTO retention_policy (version, policy, createdAt, createdBy, note) VALUES (99, '{"broken":true}', '2026-01-10T10:00:00Z', NULL, NULL)`).run()
    await app.signOut()
    await expect(app.signIn(ADMIN.username, ADMIN.passphrase)).resolves.toMatchObject({ username: ADMIN.username })
    expect(app.vault.db.prepare('SELECT count(*) AS n FROM person WHERE state = ?').get('active')).toEqual({ n: 1 })
  })
})
