import { z } from 'zod'
import type { PersonRole, Purpose } from '../../shared/domain'
import { DossierError } from '../../shared/errors'
import { checkPersonFacts, hasBsnPurpose } from '../../shared/person/personSchema'
import type { Person } from '../vault/entities/Person'
import { issuesOf, validationFailed } from './parseInput'

const factsSchema = z.any().superRefine((person: Parameters<typeof checkPersonFacts>[0], ctx) => checkPersonFacts(person, ctx))

/**
 * The cross-field rules a stored person must keep after any change, checked on the merged
 * record: R-2 birth date and a means of contact (shared `checkPersonFacts`), unsubscription not
 * before registration, and UAVG art. 46 — a stored BSN needs a BSN purpose.
 * `prefix` puts the issues at the input's path (`changes.email`).
 */
export function checkStoredPerson(person: Person, roles: readonly PersonRole[], purposes: readonly Purpose[], prefix = ''): void {
  const u = <T>(value: T | null): T | undefined => (value === null ? undefined : value)
  const facts = factsSchema.safeParse({ roles, birthDate: u(person.birthDate), email: u(person.email), phone: u(person.phone), otherContact: u(person.otherContact) })
  const issues = facts.success ? [] : issuesOf(facts.error).map((i) => ({ ...i, path: prefix + i.path }))
  if (person.unsubscribedOn !== null && person.unsubscribedOn < person.registeredOn) {
    issues.push({ path: `${prefix}registeredOn`, key: 'validation.date.beforeRegistration' })
  }
  if (issues.length > 0) throw validationFailed(issues)
  if (person.bsn !== null && !hasBsnPurpose(purposes)) {
    throw new DossierError('BSN_NOT_ALLOWED', 'A stored BSN needs a purpose that allows it (payroll or client identification).', {
      issues: [{ path: `${prefix}purposes`, key: 'validation.bsn.purpose' }]
    })
  }
}
