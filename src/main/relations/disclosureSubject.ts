import type { EntityManager } from 'typeorm'
import type { DisclosureBlocker, DisclosurePurpose } from '../../shared/contract/relations'
import type { Purpose } from '../../shared/domain'
import { DossierError } from '../../shared/errors'
import { purposesOf } from '../people/personCollections'
import { objectionsOf, refuseIfRestricted } from '../rights/processingLimitState'
import type { Client } from '../vault/entities/Client'
import { EmploymentEntity } from '../vault/entities/Employment'
import { type Person, PersonEntity } from '../vault/entities/Person'
import { disclosureBlockers, isCurrentAssignment, type DisclosureRules } from './disclosureRules'
import { currentDisclosureRules } from './disclosureRulesStore'
import { findClient } from './findClient'
import { missingPerson } from '../server/hiddenRecords'

/** Everything a preview or a disclosure decides on: the person, the client, the rules in force. */
export interface DisclosureSubject {
  person: Person
  client: Client
  rules: DisclosureRules
  blockers: DisclosureBlocker[]
}

/**
 * Loads the person and the client of a disclosure. R-14: a record that is not `active`
 * (shielded, under legal hold, due for deletion) is never shared with a client — not even by a
 * privacy officer: its data is kept only for the purposes that justify keeping it.
 * nor is a person whose processing is restricted (PROCESSING_RESTRICTED), who stopped
 * mediation (MEDIATION_ENDED: unsubscribed — never presented or disclosed again), or who objects
 * to this purpose (OBJECTION_IN_FORCE: to `presentation`, or to every person purpose the
 * disclosure's rule could rest on).
 */
export async function loadDisclosureSubject(
  m: EntityManager,
  input: { personId: string; clientId: string; purpose: DisclosurePurpose; today: string }
): Promise<DisclosureSubject> {
  const person = await m.getRepository(PersonEntity).findOneBy({ id: input.personId })
  if (!person) throw await missingPerson(m, input.personId)
  if (person.state !== 'active') throw new DossierError('RETENTION_SHIELDED', 'A shielded record cannot be shared with a client.')
  await refuseIfRestricted(m, person.id)
  if (person.unsubscribedOn !== null) {
    throw new DossierError('MEDIATION_ENDED', 'This person stopped mediation; their data is no longer shared with clients.')
  }
  const client = await findClient(m, input.clientId)
  const rules = await currentDisclosureRules(m)
  const employments = await m.getRepository(EmploymentEntity).findBy({ personId: person.id, clientId: client.id })
  const personPurposes = await purposesOf(m, person.id)
  await refuseObjectedDisclosure(m, person.id, input.purpose, rules.purposes[input.purpose].personPurposes, personPurposes)
  const blockers = disclosureBlockers(rules, input.purpose, {
    personPurposes,
    hasCurrentAssignment: employments.some((e) => isCurrentAssignment(e, client.id, input.today))
  })
  return { person, client, rules, blockers }
}

/** the person objects to being presented, or to every purpose this disclosure could rest on. */
async function refuseObjectedDisclosure(
  m: EntityManager,
  personId: string,
  purpose: DisclosurePurpose,
  rulePurposes: readonly Purpose[],
  personPurposes: readonly Purpose[]
): Promise<void> {
  const objected = (await objectionsOf(m, personId)) as Set<string>
  if (objected.size === 0) return
  const covered = rulePurposes.length === 0 || rulePurposes.some((p) => personPurposes.includes(p))
  if ((purpose === 'presentation' && objected.has('presentation')) || (!covered && rulePurposes.some((p) => objected.has(p)))) {
    throw new DossierError('OBJECTION_IN_FORCE', 'The person objects to this purpose; nothing is shared for it.')
  }
}
