import { EntitySchema } from 'typeorm'
import { bool, date, int, json, pk, ref, text } from './columns'

/** a version of the privacy statement. */
export interface StatementVersion {
  version: string
  validFrom: string
  text: string
  createdAt: string
}
export const StatementVersionEntity = new EntitySchema<StatementVersion>({
  name: 'StatementVersion',
  tableName: 'statement_version',
  columns: { version: { type: 'varchar', length: 32, primary: true }, validFrom: date(), text: text(), createdAt: date() }
})

/** a suspected or confirmed data breach (GDPR art. 33(5)). */
export interface Breach {
  id: string
  discoveredAt: string
  description: string
  dataCategories: string[]
  personsAffected: number
  risk: 'none' | 'low' | 'high'
  reportedToRegulatorAt: string | null
  reportedToPersonsAt: string | null
  measures: string | null
  status: 'suspected' | 'confirmed' | 'closed'
  createdAt: string
  createdBy: string | null
  /** Art. 33(1): why the report to the regulator came after 72 hours (required then). */
  lateReason: string | null
  /**
   * Art. 34: the persons affected must be told (a high risk, unless an art. 34(3) exception
   * applies). Only then is the breach shown in a linked person's history and access report.
   */
  informPersons: boolean
}
export const BreachEntity = new EntitySchema<Breach>({
  name: 'Breach',
  tableName: 'breach',
  columns: {
    id: pk(),
    discoveredAt: date(),
    description: text(),
    dataCategories: json(),
    personsAffected: int(),
    risk: { type: 'varchar', length: 8 },
    reportedToRegulatorAt: date(true),
    reportedToPersonsAt: date(true),
    measures: text(true),
    status: { type: 'varchar', length: 16 },
    createdAt: date(),
    createdBy: ref(true),
    lateReason: text(true),
    informPersons: bool()
  }
})

/**
 * A person affected by a breach, with what was noted about them. Free text about the person
 * (R-19a): the row goes with the person on erasure or retention deletion.
 */
export interface BreachPerson {
  breachId: string
  personId: string
  note: string | null
}
export const BreachPersonEntity = new EntitySchema<BreachPerson>({
  name: 'BreachPerson',
  tableName: 'breach_person',
  columns: { breachId: { ...ref(), primary: true }, personId: { ...ref(), primary: true }, note: text(true) },
  indices: [{ name: 'idx_breach_person_person', columns: ['personId'] }]
})

/** R-28, GDPR art. 28: a processor working for the agency, under a processing agreement. */
export interface Processor {
  id: string
  name: string
  purpose: string
  dataCategories: string[]
  agreementOn: string | null
  location: string
  country: string
  subProcessors: string | null
  createdAt: string
  updatedAt: string
}
export const ProcessorEntity = new EntitySchema<Processor>({
  name: 'Processor',
  tableName: 'processor',
  columns: {
    id: pk(),
    name: text(),
    purpose: text(),
    dataCategories: json(),
    agreementOn: date(true),
    location: text(),
    country: text(),
    subProcessors: text(true),
    createdAt: date(),
    updatedAt: date()
  }
})

/** R-28, GDPR art. 35: a data-protection impact assessment and when it is reviewed next. */
export interface Dpia {
  id: string
  subject: string
  assessedOn: string
  outcome: string
  nextReviewOn: string
  createdAt: string
  updatedAt: string
}
export const DpiaEntity = new EntitySchema<Dpia>({
  name: 'Dpia',
  tableName: 'dpia',
  columns: { id: pk(), subject: text(), assessedOn: date(), outcome: text(), nextReviewOn: date(), createdAt: date(), updatedAt: date() }
})

/** R-18..R-20: a data-subject request and its one-month deadline (GDPR art. 12(3)). */
export interface SubjectRequest {
  id: string
  personId: string | null
  kind: 'access' | 'rectification' | 'erasure' | 'restriction' | 'objection' | 'portability'
  receivedOn: string
  identityCheck: string
  deadline: string
  extendedTo: string | null
  extensionReason: string | null
  /** Art. 12(3): the date the person was told of the extension and its reason. */
  extensionToldOn: string | null
  status: 'open' | 'done' | 'rejected'
  closedOn: string | null
  documents: { kind: string; producedAt: string; reference: string }[]
  createdBy: string | null
}
export const SubjectRequestEntity = new EntitySchema<SubjectRequest>({
  name: 'SubjectRequest',
  tableName: 'subject_request',
  columns: {
    id: pk(),
    personId: ref(true),
    kind: { type: 'varchar', length: 16 },
    receivedOn: date(),
    identityCheck: text(),
    deadline: date(),
    extendedTo: date(true),
    extensionReason: text(true),
    extensionToldOn: date(true),
    status: { type: 'varchar', length: 16 },
    closedOn: date(true),
    documents: json(),
    createdBy: ref(true)
  }
})

/** a printed/exported head of the audit chain, to keep outside the vault. */
export interface AuditAnchor {
  id: string
  seq: number
  hash: string
  createdAt: string
}
export const AuditAnchorEntity = new EntitySchema<AuditAnchor>({
  name: 'AuditAnchor',
  tableName: 'audit_anchor',
  columns: { id: pk(), seq: int(), hash: { type: 'varchar', length: 64 }, createdAt: date() }
})

/** Four-eyes erasure: a request by one privacy officer, approved by another. */
export interface ErasureApproval {
  id: string
  personId: string
  requestedBy: string
  requestedAt: string
  reason: string
  approvedBy: string | null
  approvedAt: string | null
}
export const ErasureApprovalEntity = new EntitySchema<ErasureApproval>({
  name: 'ErasureApproval',
  tableName: 'erasure_approval',
  columns: { id: pk(), personId: ref(), requestedBy: ref(), requestedAt: date(), reason: text(), approvedBy: ref(true), approvedAt: date(true) }
})
