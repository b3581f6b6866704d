import type { ParsedInputOf } from '../../shared/contract/operation'
import type { DoNotContactIdentifier, peopleOperations } from '../../shared/contract/people'
import { DossierError } from '../../shared/errors'
import { deletePersonDefinitively } from '../retention/deletePerson'
import { currentPolicy } from '../retention/policyStore'
import type { Workspace } from '../workspace/Workspace'
import { EmploymentEntity } from '../vault/entities/Employment'
import { DoNotContactRegister, profileUrlOf } from './DoNotContactRegister'
import { openPerson } from './personAccess'

type Ops = typeof peopleOperations

/** The tombstone rule of a person deleted because they asked not to be contacted. */
export const DO_NOT_CONTACT_RULE = 'do-not-contact'

/**
 * the person (typically a prospect from a public website) wants no services and no further
 * contact. In one transaction: a register entry with keyed hashes of their e-mail, phone and
 * profile URL, the date and the reason category; then the record is deleted definitively through
 * the one deletion path (retention/deletePerson.ts: children cascade, a tombstone remains);
 * afterwards the WAL is checkpointed so the deleted pages leave the journal.
 * Someone who worked for the agency is refused (CONFLICT): their wage-tax records must be kept
 * — unsubscribe them instead and let retention run.
 */
export async function markDoNotContact(
  ws: Workspace,
  input: ParsedInputOf<Ops['markDoNotContact']>
): Promise<{ entryId: string; identifiers: DoNotContactIdentifier[] }> {
  const register = DoNotContactRegister.of(ws.vault)
  const result = await ws.write(async (tx) => {
    const { manager: m, audit } = tx
    const person = await openPerson(ws, m, audit, input.personId, undefined)
    if (await m.getRepository(EmploymentEntity).existsBy({ personId: person.id })) {
      throw new DossierError('CONFLICT', 'A person who worked for the agency keeps legal records; unsubscribe them instead.', { detail: { employed: true } })
    }
    const { entry, identifiers } = await register.record(
      m,
      { email: person.email, phone: person.phone, profileUrl: profileUrlOf({ kind: person.sourceKind, detail: person.sourceDetail }) },
      input.reasonCategory,
      ws.clock.today()
    )
    await audit({ action: 'person.do-not-contact', subjectId: person.id, fields: identifiers, reason: input.reasonCategory })
    // Issue 15 point 3: a restore of an older backup puts the entry back (its keyed hashes only).
    tx.noteErasure({ kind: 'do-not-contact', personId: person.id, rule: DO_NOT_CONTACT_RULE, doNotContact: entry })
    const policy = await currentPolicy(m, ws.clock)
    await deletePersonDefinitively(tx, person.id, { rule: DO_NOT_CONTACT_RULE, policyVersion: policy.version, cause: 'erasure' })
    return { entryId: entry.id, identifiers }
  })
  ws.vault.checkpoint()
  return result
}

/** which identifier matches the register, if any — never the stored data. */
export async function checkDoNotContact(
  ws: Workspace,
  input: ParsedInputOf<Ops['checkDoNotContact']>
): Promise<{ matched: boolean; identifier: DoNotContactIdentifier | null }> {
  const register = DoNotContactRegister.of(ws.vault)
  const identifier = await ws.write(({ manager: m }) => register.findMatch(m, { email: input.email, phone: input.phone, profileUrl: input.profileUrl }))
  return { matched: identifier !== null, identifier }
}
