import { DataSource } from 'typeorm'
import { DossierError } from '../../shared/errors'
import { entitiesFor } from '../vault/engineEntities'
import { MIGRATIONS } from '../vault/migrations'
import { officeKeyringStatements } from './officeKeyring'
import { serverCheckStatements } from './serverChecks'
import { officeSecretStatements } from './officeSecrets'
import { erasureLedgerStatements } from './serverErasureLedger'
import { serverLoginStatements } from './serverLogins'
import { serverRoleStatements } from './serverRoles'

/** Where the office server is: a `postgres://` URL, or the parts (a Unix socket folder as `host`). */
export type ServerAddress = { url: string } | { host: string; port: number; username: string; database: string }

/**
 * A TypeORM connection to the office server with Dossier's entities and migrations (not yet run);
 * with `login`, as that account's own login (its passphrase is the login's password).
 */
export function serverDataSource(address: ServerAddress, login?: { username: string; password: string }): DataSource {
  return new DataSource({
    type: 'postgres',
    ...(login ? withLogin(address, login) : address),
    entities: entitiesFor('postgres'),
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    // An address that does not answer fails within seconds, not after the system's TCP timeout.
    connectTimeoutMS: 10_000,
    logging: false
  })
}

/**
 * Issue 17 points 1-3 (`dossier server init`): as the schema's owner, runs the migrations (one
 * transaction, all or nothing), then sets up the group roles, grants and row policies
 * (`serverRoles.ts`) and the office keyring's tables (`officeKeyring.ts`), a second transaction.
 * Idempotent: a second run changes nothing. The keys themselves: `createOfficeKeys`.
 */
export async function initServer(dataSource: DataSource): Promise<{ migrationsRun: number; tables: number }> {
  await requireByteOrderCollation(dataSource)
  const ran = await dataSource.runMigrations({ transaction: 'all' })
  const tables = ((await dataSource.query(`SELECT "tablename" FROM "pg_tables" WHERE "schemaname" = 'public' ORDER BY 1`)) as { tablename: string }[]).map((t) => t.tablename)
  await dataSource.transaction(async (m) => {
    for (const sql of [...serverRoleStatements(tables), ...officeKeyringStatements(), ...serverLoginStatements(), ...erasureLedgerStatements(), ...serverCheckStatements(), ...officeSecretStatements()]) await m.query(sql)
  })
  return { migrationsRun: ran.length, tables: tables.length }
}

function withLogin(address: ServerAddress, login: { username: string; password: string }): ServerAddress & { password?: string } {
  if ('url' in address) {
    const url = new URL(address.url)
    url.username = encodeURIComponent(login.username)
    url.password = encodeURIComponent(login.password)
    return { url: url.toString() }
  }
  return { ...address, ...login }
}

/**
 * Names sort and are searched by prefix ranges on their search keys (people/searchPersons.ts), in
 * byte order as on a local vault. A database created with a language's collation would order and
 * match them differently: `server init` refuses it (create it with `--locale=C.UTF-8 -T template0`).
 */
async function requireByteOrderCollation(dataSource: DataSource): Promise<void> {
  const [db] = (await dataSource.query('SELECT "datcollate" FROM "pg_database" WHERE "datname" = current_database()')) as { datcollate: string }[]
  if (!db || !/^(C|POSIX|C\.UTF-?8)$/i.test(db.datcollate)) {
    throw new DossierError('VALIDATION_FAILED', 'The database must sort in byte order: create it with --locale=C.UTF-8 (template0).', { issues: [{ path: 'url', key: 'validation.serverCollation' }] })
  }
}
