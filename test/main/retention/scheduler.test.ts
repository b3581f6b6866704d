import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { FixedClock } from '../../../src/main/clock'
import { createDossierApp, createServerApp, retentionSchedulerOf } from '../../../src/main/services/createDossierApp'
import type { DossierApp } from '../../../src/main/services/DossierApp'
import type { ServerApp } from '../../../src/main/services/ServerApp'
import { portableQuery } from '../../../src/main/vault/portableQuery'
import { TEST_ENGINE } from '../../support/serverTestApp'
import { ADMIN, newTestApp, TEST_KDF_N, tempDir } from '../../support/testApp'
import { createDispatcher } from '../../../src/main/services/dispatcher'
import { createContractClient } from '../../../src/shared/contract/client'
import { insertPerson } from './personFixture'
import { personRow, type Stored, termsOf } from './retentionTestKit'

const STAFF = { username: 'medewerker', displayName: 'Medewerker', passphrase: 'medewerker wachtwoordzin' }

/** The scheduler as the app wires it: catch-up at unlock, then periodic, stopped by a lock. */
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/**
 * An app wired as the shell wires it, signed in as the administrator: a local vault
 * (createDossierApp), or a desk of a fresh office database (createServerApp). `db`: what is stored.
 */
async function wiredApp(start: string, retentionIntervalMs?: number): Promise<{ app: DossierApp | ServerApp; clock: FixedClock; db: Stored }> {
  if (TEST_ENGINE === 'postgres') {
    // The office database of a test app (its own desk stays signed in, without a scheduler).
    const office = await newTestApp({ start })
    cleanups.push(() => office.dispose())
    const server = (office.app as unknown as ServerApp).options.server
    const app = createServerApp({ server, clock: office.clock, kdfN: TEST_KDF_N, retentionIntervalMs })
    cleanups.push(() => app.close())
    await app.signIn(ADMIN.username, ADMIN.passphrase)
    return { app, clock: office.clock, db: office }
  }
  const { dir, cleanup } = tempDir()
  cleanups.push(cleanup)
  const clock = new FixedClock(start)
  const app = createDossierApp({ vaultDir: join(dir, 'vault'), clock, kdfN: TEST_KDF_N, retentionIntervalMs })
  cleanups.push(() => app.close())
  await app.setup(ADMIN)
  const sql = <T>(text: string, params?: Record<string, unknown>) => portableQuery<T>(app.vault.dataSource.manager, text, params)
  const sqlCount = async (text: string, params?: Record<string, unknown>) => Number((await sql<{ n: number }>(text, params))[0]?.n ?? 0)
  return { app, clock, db: { sql, sqlCount } }
}

const runs = (db: Stored) =>
  db.sql<{ trigger: string; actorId: string | null; asOf: string; counts: string; finishedAt: string | null }>(
    'SELECT "trigger", "actorId", "asOf", "counts", "finishedAt" FROM "retention_run" ORDER BY "startedAt", "id"'
  )

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = performance.now() + timeoutMs
  while (!(await condition())) {
    if (performance.now() > until) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 5))
  }
}

describe('the retention scheduler', () => {
  it('catches up at unlock after the app was closed for two years: everything due in between is done before sign-in returns', async () => {
    const { app, clock, db } = await wiredApp('2026-01-10T10:00:00Z')
    const { id: gone } = await app.vault.dataSource.transaction((m) => insertPerson(m, { person: { unsubscribedOn: '2026-02-01' } }))
    const { id: shielded } = await app.vault.dataSource.transaction((m) => insertPerson(m, { roles: ['ws-candidate'], recruitment: [{ start: '2027-01-01', end: '2027-06-30' }] }))
    await app.signOut()

    clock.set('2028-01-10T08:00:00Z') // two years later
    await app.signIn(ADMIN.username, ADMIN.passphrase)

    expect(await personRow(db, gone)).toBeUndefined()
    expect(await db.sql('SELECT "rule", "deletedOn" FROM "tombstone" WHERE "personId" = :gone', { gone })).toEqual([{ rule: 'unsubscribed-never-worked', deletedOn: '2028-01-10' }])
    expect(await personRow(db, shielded)).toMatchObject({ state: 'shielded', retentionRule: 'ws-procedure-ended' })
    const catchUp = (await runs(db)).filter((r) => r.asOf === '2028-01-10')
    expect(catchUp).toMatchObject([{ trigger: 'unlock', actorId: null, finishedAt: expect.any(String) }])
    expect(JSON.parse(catchUp[0]!.counts)).toEqual({ 'delete:unsubscribed-never-worked': 1, 'shield:ws-procedure-ended': 1 })
    const audit = await db.sql(`SELECT "actorId" FROM "audit_entry" WHERE "action" IN ('retention.delete', 'retention.shield', 'retention.run') AND "at" >= '2028'`)
    expect(audit.length).toBe(3)
    expect(audit.every((a) => (a as { actorId: string | null }).actorId === null)).toBe(true)
  })

  it('runs periodically with the injected clock\'s date while unlocked, and stops when the vault locks', async () => {
    const { app, clock, db } = await wiredApp('2026-02-27T10:00:00Z', 20)
    const { id } = await app.vault.dataSource.transaction((m) => insertPerson(m, { person: { unsubscribedOn: '2026-03-01' } }))
    const scheduler = retentionSchedulerOf(app)
    expect(scheduler.started).toBe(true)

    await new Promise((r) => setTimeout(r, 60))
    expect(await personRow(db, id)).toMatchObject({ state: 'active' }) // not due yet

    clock.set('2026-03-01T10:00:00Z')
    await waitFor(async () => (await personRow(db, id))?.['state'] === 'shielded')
    expect((await runs(db)).some((r) => r.trigger === 'scheduler' && r.asOf === '2026-03-01')).toBe(true)

    await waitFor(async () => !scheduler.busy)
    await app.lock('manual')
    await waitFor(async () => !scheduler.started)
  })

  it('does not fail a sign-in when the catch-up sweep fails (the record stays as it was)', async () => {
    const { app, db } = await wiredApp('2026-01-10T10:00:00Z')
    await app.vault.dataSource.transaction((m) => insertPerson(m, { person: { unsubscribedOn: '2026-01-10' } }))
    // A broken stored policy makes every sweep fail (as a bug would).
    await db.sql(`INSERT INTO "retention_policy" ("version", "policy", "createdAt", "createdBy", "note") VALUES (99, '{"broken":true}', '2026-01-10T10:00:00Z', NULL, NULL)`)
    await app.signOut()
    await expect(app.signIn(ADMIN.username, ADMIN.passphrase)).resolves.toMatchObject({ username: ADMIN.username })
    expect(await db.sqlCount('SELECT count(*) AS "n" FROM "person" WHERE "state" = :state', { state: 'active' })).toBe(1)
  })

  it('deletes on the shorter term of a new policy though a staff member signed in first: no catch-up skips the restricted records', async () => {
    const { app, clock, db } = await wiredApp('2027-02-10T10:00:00Z')
    const call = createContractClient(createDispatcher(app)).call
    const { id } = await app.vault.dataSource.transaction((m) => insertPerson(m, { person: { unsubscribedOn: '2027-01-31' } }))
    await app.vault.dataSource.transaction((m) => insertPerson(m, {}))
    await call('runRetention', {}) // shielded: deletion due 2027-04-30 under the shipped 3 months
    await call('runRetention', {}) // and dated so
    const { current } = await call('getRetentionPolicy', {})
    await call('updateRetentionPolicy', { terms: { ...termsOf(current), 'unsubscribed-never-worked': { amount: 2, unit: 'months' } }, note: 'Two months' })
    await call('addAccount', { ...STAFF, roles: ['staff'] })

    // A staff member signs in first. On the office server their login does not see the shielded
    // record (row-level security): their desk's catch-up must not count it as checked.
    await app.signIn(STAFF.username, STAFF.passphrase)
    await app.signIn(ADMIN.username, ADMIN.passphrase)
    expect(await personRow(db, id)).toMatchObject({ state: 'shielded' })

    clock.set('2027-03-31T10:00:00Z') // 31 Jan + 2 months
    await app.signIn(ADMIN.username, ADMIN.passphrase)
    expect(await db.sql('SELECT "rule", "deletedOn", "policyVersion" FROM "tombstone" WHERE "personId" = :id', { id })).toEqual([{ rule: 'unsubscribed-never-worked', deletedOn: '2027-03-31', policyVersion: 2 }])
    expect(await db.sqlCount('SELECT count(*) AS "n" FROM "retention_run" WHERE "finishedAt" IS NULL')).toBe(0)
  })
})
