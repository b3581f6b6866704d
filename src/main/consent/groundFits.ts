/**
 * R-4a: whether a ground (explicit consent or a statutory basis) may cover a special category for
 * this person, this purpose and this form of value. Pure: the policy, the person's roles and
 * whether an employment has started are arguments (STYLE: functional core). Whether the ground is
 * valid today (dates, withdrawal, active basis) is consentRules' question, not this one.
 */
import type { CategoryGround, GroundsPolicy } from '../../shared/contract/consent'
import type { Purpose, PersonRole, SpecialCategory } from '../../shared/domain'
import type { GroundMisfitReason, GroundRole, GroundValueShape } from '../../shared/vocabulary'
import { isCalendarDate } from '../../shared/time'

export interface GroundQuestion {
  category: SpecialCategory
  /** `consent` or a legal-basis key (a key the policy does not name covers nothing). */
  ground: string
  roles: readonly PersonRole[]
  /** An employment has started on or before today: the person is an employee (R-4a). */
  employmentStarted: boolean
  /** Today is the day of registration (R-3a: no health questions at intake). */
  atRegistration: boolean
  purpose: Purpose
  /** The form of the value; absent when only the ground is recorded (no value yet). */
  shape?: GroundValueShape
}

export type GroundFit = { ok: true } | { ok: false; reason: GroundMisfitReason }

const FITS: GroundFit = { ok: true }

/**
 * The roles a ground is judged by: an employee is judged as an employee only (consent is not a
 * valid ground for an employee's health data, whatever other roles they hold); a flex worker
 * whose first employment has not started yet counts as a candidate.
 */
export function groundRolesOf(roles: readonly PersonRole[], employmentStarted: boolean): GroundRole[] {
  if (employmentStarted) return ['employee']
  return [...new Set(roles.map((r): GroundRole => (r === 'flexworker' ? 'candidate' : r)))]
}

/**
 * The first test that fails decides the reason, from the broadest to the narrowest: the category
 * has no ground at all, the ground does not cover the category, not for this person, not for this
 * purpose, not in this form, not at registration.
 */
export function groundFits(policy: GroundsPolicy, q: GroundQuestion): GroundFit {
  const entry = policy.categories.find((c) => c.category === q.category)
  if (!entry || entry.grounds.length === 0) return { ok: false, reason: 'category-refused' }
  let rules: CategoryGround[] = entry.grounds.filter((g) => g.ground === q.ground)
  if (rules.length === 0) return { ok: false, reason: 'ground-not-for-category' }
  const roles = groundRolesOf(q.roles, q.employmentStarted)
  rules = rules.filter((g) => g.roles.some((r) => roles.includes(r)))
  if (rules.length === 0) return { ok: false, reason: 'role-not-covered' }
  rules = rules.filter((g) => g.purposes.includes(q.purpose))
  if (rules.length === 0) return { ok: false, reason: 'purpose-not-covered' }
  const shape = q.shape
  if (shape !== undefined) {
    rules = rules.filter((g) => g.shapes.includes(shape))
    if (rules.length === 0) return { ok: false, reason: 'shape-not-allowed' }
  }
  if (q.atRegistration && rules.every((g) => g.notAtRegistration === true)) return { ok: false, reason: 'at-registration' }
  return FITS
}

/**
 * The form of a typed special value. R-4a: criminal data is kept only as the date a VOG was shown,
 * so a criminal value that is exactly a calendar date is that fact; anything else is text (which
 * the policy refuses for criminal data). Health facts of employees come only as absence records
 * (consent/absence.ts), never through a typed value.
 */
export function shapeOfValue(category: SpecialCategory, value: string): GroundValueShape {
  return category === 'criminal' && isCalendarDate(value.trim()) ? 'vog-shown' : 'text'
}

/** The issue key a refusal carries: it names the category and the reason, never the value. */
export function misfitKey(category: SpecialCategory, reason: GroundMisfitReason): string {
  return `validation.ground.${category}.${reason}`
}
