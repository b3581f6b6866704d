import type { EntityManager } from 'typeorm'
import { IsNull } from 'typeorm'
import type { Purpose } from '../../shared/domain'
import { DossierError } from '../../shared/errors'
import type { ObjectionPurpose } from '../../shared/vocabulary'
import { type ProcessingLimit, ProcessingLimitEntity } from '../vault/entities/ProcessingLimit'

/**
 * what the restrictions and objections in force mean for the other paths (the questions
 * they ask; recording and lifting is processingLimits.ts). Reads only: no person module imported,
 * so people/ and relations/ can ask without a cycle.
 */

/** The restriction in force, if any. */
export async function restrictionInForce(m: EntityManager, personId: string): Promise<ProcessingLimit | null> {
  return m.getRepository(ProcessingLimitEntity).findOneBy({ personId, kind: 'restriction', liftedOn: IsNull() })
}

/** PROCESSING_RESTRICTED when a restriction is in force: nothing but lifting changes the person. */
export async function refuseIfRestricted(m: EntityManager, personId: string): Promise<void> {
  if (await restrictionInForce(m, personId)) {
    throw new DossierError('PROCESSING_RESTRICTED', 'The processing of this person’s data is restricted; only a privacy officer can lift it.')
  }
}

/** The purposes the person objects to (objections in force). */
export async function objectionsOf(m: EntityManager, personId: string): Promise<Set<ObjectionPurpose>> {
  const rows = await m.getRepository(ProcessingLimitEntity).find({ select: { purpose: true }, where: { personId, kind: 'objection', liftedOn: IsNull() } })
  return new Set(rows.flatMap((r) => (r.purpose === null ? [] : [r.purpose])))
}

export { restrictedAmong } from '../retention/restrictedPersons'

/**
 * SQL for a person query builder aliased `alias`: true when no restriction is in force. Every
 * identifier quoted (PostgreSQL folds unquoted names to lower case; the columns are camelCase).
 */
export function unrestrictedClause(alias: string): string {
  const person = alias.startsWith('"') ? alias : `"${alias}"`
  return `NOT EXISTS (SELECT 1 FROM "processing_limit" "pl" WHERE "pl"."personId" = ${person}."id" AND "pl"."kind" = 'restriction' AND "pl"."liftedOn" IS NULL)`
}

/** rectification may not add back a purpose the person objects to (OBJECTION_IN_FORCE). */
export async function refuseObjectedPurposes(m: EntityManager, personId: string, purposes: readonly Purpose[], pathPrefix = ''): Promise<void> {
  const objected = await objectionsOf(m, personId)
  const issues = purposes.flatMap((p, i) => ((objected as Set<string>).has(p) ? [{ path: `${pathPrefix}purposes.${i}`, key: 'restrictions.issue.objectionInForce' }] : []))
  if (issues.length > 0) throw new DossierError('OBJECTION_IN_FORCE', 'The person objects to this purpose.', { issues })
}

/** what the access report names (kind, purpose, since when): the limits in force, oldest first. */
export async function processingLimitsInForce(m: EntityManager, personId: string): Promise<{ kind: ProcessingLimit['kind']; purpose: ObjectionPurpose | null; recordedOn: string }[]> {
  const rows = await m.getRepository(ProcessingLimitEntity).find({ where: { personId, liftedOn: IsNull() }, order: { recordedOn: 'ASC', id: 'ASC' } })
  return rows.map((r) => ({ kind: r.kind, purpose: r.purpose, recordedOn: r.recordedOn }))
}
