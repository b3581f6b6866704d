import { createHmac } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { initServer, serverDataSource } from '../../src/main/server/initServer'
import { scramSha256Verifier } from '../../src/main/server/scramVerifier'
import { runCli } from '../support/cli'
import { type PgCluster, startPgCluster } from './pgCluster'

/** Issue 17 point 2: a staff account's own login (`dossier server add-login`), on a throwaway cluster. */
describe('dossier server add-login', () => {
  let cluster: PgCluster
  const url = () => `postgresql://${cluster.user}@localhost/postgres?host=${encodeURIComponent(cluster.host)}&port=${cluster.port}`
  const signIn = async (user: string, password: string): Promise<string> => {
    const client = new pg.Client({ host: cluster.host, port: cluster.port, user, password, database: 'postgres' })
    try {
      await client.connect()
      const r = await client.query(`SELECT count(*)::int AS "n" FROM "person"`)
      return `ok ${String(r.rows[0].n)}`
    } catch (e) {
      return (e as { code?: string }).code ?? 'failed'
    } finally {
      await client.end().catch(() => undefined)
    }
  }
  beforeAll(async () => {
    cluster = await startPgCluster({ passwordLogins: ['kees', 'noor'] })
    const owner = serverDataSource({ host: cluster.host, port: cluster.port, username: cluster.user, database: 'postgres' })
    await owner.initialize()
    await initServer(owner)
    await owner.destroy()
  })
  afterAll(() => cluster?.stop())

  it('makes a login that signs in with its passphrase only, in its role’s group, the passphrase stored as a SCRAM verifier', async () => {
    const passphrase = 'kees zijn lange wachtwoordzin'
    const r = runCli(['server', 'add-login', 'kees', '--role', 'staff', '--url', url(), '--json'], { DOSSIER_NEW_PASSPHRASE: passphrase })
    expect(r.stderr).toBe('')
    expect(r.json()).toEqual({ login: 'kees', groups: ['dossier_staff'], keySlot: false })
    expect(await signIn('kees', passphrase)).toBe('ok 0')
    expect(await signIn('kees', 'een andere wachtwoordzin')).toBe('28P01')
    const owner = new pg.Client({ host: cluster.host, port: cluster.port, user: cluster.user, database: 'postgres' })
    await owner.connect()
    try {
      const stored = await owner.query(`SELECT "rolpassword" FROM "pg_authid" WHERE "rolname" = 'kees'`)
      expect(stored.rows[0].rolpassword).toMatch(/^SCRAM-SHA-256\$4096:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/)
      expect(stored.rows[0].rolpassword).not.toContain(passphrase)
      const groups = await owner.query(`SELECT g."rolname" FROM "pg_auth_members" m JOIN "pg_roles" g ON g."oid" = m."roleid" JOIN "pg_roles" u ON u."oid" = m."member" WHERE u."rolname" = 'kees'`)
      expect(groups.rows.map((x: { rolname: string }) => x.rolname)).toEqual(['dossier_staff'])
    } finally {
      await owner.end()
    }
  })

  it('refuses a second login of the same name, a weak passphrase, an unknown role and an unsafe name, changing nothing', async () => {
    const again = runCli(['server', 'add-login', 'kees', '--url', url()], { DOSSIER_NEW_PASSPHRASE: 'nog een lange wachtwoordzin' })
    expect(again.stderr).toBe('error ACCOUNT_EXISTS: This login exists already.\n')
    expect(runCli(['server', 'add-login', 'noor', '--url', url()], { DOSSIER_NEW_PASSPHRASE: 'kort' }).stderr).toMatch(/^error PASSPHRASE_TOO_SHORT/)
    expect(runCli(['server', 'add-login', 'noor', '--role', 'superuser', '--url', url()], { DOSSIER_NEW_PASSPHRASE: 'noor haar lange wachtwoordzin' }).stderr).toMatch(/^error VALIDATION_FAILED/)
    expect(runCli(['server', 'add-login', 'noor"; DROP TABLE person; --', '--url', url()], { DOSSIER_NEW_PASSPHRASE: 'noor haar lange wachtwoordzin' }).stderr).toMatch(/^error VALIDATION_FAILED/)
    expect(await signIn('noor', 'noor haar lange wachtwoordzin')).toBe('28P01') // no such login was made
  })

  it('computes the verifier PostgreSQL computes for the same salt (RFC 7677 test vector)', () => {
    // RFC 7677 section 3: user "user", password "pencil", salt W22ZaJ0SNY7soEsUEjb6gQ==, 4096 iterations.
    const verifier = scramSha256Verifier('pencil', Buffer.from('W22ZaJ0SNY7soEsUEjb6gQ==', 'base64'), 4096)
    const [, keys] = verifier.split('$').slice(1)
    const serverKey = Buffer.from(keys!.split(':')[1]!, 'base64')
    // ServerSignature = HMAC(ServerKey, AuthMessage) is the RFC's "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=".
    const authMessage = 'n=user,r=rOprNGfwEbeRWgbNEkqO,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0'
    expect(createHmac('sha256', serverKey).update(authMessage).digest('base64')).toBe('6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=')
  })
})
