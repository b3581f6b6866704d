import type Database from 'better-sqlite3-multiple-ciphers'
import type { DataSource } from 'typeorm'

/** The raw SQLite connection under a TypeORM DataSource (one per DataSource with the better-sqlite3 driver), for vault-internal work only. */
export function connectionOf(dataSource: DataSource): Database.Database {
  return (dataSource.driver as unknown as { databaseConnection: Database.Database }).databaseConnection
}
