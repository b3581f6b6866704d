import { randomUUID } from 'node:crypto'
import type { ParsedInputOf } from '../../shared/contract/operation'
import type { peopleOperations } from '../../shared/contract/people'
import { DossierError } from '../../shared/errors'
import { makeIntakeSchema } from '../../shared/person/personSchema'
import type { Workspace } from '../workspace/Workspace'
import { type Person, PersonEntity } from '../vault/entities/Person'
import { sealColumns } from '../vault/sealedColumns'
import { PersonPurposeEntity, PersonRoleEntity } from '../vault/entities/PersonRoleRow'
import { DoNotContactRegister, profileUrlOf } from './DoNotContactRegister'
import { findDuplicatePerson } from './findDuplicatePerson'
import { auditFreeTextWarnings, freeTextWarnings } from './freeTextWarnings'
import { newPersonRow, purposeRows, roleRows } from './newPersonRow'
import { parseInput } from './parseInput'
import { refTakenOnServer } from '../server/hiddenRecords'
import { openInformTask } from './informTasks'
import { requireStatementVersion, statementVersionInForce, statementVersionUnknown } from '../governance/statementVersions'

export type CreatePersonInput = ParsedInputOf<(typeof peopleOperations)['createPerson']>

/** Columns that are bookkeeping, not data about the person. */
const BOOKKEEPING: ReadonlySet<string> = new Set(['id', 'state', 'createdAt', 'updatedAt', 'version', 'searchGiven', 'searchFamily'])

/** The names of the person's columns that hold a value (for the audit entry; never the values). */
export function filledFields(row: Person): string[] {
  return Object.entries(row)
    .filter(([name, value]) => value !== null && !BOOKKEEPING.has(name))
    .map(([name]) => name)
}

/**
 * Intake: registers a walk-in, website or phone candidate, a prospect or a contact.
 * R-3a: the intake schema has no BSN, ID number or special-data fields, and it is strict, so a
 * payload carrying them is refused before anything happens. In one transaction, before writing:
 * the do-not-contact register, a unique ref, and the duplicate check (unless confirmed).
 */
export async function createPerson(ws: Workspace, input: CreatePersonInput): Promise<{ personId: string }> {
  const { confirmNotDuplicate, ...fields } = input
  const intake = parseInput(makeIntakeSchema(ws.clock.today()), fields)
  const register = DoNotContactRegister.of(ws.vault)
  return ws.write(async ({ manager: m, audit, fields }) => {
    await register.refuseMatch(m, { email: intake.email, phone: intake.phone, profileUrl: profileUrlOf(intake.source) })
    if (intake.ref !== undefined && ((await refTakenOnServer(m, intake.ref)) ?? (await m.getRepository(PersonEntity).existsBy({ ref: intake.ref })))) {
      throw new DossierError('CONFLICT', 'Another person has this reference.', { issues: [{ path: 'ref', key: 'validation.duplicate' }] })
    }
    if (confirmNotDuplicate !== true) {
      const existing = await findDuplicatePerson(m, intake)
      if (existing) {
        throw new DossierError('DUPLICATE_PERSON', 'A person with the same e-mail, phone, or birth date and family name exists.', {
          detail: { existingId: existing.id, shielded: existing.state !== 'active' }
        })
      }
    }
    // R-24 (issue 14 point 7): a registered version; without one, the version in force the day it was shown.
    const statementVersion = intake.statementVersion ?? (await statementVersionInForce(m, ws.clock, intake.statementShownOn))
    if (statementVersion === null) throw statementVersionUnknown(['statementVersion'])
    await requireStatementVersion(m, ws.clock, statementVersion, 'statementVersion')
    const personId = randomUUID()
    const row = newPersonRow(personId, { ...intake, statementVersion }, ws.clock.now().toISOString())
    await m.getRepository(PersonEntity).insert(sealColumns(fields, 'person', personId, row))
    await m.getRepository(PersonRoleEntity).insert(roleRows(personId, intake.roles))
    await m.getRepository(PersonPurposeEntity).insert(purposeRows(personId, intake.purposes))
    // data from a public website or a third party: the person must be informed within a month.
    const inform = await openInformTask(m, row)
    await audit({ action: 'person.create', subjectId: personId, fields: [...filledFields(row), 'roles', 'purposes', ...(inform ? ['informTask'] : [])] })
    // R-4a: the form warned; staff saved anyway — recorded as field and category, never the text.
    await auditFreeTextWarnings(audit, personId, freeTextWarnings(intake))
    return { personId }
  })
}
