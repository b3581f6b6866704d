import groundsJson from '../../../resources/special-category-grounds.json'
import { type GroundsPolicy, groundsPolicySchema } from '../../shared/contract/consent'

/**
 * R-4a: the grounds policy is data (`resources/special-category-grounds.json`, versioned like the
 * retention policy), validated with zod when it is loaded: an unknown category, ground, role,
 * purpose or form, or a category missing from the file, fails at start-up rather than letting a
 * ground cover something by accident. Rules over it: groundFits.ts.
 */
export function parseGroundsPolicy(raw: unknown): GroundsPolicy {
  return groundsPolicySchema.parse(raw)
}

/** The shipped policy, parsed once. */
export const GROUNDS_POLICY: GroundsPolicy = parseGroundsPolicy(groundsJson)
