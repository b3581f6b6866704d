import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm'
import type { RetentionState } from '../../shared/domain'

/**
 * records that are shielded, reduced to a legal hold, or awaiting deletion are not
 * in normal lists, search results, exports or client sharing. Only a privacy officer opens one,
 * stating a reason (audited). Lists and search elsewhere use `excludeRestricted` so the rule lives
 * in one place.
 */
export const RESTRICTED_STATES: readonly RetentionState[] = ['shielded', 'legal-hold', 'due-for-deletion']

export function isRestricted(state: RetentionState): boolean {
  return RESTRICTED_STATES.includes(state)
}

/** Adds "only active records" to a person query (`alias` is the person table's alias). */
export function excludeRestricted<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string): SelectQueryBuilder<T> {
  return qb.andWhere(`${alias}.state NOT IN (:...restrictedStates)`, { restrictedStates: [...RESTRICTED_STATES] })
}
