import type { SpecialCategory } from '../../shared/domain'
import { DossierError } from '../../shared/errors'
import type { GroundMisfitReason } from '../../shared/vocabulary'
import { type GroundQuestion, groundFits, misfitKey } from './groundFits'
import { GROUNDS_POLICY } from './groundsPolicy'

/** Which input field a refusal points at, per reason (the form shows the message next to it). */
export type MisfitPaths = Partial<Record<GroundMisfitReason, string>> & { default: string }

/** R-4a refusal: a stable code, an issue key naming the category and the reason — never the value. */
export function groundMisfitError(category: SpecialCategory, reason: GroundMisfitReason, path: string): DossierError {
  return new DossierError('GROUND_DOES_NOT_FIT', `The ground does not fit the category ${category} (${reason}); nothing was saved.`, {
    issues: [{ path, key: misfitKey(category, reason) }],
    detail: { category, reason }
  })
}

/** Throws GROUND_DOES_NOT_FIT unless the shipped grounds policy lets this ground cover the question. */
export function requireGroundFits(q: GroundQuestion, paths: MisfitPaths): void {
  const fit = groundFits(GROUNDS_POLICY, q)
  if (!fit.ok) throw groundMisfitError(q.category, fit.reason, paths[fit.reason] ?? paths.default)
}
