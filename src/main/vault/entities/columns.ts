import type { EntitySchemaColumnOptions } from 'typeorm'

/** Column shorthands: every column has an explicit type (no decorator metadata needed). */
export const pk = (): EntitySchemaColumnOptions => ({ type: 'varchar', length: 36, primary: true })
export const text = (nullable = false): EntitySchemaColumnOptions => ({ type: 'text', nullable })
export const int = (nullable = false): EntitySchemaColumnOptions => ({ type: 'integer', nullable })
/** A calendar date `YYYY-MM-DD` or a UTC ISO timestamp, stored as text. */
export const date = (nullable = false): EntitySchemaColumnOptions => ({ type: 'varchar', length: 32, nullable })
export const json = (nullable = false): EntitySchemaColumnOptions => ({ type: 'simple-json', nullable })
export const bool = (): EntitySchemaColumnOptions => ({ type: 'boolean', default: false })
export const ref = (nullable = false): EntitySchemaColumnOptions => ({ type: 'varchar', length: 36, nullable })
