import { randomBytes } from 'node:crypto'
import pg from 'pg'
import type { Clock } from '../../src/main/clock'
import type { DataSource } from 'typeorm'
import { initServer, type ServerAddress, serverDataSource } from '../../src/main/server/initServer'
import { portableQuery } from '../../src/main/vault/portableQuery'
import { ServerApp } from '../../src/main/services/ServerApp'
import type { PdfRenderer } from '../../src/main/workspace/Workspace'
import type { ReportPrinter } from '../../src/main/rights/reportPrinter'
import { type PgCluster, startPgCluster } from '../server/pgCluster'

/**
 * Issue 17 point 6: the service suites on the office server. `DOSSIER_TEST_ENGINE=postgres` (the
 * `engine` project of vitest.server.config.mts) makes `newTestApp` hand out a `ServerApp` instead
 * of a local vault: the same tests, the same calls, on PostgreSQL.
 *
 * One throwaway cluster per test process (started at the first app, stopped when the process
 * exits), every login proving its password as in an office; one template database migrated and
 * set up once (`initServer`), and per app a fresh database copied from it, prepared as `dossier
 * server init --admin` prepares one (the office's keys, the administrator's login and account).
 * Logins are the cluster's, not a database's: an app's are dropped with its database.
 */
export const TEST_ENGINE: 'sqlite' | 'postgres' = process.env['DOSSIER_TEST_ENGINE'] === 'postgres' ? 'postgres' : 'sqlite'

interface Shared {
  cluster: Promise<{ cluster: PgCluster; template: string }>
  /** offices of this process alive now on the shared cluster */
  live: number
}
const SHARED_KEY = Symbol.for('dossier.test.pgCluster')
const TEMPLATE = 'dossier_template'

/** A cluster with a migrated, set-up template database; stopped when the process exits. */
async function clusterWithTemplate(): Promise<{ cluster: PgCluster; template: string }> {
  const started = await startPgCluster({ passwordLogins: 'all' })
  let stopped = false
  const c: PgCluster = {
    ...started,
    stop: () => {
      if (stopped) return
      stopped = true
      started.stop()
    }
  }
  process.once('exit', () => c.stop())
  await ownerQuery(c, 'postgres', `CREATE DATABASE "${TEMPLATE}"`)
  const owner = serverDataSource({ host: c.host, port: c.port, username: c.user, database: TEMPLATE })
  await owner.initialize()
  try {
    await initServer(owner)
  } finally {
    await owner.destroy()
  }
  return { cluster: c, template: TEMPLATE }
}

function shared(): Shared {
  const g = globalThis as unknown as Record<symbol, Shared | undefined>
  return (g[SHARED_KEY] ??= { cluster: clusterWithTemplate(), live: 0 })
}

async function ownerQuery(c: PgCluster, database: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ host: c.host, port: c.port, user: c.user, database })
  await client.connect()
  try {
    return await client.query(sql, params)
  } finally {
    await client.end()
  }
}

/** A fresh office database, prepared with `admin` as its first administrator, and a signed-in `ServerApp` on it. */
export async function newServerTestApp(opts: {
  clock: Clock
  kdfN: number
  admin: { username: string; displayName: string; passphrase: string }
  setup: boolean
  pdfRenderer?: PdfRenderer
  reportPrinter?: ReportPrinter
  /**
   * Logins belong to a cluster: an office made while another of this process is alive gets a
   * cluster of its own (its accounts may have the same names), unless a test of offices side by
   * side asks for the shared one.
   */
  sameCluster?: boolean
  /** the desk's app on the office's address, when a suite makes it itself (the browser tests: as the desktop makes it, scheduler and all) */
  makeApp?: (server: ServerAddress) => ServerApp
}): Promise<{ app: ServerApp; recoveryKey: string; database: string; address: ServerAddress; sql: <T>(text: string, params?: Record<string, unknown>) => Promise<T[]>; dispose: () => Promise<void> }> {
  const pool = shared()
  const own = pool.live > 0 && opts.sameCluster !== true
  const { cluster, template } = own ? await clusterWithTemplate() : await pool.cluster
  if (!own) pool.live++
  const database = `office_${randomBytes(6).toString('hex')}`
  await ownerQuery(cluster, 'postgres', `CREATE DATABASE "${database}" TEMPLATE "${template}" STRATEGY FILE_COPY`)
  // A database's own privileges are not copied from its template: as `server init` leaves them.
  await ownerQuery(cluster, 'postgres', `REVOKE CONNECT, TEMPORARY ON DATABASE "${database}" FROM PUBLIC`)
  const address = { host: cluster.host, port: cluster.port, username: cluster.user, database }
  let recoveryKey = ''
  if (opts.setup) {
    const owner = serverDataSource(address)
    await owner.initialize()
    try {
      recoveryKey = (await ServerApp.prepareOffice(owner, opts.admin, opts.clock, opts.kdfN))!.recoveryKey
    } finally {
      await owner.destroy()
    }
  }
  const app = opts.makeApp ? opts.makeApp(address) : new ServerApp({ server: address, clock: opts.clock, kdfN: opts.kdfN, pdfRenderer: opts.pdfRenderer, reportPrinter: opts.reportPrinter })
  if (opts.setup) await app.signIn(opts.admin.username, opts.admin.passphrase)
  // What is stored, as the schema's owner sees it (no row policy applies to it): a test's checks and set-ups.
  let owner: DataSource | null = null
  return {
    app,
    recoveryKey,
    database,
    address,
    async sql<T>(text: string, params: Record<string, unknown> = {}): Promise<T[]> {
      if (!owner) {
        owner = serverDataSource(address)
        await owner.initialize()
      }
      return portableQuery<T>(owner.manager, text, params)
    },
    async dispose() {
      await app.close()
      if (owner?.isInitialized) await owner.destroy()
      // This office's logins (the cluster's, not the database's): the next office makes its own.
      const logins = ((await ownerQuery(cluster, database, 'SELECT "login" FROM "office_login"')).rows as { login: string }[]).map((r) => r.login)
      await ownerQuery(cluster, 'postgres', `DROP DATABASE "${database}" WITH (FORCE)`)
      for (const login of logins) await ownerQuery(cluster, 'postgres', `DROP ROLE IF EXISTS "${login.replace(/"/g, '""')}"`)
      if (own) cluster.stop()
      else pool.live--
    }
  }
}
