import type { QueryRunner } from 'typeorm'

/**
 * The two engines one set of migrations runs on (issue 17): the local vault (SQLite) and the office
 * server (PostgreSQL). The migrations' SQL is written to mean the same on both; where the two
 * spell a thing differently (a binary column, a trigger), the migration asks which one it runs on.
 */
export type Dialect = 'sqlite' | 'postgres'

export function dialectOf(queryRunner: QueryRunner): Dialect {
  return queryRunner.connection.driver.options.type === 'postgres' ? 'postgres' : 'sqlite'
}

/** The column type for bytes (an attachment's content). */
export function binaryType(dialect: Dialect): string {
  return dialect === 'postgres' ? 'bytea' : 'blob'
}

/**
 * An AFTER trigger that runs `statements` for each changed row (`NEW` / `OLD` as both engines
 * name them): SQLite's inline body; on PostgreSQL a function of its own, named after the trigger.
 * `event` is `INSERT`, `UPDATE`, `UPDATE OF "a", "b"` or `DELETE`.
 */
export function afterRowTrigger(dialect: Dialect, name: string, event: string, table: string, statements: string[]): string[] {
  if (dialect === 'sqlite') return [`CREATE TRIGGER "${name}" AFTER ${event} ON "${table}" BEGIN ${statements.join(' ')} END`]
  return [
    `CREATE FUNCTION "${name}_fn"() RETURNS trigger LANGUAGE plpgsql AS $body$ BEGIN ${statements.join(' ')} RETURN NULL; END $body$`,
    `CREATE TRIGGER "${name}" AFTER ${event} ON "${table}" FOR EACH ROW EXECUTE FUNCTION "${name}_fn"()`
  ]
}
