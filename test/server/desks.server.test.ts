import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FixedClock } from '../../src/main/clock'
import { createDispatcher } from '../../src/main/services/dispatcher'
import { retentionSchedulerOf } from '../../src/main/services/retentionScheduling'
import { ServerApp } from '../../src/main/services/ServerApp'
import { SERVER_SWEEP_LOCK_KEY } from '../../src/main/server/sweepLock'
import { createContractClient } from '../../src/shared/contract/client'
import { newServerTestApp } from '../support/serverTestApp'
import { ADMIN, TEST_KDF_N } from '../support/testApp'
import { fullIntake } from '../main/people/peopleFixtures'
import { insertPerson } from '../main/retention/personFixture'

const SANNE = { username: 'sanne', displayName: 'Sanne', passphrase: 'sanne haar eigen lange wachtwoordzin' }
const PETRA = { username: 'petra', displayName: 'Petra', passphrase: 'petra haar privacy wachtwoordzin' }

const intake = (n: number) => fullIntake({ ref: `K-${2000 + n}`, familyName: `Bureau${n}`, email: `kandidaat${n}@example.nl`, phone: `06-1234 ${String(1000 + n)}` })

/** Issue 17 point 4: two desks of one office server at once, each signed in as its own login. */
describe('several desks on one office server', () => {
  const clock = new FixedClock('2026-11-27T10:00:00Z')
  let office: Awaited<ReturnType<typeof newServerTestApp>>
  let deskB: ServerApp
  let deskC: ServerApp
  const callA = () => createContractClient(createDispatcher(office.app)).call
  const callB = () => createContractClient(createDispatcher(deskB)).call
  const count = async (sql: string) => Number((await office.sql<{ n: string }>(sql))[0]!.n)
  /** A connection of the schema's owner, outside any desk. */
  const ownerClient = async () => {
    const address = office.address as { host: string; port: number; username: string; database: string }
    const client = new pg.Client({ host: address.host, port: address.port, user: address.username, database: address.database })
    await client.connect()
    return client
  }

  beforeAll(async () => {
    office = await newServerTestApp({ clock, kdfN: TEST_KDF_N, admin: ADMIN, setup: true })
    await callA()('addAccount', { ...SANNE, roles: ['staff'] })
    deskB = new ServerApp({ server: office.address, clock, kdfN: TEST_KDF_N })
    await deskB.signIn(SANNE.username, SANNE.passphrase)
    await callA()('addAccount', { ...PETRA, roles: ['privacy_officer'] })
    deskC = new ServerApp({ server: office.address, clock, kdfN: TEST_KDF_N })
    await deskC.signIn(PETRA.username, PETRA.passphrase)
  })
  afterAll(async () => {
    await deskB?.close()
    await deskC?.close()
    await office?.dispose()
  })

  it('appends one audit chain in order while both desks save at once: every number once, each entry linked to the one before, and it verifies', async () => {
    const before = await count('SELECT count(*) AS "n" FROM "audit_entry"')
    await Promise.all(Array.from({ length: 24 }, (_, n) => (n % 2 === 0 ? callA() : callB())('createPerson', intake(n))))
    const chain = await office.sql<{ seq: number; prevHash: string; hash: string; actorId: string }>('SELECT "seq", "prevHash", "hash", "actorId" FROM "audit_entry" ORDER BY "seq"')
    expect(chain.length).toBe(before + 24)
    chain.forEach((entry, i) => {
      expect(entry.seq).toBe(i + 1)
      if (i > 0) expect(entry.prevHash).toBe(chain[i - 1]!.hash)
    })
    // Both desks wrote, each as its own account.
    expect(new Set(chain.slice(before).map((e) => e.actorId)).size).toBe(2)
    expect(await callA()('verifyAudit', {})).toMatchObject({ ok: true })
  })

  it('holds the duplicate and do-not-contact checks across desks: the same walk-in registered at two desks at once is one record, and a person marked do-not-contact at one desk is refused at the other', async () => {
    // Each check reads inside its write transaction, after the office's write lock: the second
    // desk's transaction starts after the first's commit and sees it (a unique constraint cannot
    // say "same e-mail, or phone, or birth date and family name").
    for (let round = 0; round < 5; round++) {
      const same = fullIntake({ ref: null, familyName: `Tweemaal${round}`, email: `tweemaal${round}@example.nl`, phone: `06-5550 ${String(1000 + round)}` })
      const both = await Promise.allSettled([callA()('createPerson', same), callB()('createPerson', same)])
      expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
      const refused = both.find((r) => r.status === 'rejected') as PromiseRejectedResult
      expect(refused.reason).toMatchObject({ code: 'DUPLICATE_PERSON' })
      expect(await count(`SELECT count(*) AS "n" FROM "person" WHERE "familyName" = 'Tweemaal${round}'`)).toBe(1)
    }
    const noor = fullIntake({ ref: null, familyName: 'Nooitmeer', email: 'nooit.meer@example.nl', phone: '06-5559 9999' })
    const { personId } = await callA()('createPerson', noor)
    await callA()('markDoNotContact', { personId, reasonCategory: 'no-approach' })
    await expect(callB()('createPerson', noor)).rejects.toMatchObject({ code: 'DO_NOT_CONTACT_MATCH' })
  })

  it('shows the run in progress on one desk to a privacy officer at another: how far it is, and nothing once it ended', async () => {
    // Unsubscribed long ago, never worked: due for deletion.
    await office.app.vault.dataSource.transaction(async (m) => {
      for (let i = 0; i < 200; i++) await insertPerson(m, { person: { ref: `V-${i}`, unsubscribedOn: '2026-01-05' } })
    })
    const progressAtC = () => createContractClient(createDispatcher(deskC)).call('getRetentionProgress', {})
    expect(await progressAtC()).toEqual({ running: false, done: 0, total: 0 })
    const run = retentionSchedulerOf(office.app).run({ trigger: 'manual', actorId: office.app.session.accountId })
    let ended = false
    void run.finally(() => (ended = true))
    const seen: { running: boolean; done: number; total: number }[] = []
    while (!ended) {
      seen.push(await progressAtC())
      await new Promise((r) => setTimeout(r, 20))
    }
    await expect(run).resolves.toMatchObject({ personsChanged: 200 })
    const during = seen.filter((p) => p.running && p.total > 0)
    expect(during.length).toBeGreaterThan(0)
    for (const p of during) expect(p.done).toBeLessThanOrEqual(p.total)
    expect(Math.max(...during.map((p) => p.done))).toBeGreaterThan(0)
    expect(await progressAtC()).toEqual({ running: false, done: 0, total: 0 })
  })

  it('runs the retention sweep on one privacy officer\'s desk at a time: a desk that finds another sweeping skips its own run; a run asked for waits; a desk killed mid-sweep leaves the lock to the next; staff desks never sweep', async () => {
    const runsAtStart = await count('SELECT count(*) AS "n" FROM "retention_run"')
    // Another desk sweeps: its connection holds the office's sweep lock.
    const otherDesk = await ownerClient()
    await otherDesk.query(`SELECT pg_advisory_lock(${SERVER_SWEEP_LOCK_KEY})`)
    const pid = ((await otherDesk.query('SELECT pg_backend_pid() AS "pid"')).rows[0] as { pid: number }).pid
    otherDesk.on('error', () => undefined) // it is killed below
    const schedulerC = retentionSchedulerOf(deskC)
    try {
      expect(await schedulerC.catchUp()).toBeNull()
      expect(await schedulerC.tick()).toBeNull()
    } finally {
      schedulerC.stop()
    }
    // Neither skipped run left a record.
    const runsBefore = await count('SELECT count(*) AS "n" FROM "retention_run"')
    expect(runsBefore).toBe(runsAtStart)

    // A privacy officer's run waits for the other desk's...
    let settled = false
    const manual = retentionSchedulerOf(office.app)
      .run({ trigger: 'manual', actorId: office.app.session.accountId })
      .finally(() => {
        settled = true
      })
    await new Promise((r) => setTimeout(r, 400))
    expect(settled).toBe(false)
    // ...and that desk dies mid-sweep (its connection drops, as with kill -9): the lock is free, this run goes.
    const killer = await ownerClient()
    try {
      await killer.query('SELECT pg_terminate_backend($1)', [pid])
    } finally {
      await killer.end()
    }
    await expect(manual).resolves.toMatchObject({ trigger: 'manual' })
    expect(await count('SELECT count(*) AS "n" FROM "retention_run"')).toBe(runsBefore + 1)
    await otherDesk.end().catch(() => undefined)
    // Nobody else sweeps now: the privacy officer's desk runs its own; a staff desk, which does
    // not see shielded records, never sweeps the office.
    const schedulerB = retentionSchedulerOf(deskB)
    try {
      expect(await schedulerB.catchUp()).toBeNull()
    } finally {
      schedulerB.stop()
    }
    const schedulerC2 = retentionSchedulerOf(deskC)
    try {
      expect(await schedulerC2.tick()).toMatchObject({ trigger: 'scheduler' })
    } finally {
      schedulerC2.stop()
    }
    expect(await count('SELECT count(*) AS "n" FROM "retention_run"')).toBe(runsBefore + 2)
  })
})
