import { randomUUID } from 'node:crypto'
import type { EntityManager } from 'typeorm'
import type { Workspace } from '../workspace/Workspace'
import { FieldChangeEntity } from '../vault/entities/FieldChange'

/**
 * R-19 "versioned enough": which fields of a person changed, when, by whom and why. The old
 * value is not kept (rectification replaces it); the access report reads "last changed on/by"
 * per field from these rows. `fields` are column names or collection names (`employments`,
 * `attachments`), never values.
 */
export async function recordFieldChange(ws: Workspace, m: EntityManager, personId: string, fields: readonly string[], reason: string | null): Promise<void> {
  if (fields.length === 0) return
  await m.getRepository(FieldChangeEntity).insert({
    id: randomUUID(),
    personId,
    fields: [...fields].sort(),
    changedAt: ws.clock.now().toISOString(),
    actorId: ws.actor?.accountId ?? null,
    reason
  })
}
