import type { EntityManager } from 'typeorm'
import type { DisclosureBlocker, DisclosurePurpose } from '../../shared/contract/relations'
import { DossierError } from '../../shared/errors'
import { purposesOf } from '../people/personCollections'
import type { Client } from '../vault/entities/Client'
import { EmploymentEntity } from '../vault/entities/Employment'
import { type Person, PersonEntity } from '../vault/entities/Person'
import { disclosureBlockers, isCurrentAssignment, type DisclosureRules } from './disclosureRules'
import { currentDisclosureRules } from './disclosureRulesStore'
import { findClient } from './findClient'

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
 */
export async function loadDisclosureSubject(
  m: EntityManager,
  input: { personId: string; clientId: string; purpose: DisclosurePurpose; today: string }
): Promise<DisclosureSubject> {
  const person = await m.getRepository(PersonEntity).findOneBy({ id: input.personId })
  if (!person) throw new DossierError('NOT_FOUND', 'No person with this id.')
  if (person.state !== 'active') throw new DossierError('RETENTION_SHIELDED', 'A shielded record cannot be shared with a client.')
  const client = await findClient(m, input.clientId)
  const rules = await currentDisclosureRules(m)
  const employments = await m.getRepository(EmploymentEntity).findBy({ personId: person.id, clientId: client.id })
  const blockers = disclosureBlockers(rules, input.purpose, {
    personPurposes: await purposesOf(m, person.id),
    hasCurrentAssignment: employments.some((e) => isCurrentAssignment(e, client.id, input.today))
  })
  return { person, client, rules, blockers }
}
