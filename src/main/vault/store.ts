import type { EntityManager, EntitySchema, ObjectLiteral, Repository } from 'typeorm'
import { AccountEntity } from './entities/Account'
import { AttachmentContentEntity, AttachmentEntity } from './entities/Attachment'
import { AuditEntryEntity } from './entities/AuditEntry'
import { ClientContactEntity, ClientEntity } from './entities/Client'
import { AbsenceEntity, ConsentEntity, LegalBasisEntity, SpecialDataEntity } from './entities/Consent'
import { DisclosureEntity } from './entities/Disclosure'
import { DoNotContactEntity } from './entities/DoNotContactEntry'
import { EmploymentEntity, RecruitmentProcedureEntity } from './entities/Employment'
import { FieldChangeEntity } from './entities/FieldChange'
import { InformTaskEntity } from './entities/InformTask'
import {
  AuditAnchorEntity,
  BreachEntity,
  BreachPersonEntity,
  DpiaEntity,
  ErasureApprovalEntity,
  ProcessorEntity,
  StatementVersionEntity,
  SubjectRequestEntity
} from './entities/Governance'
import { PersonEntity } from './entities/Person'
import { PersonPurposeEntity, PersonRoleEntity } from './entities/PersonRoleRow'
import { ProcessingConsentEntity } from './entities/ProcessingConsent'
import { ProcessingLimitEntity } from './entities/ProcessingLimit'
import { RetentionPolicyVersionEntity, RetentionRunEntity, TombstoneEntity } from './entities/Retention'
import { SettingEntity } from './entities/Setting'

/** Every table by the name domain code knows it by. */
const TABLES = {
  account: AccountEntity,
  setting: SettingEntity,
  auditEntry: AuditEntryEntity,
  auditAnchor: AuditAnchorEntity,
  person: PersonEntity,
  personRole: PersonRoleEntity,
  personPurpose: PersonPurposeEntity,
  employment: EmploymentEntity,
  recruitmentProcedure: RecruitmentProcedureEntity,
  attachment: AttachmentEntity,
  attachmentContent: AttachmentContentEntity,
  fieldChange: FieldChangeEntity,
  client: ClientEntity,
  clientContact: ClientContactEntity,
  disclosure: DisclosureEntity,
  doNotContact: DoNotContactEntity,
  consent: ConsentEntity,
  specialData: SpecialDataEntity,
  legalBasis: LegalBasisEntity,
  absence: AbsenceEntity,
  tombstone: TombstoneEntity,
  retentionPolicyVersion: RetentionPolicyVersionEntity,
  retentionRun: RetentionRunEntity,
  statementVersion: StatementVersionEntity,
  breach: BreachEntity,
  breachPerson: BreachPersonEntity,
  subjectRequest: SubjectRequestEntity,
  erasureApproval: ErasureApprovalEntity,
  informTask: InformTaskEntity,
  processingLimit: ProcessingLimitEntity,
  processingConsent: ProcessingConsentEntity,
  processor: ProcessorEntity,
  dpia: DpiaEntity
} as const

type RowOf<S> = S extends EntitySchema<infer T> ? T : never

/** The typed repositories over one EntityManager (a transaction's, or the connection's). */
export type Store = { readonly [K in keyof typeof TABLES]: Repository<RowOf<(typeof TABLES)[K]>> }

/** Repositories are looked up on first use (TypeORM caches them per manager): a store costs nothing to make. */
class ManagerStore {
  constructor(readonly manager: EntityManager) {}
}
for (const [name, entity] of Object.entries(TABLES)) {
  Object.defineProperty(ManagerStore.prototype, name, {
    get(this: ManagerStore) {
      return this.manager.getRepository(entity as EntitySchema<ObjectLiteral>)
    }
  })
}

export function storeOf(manager: EntityManager): Store {
  return new ManagerStore(manager) as unknown as Store
}
