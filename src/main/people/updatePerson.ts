import type { ParsedInputOf } from '../../shared/contract/operation'
import { makePersonChangesSchema, type peopleOperations } from '../../shared/contract/people'
import { DossierError } from '../../shared/errors'
import type { Workspace } from '../workspace/Workspace'
import { type Person, PersonEntity } from '../vault/entities/Person'
import { DoNotContactRegister, profileUrlOf } from './DoNotContactRegister'
import { openPersonForChange } from './personAccess'
import { refuseObjectedPurposes } from '../rights/processingLimitState'
import { purposesOf, replacePurposes, replaceRoles, rolesOf, sameSet } from './personCollections'
import { checkStoredPerson } from './personFacts'
import { auditFreeTextWarnings, freeTextWarnings } from './freeTextWarnings'
import { issuesOf, validationFailed } from './parseInput'
import { recordFieldChange } from './recordFieldChange'
import { familySearchKey, givenSearchKey } from './searchKeys'
import { requireStatementVersion } from '../governance/statementVersions'
import { openInformTask } from './informTasks'
import { refuseIfChanged, updateVersioned } from './personVersion'
import { refTakenOnServer } from '../server/hiddenRecords'

export type UpdatePersonInput = ParsedInputOf<(typeof peopleOperations)['updatePerson']>

/** Intake columns a rectification sets one to one. */
const DIRECT_FIELDS = [
  'ref', 'givenName', 'familyName', 'birthDate', 'gender', 'email', 'phone', 'otherContact', 'education', 'internships',
  'workExperience', 'availability', 'deployability', 'leave', 'particulars', 'registeredOn', 'statementVersion', 'statementShownOn'
] as const satisfies readonly (keyof Person)[]

/** Every column a rectification can change (compared before and after to find what changed). */
const CHANGEABLE_COLUMNS = [...DIRECT_FIELDS, 'street', 'houseNumber', 'postcode', 'city', 'sourceKind', 'sourceDetail'] as const satisfies readonly (keyof Person)[]

/**
 * R-19 rectification of intake data. The new value replaces the old one — the old value is not
 * kept anywhere; `field_change` and the audit entry record which fields changed, when, by whom
 * and why. The merged record must still satisfy the person rules (personFacts.ts), and a new
 * e-mail, phone or profile URL is checked against the do-not-contact register.
 */
export async function updatePerson(ws: Workspace, input: UpdatePersonInput): Promise<{ personId: string; changedFields: string[] }> {
  const parsed = makePersonChangesSchema(ws.clock.today()).safeParse(input.changes)
  if (!parsed.success) throw validationFailed(issuesOf(parsed.error).map((i) => ({ ...i, path: `changes.${i.path}` })))
  const changes = parsed.data
  const register = DoNotContactRegister.of(ws.vault)
  return ws.write(async ({ manager: m, audit, fields }) => {
    const person = await openPersonForChange(ws, m, audit, input.personId, input.reason)
    // Issue 17 point 4: an edit made on a record that changed since it was loaded is refused
    // before anything is compared or written; the UPDATE below checks again (another desk).
    refuseIfChanged(person, input.expectedVersion)
    const next: Person = { ...person }
    const assign = next as unknown as Record<string, unknown>
    for (const field of DIRECT_FIELDS) {
      const value = changes[field]
      if (value !== undefined) assign[field] = value
    }
    if (changes.address !== undefined) {
      next.street = changes.address?.street ?? null
      next.houseNumber = changes.address?.houseNumber ?? null
      next.postcode = changes.address?.postcode ?? null
      next.city = changes.address?.city ?? null
    }
    if (changes.source !== undefined) {
      next.sourceKind = changes.source.kind
      next.sourceDetail = changes.source.detail ?? null
    }
    const changed: string[] = CHANGEABLE_COLUMNS.filter((column) => next[column] !== person[column])

    const roles = await rolesOf(m, person.id)
    const purposes = await purposesOf(m, person.id)
    const nextRoles = changes.roles ?? roles
    const nextPurposes = changes.purposes ?? purposes
    if (!sameSet(roles, nextRoles)) changed.push('roles')
    if (!sameSet(purposes, nextPurposes)) changed.push('purposes')
    // a purpose the person objects to is not added back.
    if (changes.purposes !== undefined) await refuseObjectedPurposes(m, person.id, nextPurposes, 'changes.')
    if (changed.length === 0) return { personId: person.id, changedFields: [] }

    checkStoredPerson(next, nextRoles, nextPurposes, 'changes.')
    // R-24 (issue 14 point 7): a rectified version must be one in the register.
    if (changed.includes('statementVersion') && next.statementVersion !== null) {
      await requireStatementVersion(m, ws.clock, next.statementVersion, 'changes.statementVersion')
    }
    await register.refuseMatch(m, {
      email: changed.includes('email') ? next.email : null,
      phone: changed.includes('phone') ? next.phone : null,
      profileUrl: changed.includes('sourceDetail') || changed.includes('sourceKind') ? profileUrlOf({ kind: next.sourceKind, detail: next.sourceDetail }) : null
    })
    if (changed.includes('ref') && next.ref !== null && ((await refTakenOnServer(m, next.ref, person.id)) ?? (await m.getRepository(PersonEntity).existsBy({ ref: next.ref })))) {
      throw new DossierError('CONFLICT', 'Another person has this reference.', { issues: [{ path: 'changes.ref', key: 'validation.duplicate' }] })
    }

    const update: Partial<Person> = { updatedAt: ws.clock.now().toISOString() }
    for (const column of CHANGEABLE_COLUMNS) if (changed.includes(column)) (update as Record<string, unknown>)[column] = next[column]
    // Keep the search keys in step with the names (searchKeys.ts).
    if (changed.includes('givenName')) update.searchGiven = givenSearchKey(next.givenName)
    if (changed.includes('familyName')) update.searchFamily = familySearchKey(next.familyName)
    // The edit's first write, guarded by the version it read (personVersion.ts); it also counts
    // a change of roles or purposes alone, which live in tables of their own.
    await updateVersioned({ manager: m, fields }, person, update)
    if (changed.includes('roles')) await replaceRoles(m, person.id, nextRoles)
    if (changed.includes('purposes')) await replacePurposes(m, person.id, nextPurposes)
    // a source rectified to a public website or a third party: the person is to be informed.
    const inform = changed.includes('sourceKind') && (await openInformTask(m, next))
    await recordFieldChange(ws, m, person.id, changed, input.reason)
    await audit({ action: 'person.update', subjectId: person.id, fields: inform ? [...changed, 'informTask'] : changed, reason: input.reason })
    // R-4a: only the free text this rectification wrote (an unchanged field was warned about before).
    const written = Object.fromEntries(changed.map((field) => [field, (next as unknown as Record<string, unknown>)[field]]))
    await auditFreeTextWarnings(audit, person.id, freeTextWarnings(written))
    return { personId: person.id, changedFields: [...changed].sort() }
  })
}
