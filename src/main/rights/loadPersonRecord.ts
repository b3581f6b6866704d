import { type EntityManager, In } from 'typeorm'
import { AccountEntity } from '../vault/entities/Account'
import { type Attachment, AttachmentEntity } from '../vault/entities/Attachment'
import { ClientEntity } from '../vault/entities/Client'
import { type Absence, AbsenceEntity, type Consent, ConsentEntity, LegalBasisEntity, type SpecialData, SpecialDataEntity } from '../vault/entities/Consent'
import { type Disclosure, DisclosureEntity } from '../vault/entities/Disclosure'
import { type Employment, EmploymentEntity, type RecruitmentProcedure, RecruitmentProcedureEntity } from '../vault/entities/Employment'
import { type FieldChange, FieldChangeEntity } from '../vault/entities/FieldChange'
import { type SubjectRequest, SubjectRequestEntity } from '../vault/entities/Governance'
import { type Person, PersonEntity } from '../vault/entities/Person'
import type { RestrictedKeyPort } from '../workspace/Workspace'
import { openSpecialValue } from '../consent/specialValue'
import { restrictedKeyRequired } from '../vault/restrictedKey'
import { type PersonPurposeRow, PersonPurposeEntity, type PersonRoleRow, PersonRoleEntity } from '../vault/entities/PersonRoleRow'
import { type ProcessingConsent, ProcessingConsentEntity } from '../vault/entities/ProcessingConsent'
import { missingPerson } from '../server/hiddenRecords'
import { inTurn } from '../workspace/inTurn'

/**
 * Everything the vault holds about one person, read straight from the entities (one query per
 * table, attachment content excluded), plus the names needed to print it: clients by id, staff
 * display names by account id, legal-basis labels by key. The access report, the export and the
 * erasure preview all start here, so they cannot disagree about what "everything" is.
 */
export interface PersonRecord {
  person: Person
  roles: PersonRoleRow[]
  purposes: PersonPurposeRow[]
  employments: Employment[]
  recruitment: RecruitmentProcedure[]
  attachments: Attachment[]
  consents: Consent[]
  specialData: SpecialData[]
  disclosures: Disclosure[]
  fieldChanges: FieldChange[]
  absence: Absence[]
  requests: SubjectRequest[]
  /** Consents to offers and to disclosure fields (issue 14 point 4, R-9a). */
  processingConsents: ProcessingConsent[]
  clientNames: Map<string, string>
  staffNames: Map<string, string>
  legalBasisLabels: Map<string, string>
}

export async function findPerson(manager: EntityManager, personId: string): Promise<Person> {
  const person = await manager.getRepository(PersonEntity).findOneBy({ id: personId })
  if (!person) throw await missingPerson(manager, personId)
  return person
}

/**
 * With `restricted`, special-category values are opened (RESTRICTED_KEY_REQUIRED in a session
 * without the restricted key when the person has any); without it they stay sealed (counting
 * records, as the erasure preview does, needs no values).
 */
const SPECIAL_DATA_WITHOUT_VALUE = { id: true, personId: true, consentId: true, category: true, purpose: true, createdAt: true, createdBy: true } as const

function refuseWithheld(): never {
  throw restrictedKeyRequired()
}

export async function loadPersonRecord(manager: EntityManager, personId: string, restricted?: RestrictedKeyPort): Promise<PersonRecord> {
  const person = await findPerson(manager, personId)
  const where = { personId }
  // The office server gives a session without the restricted key no `value` column at all
  // (server/serverRoles.ts): such a session reads which rows exist, and a value it would have to
  // open is refused below as it is on a local vault.
  const valuesWithheld = manager.connection.driver.options.type === 'postgres' && !restricted?.held
  const [roles, purposes, employments, recruitment, attachments, consents, specialData, disclosures, fieldChanges, absence, requests, processingConsents] = await inTurn([
    () => manager.getRepository(PersonRoleEntity).find({ where, order: { role: 'ASC' } }),
    () => manager.getRepository(PersonPurposeEntity).find({ where, order: { purpose: 'ASC' } }),
    () => manager.getRepository(EmploymentEntity).find({ where, order: { start: 'ASC', id: 'ASC' } }),
    () => manager.getRepository(RecruitmentProcedureEntity).find({ where, order: { start: 'ASC', id: 'ASC' } }),
    () => manager.getRepository(AttachmentEntity).find({ where, order: { addedOn: 'ASC', createdAt: 'ASC', id: 'ASC' } }),
    () => manager.getRepository(ConsentEntity).find({ where, order: { recordedAt: 'ASC', id: 'ASC' } }),
    () => manager.getRepository(SpecialDataEntity).find({ ...(valuesWithheld ? { select: SPECIAL_DATA_WITHOUT_VALUE } : {}), where, order: { createdAt: 'ASC', id: 'ASC' } }),
    () => manager.getRepository(DisclosureEntity).find({ where, order: { disclosedAt: 'ASC', id: 'ASC' } }),
    () => manager.getRepository(FieldChangeEntity).find({ where, order: { changedAt: 'ASC', id: 'ASC' } }),
    () => manager.getRepository(AbsenceEntity).find({ where, order: { startOn: 'ASC', id: 'ASC' } }),
    () => manager.getRepository(SubjectRequestEntity).find({ where, order: { receivedOn: 'ASC', id: 'ASC' } }),
    () => manager.getRepository(ProcessingConsentEntity).find({ where, order: { givenOn: 'ASC', recordedAt: 'ASC', id: 'ASC' } })
  ])

  const clientIds = unique([...employments.map((e) => e.clientId), ...recruitment.map((r) => r.clientId), ...disclosures.map((d) => d.clientId)])
  const staffIds = unique(fieldChanges.map((c) => c.actorId))
  const basisKeys = unique(consents.map((c) => c.legalBasisKey))
  const [clients, accounts, bases] = await inTurn([
    () => clientIds.length ? manager.getRepository(ClientEntity).find({ select: { id: true, name: true }, where: { id: In(clientIds) } }) : [],
    () => staffIds.length ? manager.getRepository(AccountEntity).find({ select: { id: true, displayName: true }, where: { id: In(staffIds) } }) : [],
    () => basisKeys.length ? manager.getRepository(LegalBasisEntity).find({ where: { key: In(basisKeys) } }) : []
  ])

  return {
    person,
    roles,
    purposes,
    employments,
    recruitment,
    attachments,
    consents,
    specialData: restricted ? specialData.map((s) => ({ ...s, value: valuesWithheld ? refuseWithheld() : openSpecialValue(restricted, s) })) : specialData,
    disclosures,
    fieldChanges,
    absence,
    requests,
    processingConsents,
    clientNames: new Map(clients.map((c) => [c.id, c.name])),
    staffNames: new Map(accounts.map((a) => [a.id, a.displayName])),
    legalBasisLabels: new Map(bases.map((b) => [b.key, b.label]))
  }
}

function unique(ids: (string | null)[]): string[] {
  return [...new Set(ids.filter((id): id is string => id !== null))]
}
