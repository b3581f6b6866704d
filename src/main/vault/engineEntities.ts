import { EntitySchema, type EntitySchemaColumnOptions } from 'typeorm'
import { ENTITIES } from './entities'
import type { Dialect } from './migrations/dialect'

/**
 * The entities as an engine's DataSource registers them (issue 17). They are written once; the one
 * column type the two engines spell differently, bytes, is SQLite's `blob` and PostgreSQL's
 * `bytea`. A copy keeps its entity's name, so `getRepository(SomeEntity)` finds it either way.
 */
export function entitiesFor(dialect: Dialect): EntitySchema[] {
  if (dialect === 'sqlite') return [...ENTITIES]
  return ENTITIES.map((entity) => {
    const columns = entity.options.columns as Record<string, EntitySchemaColumnOptions>
    if (!Object.values(columns).some((c) => c.type === 'blob')) return entity
    const mapped = Object.fromEntries(Object.entries(columns).map(([name, c]) => [name, c.type === 'blob' ? { ...c, type: 'bytea' as const } : c]))
    return new EntitySchema({ ...entity.options, columns: mapped })
  })
}
