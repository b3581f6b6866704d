import type { ImportPerson } from '../../shared/import/importFormat'
import type { Employment, RecruitmentProcedure } from '../vault/entities/Employment'
import type { Person } from '../vault/entities/Person'
import type { PersonPurposeRow, PersonRoleRow } from '../vault/entities/PersonRoleRow'
import { newPersonRow, purposeRows, roleRows } from './newPersonRow'

/** Everything one imported person becomes (special data: consent/importSpecialData.ts). */
export interface PersonRows {
  person: Person
  roles: PersonRoleRow[]
  purposes: PersonPurposeRow[]
  employments: Employment[]
  recruitment: RecruitmentProcedure[]
}

/**
 * The rows of one `dossier-import/1` person. Shared by the import and the demo's bulk insert.
 * The legacy system does not say when the statement was shown, so `statementShownOn` stays empty
 * rather than guessed. A W&S procedure is linked to a client of the same name (case-insensitive)
 * when there is one.
 */
export function rowsFromImportPerson(
  p: ImportPerson,
  personId: string,
  createdAt: string,
  clientIdByName: ReadonlyMap<string, string>,
  newId: () => string
): PersonRows {
  const person = newPersonRow(
    personId,
    {
      ref: p.ref,
      givenName: p.givenName,
      familyName: p.familyName,
      birthDate: p.birthDate,
      gender: p.gender,
      address: p.address,
      email: p.email,
      phone: p.phone,
      otherContact: p.otherContact,
      education: p.education,
      internships: p.internships,
      workExperience: p.workExperience,
      availability: p.availability,
      deployability: p.deployability,
      leave: p.leave,
      particulars: p.particulars,
      source: p.source,
      registeredOn: p.registeredOn,
      unsubscribedOn: p.unsubscribedOn,
      lastContactOn: p.lastContactOn,
      bsn: p.bsn,
      statementVersion: p.statementVersion
    },
    createdAt
  )
  return {
    person,
    roles: roleRows(personId, p.roles),
    purposes: purposeRows(personId, p.purposes),
    employments: (p.employments ?? []).map((e) => ({ id: newId(), personId, start: e.start, end: e.end ?? null, kind: e.kind, clientId: null })),
    recruitment: (p.recruitment ?? []).map((r) => ({
      id: newId(),
      personId,
      clientId: clientIdByName.get(clientKey(r.client)) ?? null,
      clientName: r.client,
      start: r.start,
      end: r.end ?? null
    }))
  }
}

/** Client names are compared trimmed and case-insensitively (as the import format does). */
export function clientKey(name: string): string {
  return name.trim().toLowerCase()
}
