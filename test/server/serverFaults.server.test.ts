import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { FixedClock } from '../../src/main/clock'
import { createDispatcher } from '../../src/main/services/dispatcher'
import { createContractClient } from '../../src/shared/contract/client'
import { prospect } from '../main/people/peopleFixtures'
import { newServerTestApp } from '../support/serverTestApp'
import { ADMIN, TEST_KDF_N } from '../support/testApp'

/**
 * Issue 17, "bad input and faults": a server the desk must not write to (a newer schema), and the
 * desk's connection dropping in the middle of its work (the server restarted, the network went, an
 * administrator ended the session).
 */
describe('a desk meeting a fault of the office server', () => {
  let office: Awaited<ReturnType<typeof newServerTestApp>> | null = null
  afterEach(async () => {
    await office?.dispose()
    office = null
  })

  /** The office's owner on its own connection (the tests' superuser). */
  async function ownerClient(): Promise<pg.Client> {
    if ('url' in office!.address) throw new Error('a test office has a socket address')
    const { host, port, username, database } = office!.address
    const owner = new pg.Client({ host, port, user: username, database })
    await owner.connect()
    return owner
  }

  /** Ends every session of the desk's login on the server, as a restart or a dropped network does. */
  async function dropDeskConnections(owner: pg.Client): Promise<number> {
    const r = await owner.query('SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE usename = $1', [ADMIN.username])
    return r.rowCount ?? 0
  }

  const person = (name: string) => prospect({ givenName: name, familyName: `${name}sen`, email: `${name.toLowerCase()}@example.nl` })

  it('a server whose schema is newer than this desk: refused at sign-in with a stable code, nothing written', async () => {
    office = await newServerTestApp({ clock: new FixedClock('2026-11-27T10:00:00Z'), kdfN: TEST_KDF_N, admin: { ...ADMIN }, setup: true })
    await office.app.signOut()
    // A newer Dossier migrated the office (a migration this desk does not know).
    await office.sql(`INSERT INTO "migrations" ("timestamp", "name") VALUES (1899999999999, 'Later1899999999999')`)
    const entries = async () => Number((await office!.sql<{ n: string }>('SELECT count(*) AS "n" FROM "audit_entry"'))[0]!.n)
    const before = await entries()
    await expect(office.app.signIn(ADMIN.username, ADMIN.passphrase)).rejects.toMatchObject({ code: 'SERVER_FUTURE_SCHEMA' })
    expect(await entries()).toBe(before)
  })

  it('between two calls: the next call reconnects and works', async () => {
    office = await newServerTestApp({ clock: new FixedClock('2026-11-27T10:00:00Z'), kdfN: TEST_KDF_N, admin: { ...ADMIN }, setup: true })
    const { call } = createContractClient(createDispatcher(office.app))
    await call('createPerson', person('Eerste'))
    const owner = await ownerClient()
    try {
      expect(await dropDeskConnections(owner)).toBeGreaterThan(0)
    } finally {
      await owner.end()
    }
    await call('createPerson', person('Tweede'))
    expect((await office.sql<{ givenName: string }>('SELECT "givenName" FROM "person" ORDER BY "givenName"')).map((p) => p.givenName)).toEqual(['Eerste', 'Tweede'])
  })

  it('in the middle of a save: a stable code that says so, nothing of the save written, and the next call works', async () => {
    office = await newServerTestApp({ clock: new FixedClock('2026-11-27T10:00:00Z'), kdfN: TEST_KDF_N, admin: { ...ADMIN }, setup: true })
    const { call } = createContractClient(createDispatcher(office.app))
    await call('createPerson', person('Eerste'))
    const auditBefore = Number((await office.sql<{ n: string }>('SELECT count(*) AS "n" FROM "audit_entry"'))[0]!.n)
    // The owner holds the audit table: the save's transaction gets as far as its audit entry and waits there.
    const owner = await ownerClient()
    let lost: unknown
    try {
      await owner.query('BEGIN')
      await owner.query('LOCK TABLE "audit_entry" IN ACCESS EXCLUSIVE MODE')
      const saving = call('createPerson', person('Tweede')).then(
        () => null,
        (e: unknown) => e
      )
      // Until the desk's session is seen waiting for the lock, then it is ended.
      for (let i = 0; i < 200; i++) {
        const waiting = await owner.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE usename = $1 AND wait_event_type = 'Lock'`, [ADMIN.username])
        if (Number(waiting.rows[0].n) > 0) break
        await new Promise((r) => setTimeout(r, 25))
      }
      expect(await dropDeskConnections(owner)).toBeGreaterThan(0)
      lost = await saving
    } finally {
      await owner.query('ROLLBACK')
      await owner.end()
    }
    expect(lost).toMatchObject({ code: 'SERVER_CONNECTION_LOST' })
    expect(String((lost as Error).message)).not.toMatch(/Tweede|terminat|administrator/i)
    expect((await office.sql<{ givenName: string }>('SELECT "givenName" FROM "person" ORDER BY "givenName"')).map((p) => p.givenName)).toEqual(['Eerste'])
    expect(Number((await office.sql<{ n: string }>('SELECT count(*) AS "n" FROM "audit_entry"'))[0]!.n)).toBe(auditBefore)
    // The desk goes on: the same save again, now whole.
    await call('createPerson', person('Tweede'))
    expect((await office.sql<{ givenName: string }>('SELECT "givenName" FROM "person" ORDER BY "givenName"')).map((p) => p.givenName)).toEqual(['Eerste', 'Tweede'])
    expect(await call('verifyAudit', {})).toMatchObject({ ok: true })
  })
})
