import { EntitySchema } from 'typeorm'
import { date, int, json, pk, ref, text } from './columns'

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
    createdBy: ref(true)
  }
})

/** R-18..R-20: a data-subject request and its one-month deadline (GDPR art. 12(3)). */
export interface SubjectRequest {
  id: string
  personId: string | null
  kind: 'access' | 'rectification' | 'erasure' | 'objection' | 'portability'
  receivedOn: string
  identityCheck: string
  deadline: string
  extendedTo: string | null
  extensionReason: string | null
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
