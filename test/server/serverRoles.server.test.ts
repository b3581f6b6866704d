import { randomUUID } from 'node:crypto'
import pg from 'pg'
import type { DataSource } from 'typeorm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GROUP_ROLES } from '../../src/main/server/serverRoles'
import { initServer, serverDataSource } from '../../src/main/server/initServer'
import { insertPerson } from '../main/retention/personFixture'
import { type PgCluster, startPgCluster } from './pgCluster'

/**
 * Issue 17 point 2, "a test as a staff SQL login": what the database itself lets each Dossier
 * role's login do, whatever client it uses.
 */
describe('the office server enforces the roles itself (issue 17)', () => {
  let cluster: PgCluster
  let owner: DataSource
  const ids = { active: '', shielded: '', held: '' }
  const accounts = { sanne: '', petra: '' }
  const as = async <T>(login: string, work: (c: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ host: cluster.host, port: cluster.port, user: login, database: 'postgres' })
    await client.connect()
    try {
      return await work(client)
    } finally {
      await client.end()
    }
  }
  /** The SQLSTATE a statement fails with ('' when it succeeds). */
  const refusal = async (login: string, sql: string, values: unknown[] = []): Promise<string> =>
    as(login, async (c) => {
      try {
        await c.query(sql, values)
        return ''
      } catch (e) {
        return (e as { code?: string }).code ?? 'failed'
      }
    })
  const audit = (seq: number, reason: string | null) =>
    owner.query(`INSERT INTO "audit_entry" ("seq", "at", "actorId", "action", "subjectId", "fields", "reason", "reasonDigest", "prevHash", "hash") VALUES ($1, '2026-12-06T10:00:00Z', NULL, 'person.view', $2, '[]', $3, $4, $5, $6)`, [
      seq,
      ids.active,
      reason,
      reason === null ? null : 'd'.repeat(64),
      String(seq - 1).padStart(64, '0'),
      String(seq).padStart(64, '0')
    ])

  beforeAll(async () => {
    cluster = await startPgCluster()
    owner = serverDataSource({ host: cluster.host, port: cluster.port, username: cluster.user, database: 'postgres' })
    await owner.initialize()
    expect((await initServer(owner)).migrationsRun).toBeGreaterThan(0)
    expect(await initServer(owner)).toMatchObject({ migrationsRun: 0 }) // a second init changes nothing
    await owner.query(`CREATE ROLE "sanne" LOGIN IN ROLE ${GROUP_ROLES.staff}`)
    await owner.query(`CREATE ROLE "petra" LOGIN IN ROLE ${GROUP_ROLES.privacy_officer}`)
    await owner.query(`CREATE ROLE "bram" LOGIN IN ROLE ${GROUP_ROLES.admin}`)
    // The database admits only the office's own logins (serverLogins.ts grants CONNECT to each).
    await owner.query(`GRANT CONNECT ON DATABASE "postgres" TO "sanne", "petra", "bram"`)
    ids.active = (await insertPerson(owner.manager, { consents: [{ category: 'health', endsOn: '2030-01-01' }], absence: [{ startOn: '2026-11-02' }] })).id
    ids.shielded = (await insertPerson(owner.manager, { person: { state: 'shielded', shieldedOn: '2026-11-01', retentionRule: 'unsubscribed-never-worked' } })).id
    ids.held = (await insertPerson(owner.manager, { person: { state: 'legal-hold', shieldedOn: '2026-11-01', retentionRule: 'fiscal-retention' } })).id
    for (const login of ['sanne', 'petra'] as const) {
      accounts[login] = randomUUID()
      await owner.query(`INSERT INTO "account" ("id", "username", "displayName", "roles", "disabled", "createdAt", "failedAttempts") VALUES ($1, $2, $2, $3, false, '2026-12-06T09:00:00Z', 0)`, [accounts[login], login, JSON.stringify([login === 'sanne' ? 'staff' : 'privacy_officer'])])
    }
    await audit(1, 'Verzoek per telefoon')
    await audit(2, null)
  })
  afterAll(async () => {
    await owner?.destroy()
    cluster?.stop()
  })

  it('keeps special-category values unreadable to a staff login and an administrator, readable to the privacy officer', async () => {
    // Staff record and withdraw special data (the app's desk roles): which rows exist, never a value.
    expect(await refusal('sanne', `SELECT * FROM "special_data"`)).toBe('42501')
    expect(await refusal('sanne', `SELECT "value" FROM "special_data"`)).toBe('42501')
    const seen = await as('sanne', (c) => c.query(`SELECT "category" FROM "special_data" WHERE "personId" = $1`, [ids.active]))
    expect(seen.rows).toEqual([{ category: 'health' }])
    // An administrator-only login: neither values nor absence periods, as in the app.
    for (const table of ['special_data', 'absence']) {
      expect(await refusal('bram', `SELECT "personId" FROM "${table}"`), table).toBe('42501')
      expect(await refusal('bram', `DELETE FROM "${table}"`), table).toBe('42501')
    }
    const values = await as('petra', (c) => c.query(`SELECT "value" FROM "special_data" WHERE "personId" = $1`, [ids.active]))
    expect(values.rows).toHaveLength(1)
  })

  it('shows a staff login active records only, and none of a shielded record’s data', async () => {
    const persons = await as('sanne', (c) => c.query(`SELECT "id" FROM "person"`))
    expect(persons.rows.map((r) => r.id)).toEqual([ids.active])
    const roles = await as('sanne', (c) => c.query(`SELECT DISTINCT "personId" FROM "person_role"`))
    expect(roles.rows.map((r) => r.personId)).toEqual([ids.active])
    // Nor can staff make a record that is not active, or touch the shielded one.
    expect(await refusal('sanne', `UPDATE "person" SET "state" = 'shielded' WHERE "id" = $1`, [ids.active])).toBe('42501')
    const touched = await as('sanne', (c) => c.query(`UPDATE "person" SET "city" = 'Breda' WHERE "id" = $1`, [ids.shielded]))
    expect(touched.rowCount).toBe(0)
    const all = await as('petra', (c) => c.query(`SELECT "id" FROM "person" ORDER BY "id"`))
    expect(all.rows.map((r) => r.id)).toEqual([ids.active, ids.shielded, ids.held].sort())
  })

  it('keeps the audit trail append-only for every application role; staff cannot read its history', async () => {
    for (const login of ['sanne', 'petra']) {
      expect(await refusal(login, `DELETE FROM "audit_entry"`), login).toBe('42501')
      expect(await refusal(login, `TRUNCATE "audit_entry"`), login).toBe('42501')
      expect(await refusal(login, `UPDATE "audit_entry" SET "action" = 'person.create' WHERE "seq" = 2`), login).toBe('42501')
      expect(await refusal(login, `UPDATE "audit_entry" SET "reason" = 'rewritten' WHERE "seq" = 1`), login).toBe('42501')
    }
    expect(await refusal('sanne', `SELECT * FROM "audit_entry"`)).toBe('42501')
    // What an append needs: the head of the chain, and nothing more.
    const head = await as('sanne', (c) => c.query(`SELECT * FROM "dossier_audit_head"()`))
    expect(head.rows).toEqual([{ seq: 2, hash: String(2).padStart(64, '0') }])
    // An entry names its writer: a login appends in its own account's name only, never as
    // another account nor as the system (that is a privacy officer's desk's sweep).
    const append = (login: string, actorId: string | null) =>
      refusal(login, `INSERT INTO "audit_entry" ("seq", "at", "actorId", "action", "fields", "prevHash", "hash") VALUES (3, '2026-12-06T10:01:00Z', $3, 'person.view', '[]', $1, $2)`, [String(2).padStart(64, '0'), String(3).padStart(64, '0'), actorId])
    expect(await append('sanne', null)).toBe('42501')
    expect(await append('sanne', accounts.petra)).toBe('42501')
    expect(await append('sanne', accounts.sanne)).toBe('')
    // R-19a: the one change there is, forgetting the reasons of a person whose data went (their
    // digests stay in the chain); of a living record, nothing.
    expect(await refusal('sanne', `UPDATE "audit_entry" SET "reason" = NULL WHERE "seq" = 1`)).toBe('42501')
    const kept = await as('sanne', (c) => c.query(`SELECT "dossier_forget_audit_reasons"($1) AS "n"`, [ids.active]))
    expect(kept.rows).toEqual([{ n: 0 }])
    await owner.query(`INSERT INTO "audit_entry" ("seq", "at", "actorId", "action", "subjectId", "fields", "reason", "reasonDigest", "prevHash", "hash") VALUES (4, '2026-12-06T10:02:00Z', NULL, 'person.view', $1, '[]', 'Belde zelf', $2, $3, $4)`, [ids.held, 'e'.repeat(64), String(3).padStart(64, '0'), String(4).padStart(64, '0')])
    const forgotten = await as('sanne', (c) => c.query(`SELECT "dossier_forget_audit_reasons"($1) AS "n"`, [ids.held]))
    expect(forgotten.rows).toEqual([{ n: 1 }])
    const [entry] = (await owner.query(`SELECT "reason", "reasonDigest" FROM "audit_entry" WHERE "seq" = 4`)) as { reason: string | null; reasonDigest: string }[]
    expect(entry).toEqual({ reason: null, reasonDigest: 'e'.repeat(64) })
    // The guard holds for the schema's owner too (who would have to drop it first, in the open).
    await expect(owner.query(`DELETE FROM "audit_entry" WHERE "seq" = 2`)).rejects.toMatchObject({ code: '42501' })
    await expect(owner.query(`UPDATE "audit_entry" SET "actorId" = NULL, "action" = 'person.create' WHERE "seq" = 2`)).rejects.toMatchObject({ code: '42501' })
    expect(((await owner.query(`SELECT count(*)::int AS "n" FROM "audit_entry"`)) as { n: number }[])[0]!.n).toBe(4)
  })

  it('still deletes a person’s special data with the person, whoever deletes the person', async () => {
    const count = async () => ((await owner.query(`SELECT count(*)::int AS "n" FROM "special_data" WHERE "personId" = $1`, [ids.active])) as { n: number }[])[0]!.n
    expect(await count()).toBe(1)
    const deleted = await as('sanne', (c) => c.query(`DELETE FROM "person" WHERE "id" = $1`, [ids.active]))
    expect(deleted.rowCount).toBe(1)
    expect(await count()).toBe(0)
  })
})
