import type { EntityManager } from 'typeorm'

const NAMED = /:([A-Za-z_][A-Za-z0-9_]*)/g

/**
 * SQL with named parameters (`:name`), turned into the driver's placeholders (SQLite `?`,
 * PostgreSQL `$n`) and run on `manager` (inside its transaction, if it has one). For hot paths
 * that run thousands of times in a row (the retention sweep's deletions, every audit append): the
 * SQL text is the same from call to call, so the driver's statement cache serves it. The query
 * builder rebuilds the text on every call, and TypeORM's SQLite driver writes number parameters
 * into the text — each audit insert (its `seq`) became a new statement that was compiled afresh
 * and pushed others out of the cache. Here every value is bound.
 */
export function portableQuery<T = unknown>(manager: EntityManager, sql: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const driver = manager.connection.driver
  const values: unknown[] = []
  const query = sql.replace(NAMED, (whole, key: string) => {
    if (!Object.hasOwn(params, key)) return whole
    values.push(params[key])
    return driver.createParameter(key, values.length - 1)
  })
  return manager.query(query, values) as Promise<T[]>
}
