import type { EntityManager } from 'typeorm'
import { portableQuery } from '../vault/portableQuery'

/**
 * R-26 (GDPR art. 18): of `ids`, the persons under a restriction of processing in force. The
 * search marks them (people/searchPersons.ts); the retention sweep keeps their data (sweep.ts:
 * "data kept, not used" — nothing shielded, reduced, purged or deleted while the restriction
 * holds; the run after it is lifted does what is due).
 */
export async function restrictedAmong(m: EntityManager, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  // Fixed SQL with bound values: every search page asks (issue 18; the query builder cost ~0.6 ms per page).
  const params = Object.fromEntries(ids.map((id, i) => [`id${i}`, id]))
  const rows = await portableQuery<{ personId: string }>(
    m,
    `SELECT "pl"."personId" AS "personId" FROM "processing_limit" "pl" WHERE "pl"."personId" IN (${Object.keys(params).map((k) => `:${k}`).join(', ')}) AND "pl"."kind" = 'restriction' AND "pl"."liftedOn" IS NULL`,
    params
  )
  return new Set(rows.map((r) => r.personId))
}
