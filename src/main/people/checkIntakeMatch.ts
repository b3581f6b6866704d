import type { OutputOf, ParsedInputOf } from '../../shared/contract/operation'
import type { peopleOperations } from '../../shared/contract/people'
import type { Workspace } from '../workspace/Workspace'
import { PersonEntity } from '../vault/entities/Person'
import { DoNotContactRegister } from './DoNotContactRegister'
import { type DuplicateCandidate, findDuplicatePerson } from './findDuplicatePerson'

type Op = (typeof peopleOperations)['checkIntakeMatch']

/**
 * Issue 16 point 5: the checks the save makes (createPerson), made while the intake is typed —
 * the do-not-contact register (R-10; which identifier, never what is stored) and the duplicate
 * check (`findDuplicatePerson`: same e-mail, phone, or family name and birth date). An active
 * match is named (reference, name, birth date) so staff open it instead of typing it again; a
 * record that is not active is only said to exist. A named match is audited as a view of
 * those fields.
 */
export async function checkIntakeMatch(ws: Workspace, input: ParsedInputOf<Op>): Promise<OutputOf<Op>> {
  const register = DoNotContactRegister.of(ws.vault)
  return ws.write(async ({ manager: m, audit }) => {
    const doNotContact = await register.findMatch(m, { email: input.email, phone: input.phone, profileUrl: undefined })
    if (doNotContact) return { doNotContact, duplicate: null }
    const found = await findDuplicatePerson(m, { email: input.email, phone: input.phone, birthDate: input.familyName ? input.birthDate : undefined, familyName: input.familyName ?? '' })
    if (!found) return { doNotContact: null, duplicate: null }
    const p = await m.getRepository(PersonEntity).findOneBy({ id: found.id })
    if (!p) {
      // The office server: a match this login may not see is not active (hiddenRecords.ts); what
      // matched, from the same check with one value at a time (the first-registered match of all
      // values is the first of the values it has).
      const one = async (c: Partial<DuplicateCandidate>) => (await findDuplicatePerson(m, { familyName: '', ...c }))?.id === found.id
      const matchedOn = input.email && (await one({ email: input.email })) ? 'email' : input.phone && (await one({ phone: input.phone })) ? 'phone' : ('name-birthDate' as const)
      return { doNotContact: null, duplicate: { personId: found.id, shielded: true, ref: null, givenName: null, familyName: null, birthDate: null, matchedOn } }
    }
    const matchedOn =
      input.email && p.email === input.email ? 'email' : input.phone && p.phone === input.phone ? 'phone' : ('name-birthDate' as const)
    if (p.state !== 'active') {
      return { doNotContact: null, duplicate: { personId: p.id, shielded: true, ref: null, givenName: null, familyName: null, birthDate: null, matchedOn } }
    }
    await audit({ action: 'person.view', subjectId: p.id, fields: ['ref', 'givenName', 'familyName', 'birthDate'] })
    return { doNotContact: null, duplicate: { personId: p.id, shielded: false, ref: p.ref, givenName: p.givenName, familyName: p.familyName, birthDate: p.birthDate, matchedOn } }
  })
}
