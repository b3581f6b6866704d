import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serverDataSource } from '../../src/main/server/initServer'
import { openOfficeKeys } from '../../src/main/server/officeKeyring'
import { MIGRATIONS } from '../../src/main/vault/migrations'
import { runCli } from '../support/cli'
import { type PgCluster, startPgCluster } from './pgCluster'

/** `dossier server init` (issue 17 point 1) with the built CLI, against a throwaway cluster. */
describe('dossier server init', () => {
  let cluster: PgCluster
  const url = (user: string, port = cluster.port) => `postgresql://${user}@localhost/postgres?host=${encodeURIComponent(cluster.host)}&port=${port}`
  beforeAll(async () => {
    cluster = await startPgCluster()
  })
  afterAll(() => cluster?.stop())

  it('prepares the database once, and again changes nothing', async () => {
    const first = runCli(['server', 'init', '--url', url(cluster.user), '--json'])
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    expect(first.json()).toMatchObject({ migrationsRun: MIGRATIONS.length, groupRoles: ['dossier_staff', 'dossier_privacy_officer', 'dossier_admin'] })
    const again = runCli(['server', 'init'], { DOSSIER_SERVER_URL: url(cluster.user) })
    expect(again.code).toBe(0)
    expect(again.stdout).toMatch(/^Office server ready: 0 migrations run, \d+ tables; group roles dossier_staff, dossier_privacy_officer, dossier_admin\.\n$/)
    const client = new pg.Client({ host: cluster.host, port: cluster.port, user: cluster.user, database: 'postgres' })
    await client.connect()
    try {
      const roles = await client.query(`SELECT "rolname" FROM "pg_roles" WHERE "rolname" LIKE 'dossier\\_%' AND NOT "rolcanlogin" ORDER BY 1`)
      expect(roles.rows.map((r: { rolname: string }) => r.rolname)).toEqual(['dossier_admin', 'dossier_privacy_officer', 'dossier_staff'])
    } finally {
      await client.end()
    }
  })

  it('with --admin makes the office keys once, for a strong passphrase, and prints the recovery key that one time', () => {
    const weak = runCli(['server', 'init', '--url', url(cluster.user), '--admin', 'annet'], { DOSSIER_NEW_PASSPHRASE: 'annet123' })
    expect(weak.code).toBe(1)
    expect(weak.stderr).toMatch(/^error VALIDATION_FAILED: The passphrase is too easy to guess\./)
    const env = { DOSSIER_NEW_PASSPHRASE: 'kantoor sleutel voor de beheerder 2026' }
    const made = runCli(['server', 'init', '--url', url(cluster.user), '--admin', 'annet', '--json'], env)
    expect(made.stderr).toBe('')
    expect(made.json()).toMatchObject({ officeKeys: 'made', recoveryKey: expect.stringMatching(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){7}$/) })
    const kept = runCli(['server', 'init', '--url', url(cluster.user), '--admin', 'annet'], env)
    expect(kept.code).toBe(0)
    expect(kept.stdout).toMatch(/The office already has its keys: kept\.\n$/)
    expect(kept.stdout).not.toMatch(/Recovery key/)
  })

  it('once the office has keys, a new login gets its key slot from an administrator, or is not made', async () => {
    const admin = 'kantoor sleutel voor de beheerder 2026' // the --admin test's
    const env = { DOSSIER_NEW_PASSPHRASE: 'balie koffie regen fietsbel' }
    const without = runCli(['server', 'add-login', 'sanne', '--role', 'staff', '--url', url(cluster.user)], env)
    expect(without.code).toBe(1)
    expect(without.stderr).toMatch(/^error VALIDATION_FAILED: The office has keys/)
    const wrong = runCli(['server', 'add-login', 'sanne', '--role', 'staff', '--granted-by', 'annet', '--url', url(cluster.user)], { ...env, DOSSIER_PASSPHRASE: 'niet het goede wachtwoord' })
    expect(wrong.stderr).toMatch(/^error VAULT_WRONG_PASSPHRASE/)
    const made = runCli(['server', 'add-login', 'sanne', '--role', 'staff', '--granted-by', 'annet', '--url', url(cluster.user), '--json'], { ...env, DOSSIER_PASSPHRASE: admin })
    expect(made.stderr).toBe('')
    expect(made.json()).toEqual({ login: 'sanne', groups: ['dossier_staff'], keySlot: true })
    // Refused twice, nothing made: the login exists only after the third call, with its slot.
    const desk = serverDataSource({ host: cluster.host, port: cluster.port, username: 'sanne', database: 'postgres' })
    await desk.initialize()
    try {
      const keys = await openOfficeKeys(desk.manager, 'sanne', env.DOSSIER_NEW_PASSPHRASE)
      expect(keys.restrictedPrivate).toBeNull()
      keys.forget()
    } finally {
      await desk.destroy()
    }
  })

  it('says what is wrong with a stable code, never echoing the address or the account', () => {
    const nobody = runCli(['server', 'init', '--url', url('nobody_here')])
    expect(nobody.code).toBe(1)
    expect(nobody.stderr).toBe('error SERVER_AUTH_FAILED: The office server refused the sign-in.\n')
    const closed = runCli(['server', 'init', '--url', url(cluster.user, cluster.port + 1)])
    expect(closed.code).toBe(1)
    expect(closed.stderr).toBe('error SERVER_UNREACHABLE: The office server cannot be reached.\n')
    // Over the network only with the certificate checked.
    const plain = runCli(['server', 'init', '--url', 'postgres://owner:secret-word@db.kantoor.example/dossier'])
    expect(plain.code).toBe(1)
    expect(plain.stderr).toMatch(/^error VALIDATION_FAILED: A server over the network needs sslmode=verify-full/)
    for (const r of [nobody, closed, plain]) expect(r.stderr + r.stdout).not.toMatch(/nobody_here|secret-word|kantoor|dossier-pg-/)
    expect(runCli(['server', 'init']).code).toBe(2)
  })
})
