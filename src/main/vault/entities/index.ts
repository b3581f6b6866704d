/** The explicit entity list (bundles have no folders to glob). */
import { AccountEntity } from './Account'
import { AttachmentContentEntity, AttachmentEntity } from './Attachment'
import { AuditEntryEntity } from './AuditEntry'
import { ClientContactEntity, ClientEntity } from './Client'
import { AbsenceEntity, ConsentEntity, LegalBasisEntity, SpecialDataEntity } from './Consent'
import { DisclosureEntity } from './Disclosure'
import { DoNotContactEntity } from './DoNotContactEntry'
import { EmploymentEntity, RecruitmentProcedureEntity } from './Employment'
import { FieldChangeEntity } from './FieldChange'
import { InformTaskEntity } from './InformTask'
import {
  AuditAnchorEntity,
  BreachEntity,
  BreachPersonEntity,
  DpiaEntity,
  ErasureApprovalEntity,
  ProcessorEntity,
  StatementVersionEntity,
  SubjectRequestEntity
} from './Governance'
import { PersonEntity } from './Person'
import { ProcessingConsentEntity } from './ProcessingConsent'
import { PersonPurposeEntity, PersonRoleEntity } from './PersonRoleRow'
import { ProcessingLimitEntity } from './ProcessingLimit'
import { RetentionPolicyVersionEntity, RetentionRunEntity, TombstoneEntity } from './Retention'
import { SettingEntity } from './Setting'

export const ENTITIES = [
  AccountEntity,
  SettingEntity,
  AuditEntryEntity,
  AuditAnchorEntity,
  PersonEntity,
  PersonRoleEntity,
  PersonPurposeEntity,
  EmploymentEntity,
  RecruitmentProcedureEntity,
  AttachmentEntity,
  AttachmentContentEntity,
  FieldChangeEntity,
  ClientEntity,
  ClientContactEntity,
  DisclosureEntity,
  DoNotContactEntity,
  ConsentEntity,
  SpecialDataEntity,
  LegalBasisEntity,
  AbsenceEntity,
  TombstoneEntity,
  RetentionPolicyVersionEntity,
  RetentionRunEntity,
  StatementVersionEntity,
  BreachEntity,
  BreachPersonEntity,
  SubjectRequestEntity,
  ErasureApprovalEntity,
  InformTaskEntity,
  ProcessingConsentEntity,
  ProcessingLimitEntity,
  ProcessorEntity,
  DpiaEntity
]
