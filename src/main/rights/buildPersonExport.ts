import type { RestrictedKeyPort } from '../workspace/Workspace'
import type { EntityManager } from 'typeorm'
import { EXPORT_FORMAT, type PersonExport } from '../../shared/contract/rights'
import type { CalendarDate } from '../../shared/domain'
import { maskBsn } from '../../shared/validation/bsn'
import type { AgencyContact } from '../documents/accessReportModel'
import { loadRetentionFacts } from '../retention/loadFacts'
import type { RetentionPolicy } from '../retention/policy'
import type { Attachment } from '../vault/entities/Attachment'
import { loadPersonRecord, type PersonRecord } from './loadPersonRecord'
import { consentStateOn, disclosuresOf, PERSON_DATA_FIELDS, retentionSummary, shownSpecialData } from './recordFacts'

export interface ExportOptions {
  today: CalendarDate
  agency: AgencyContact
  policy: RetentionPolicy
  /** Attachments written into the zip beside the JSON; their `file` is set. */
  withAttachmentFiles: boolean
  /** Opens the special-category values (R-4: the person's own export shows them). */
  restricted: RestrictedKeyPort
}

/**
 * the person's data in the machine-readable `dossier-export/1` format (JSON Schema in
 * `resources/dossier-export-1.schema.json`). The same record the access report reads, as raw
 * values (codes, ISO dates) rather than printed words; the BSN masked as everywhere.
 */
export async function buildPersonExport(manager: EntityManager, personId: string, opts: ExportOptions): Promise<PersonExport> {
  const record = await loadPersonRecord(manager, personId, opts.restricted)
  const facts = await loadRetentionFacts(manager, personId)
  return personExportOf(record, facts?.facts ?? null, opts)
}

/** Attachments in the zip are named by id and a safe extension, never by the person's name. */
export function attachmentFilePath(a: Pick<Attachment, 'id' | 'fileName' | 'mimeType'>): string {
  return `attachments/${a.id}.${extensionOf(a)}`
}

const EXTENSION_BY_MIME: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'image/jpeg': 'jpg',
  'image/png': 'png'
}

function extensionOf(a: Pick<Attachment, 'fileName' | 'mimeType'>): string {
  const byMime = EXTENSION_BY_MIME[a.mimeType]
  if (byMime) return byMime
  const fromName = /\.([A-Za-z0-9]{1,8})$/.exec(a.fileName)?.[1]
  return fromName ? fromName.toLowerCase() : 'bin'
}

export function personExportOf(record: PersonRecord, facts: Parameters<typeof retentionSummary>[1], opts: ExportOptions): PersonExport {
  const { person } = record
  const { today } = opts
  const client = (id: string | null): string | null => (id !== null ? (record.clientNames.get(id) ?? null) : null)
  const data = Object.fromEntries(PERSON_DATA_FIELDS.map((f) => [f, person[f] === '' ? null : person[f]])) as PersonExport['data']
  data.bsn = person.bsn !== null ? maskBsn(person.bsn) : null

  return {
    format: EXPORT_FORMAT,
    exportedOn: today,
    controller: { name: opts.agency.name, email: opts.agency.email, phone: opts.agency.phone, address: opts.agency.address ?? '' },
    person: {
      id: person.id,
      ref: person.ref,
      roles: record.roles.map((r) => r.role),
      registeredOn: person.registeredOn,
      unsubscribedOn: person.unsubscribedOn,
      state: person.state
    },
    data,
    fieldHistory: record.fieldChanges.map((c) => ({ fields: c.fields, changedAt: c.changedAt })),
    source: { kind: person.sourceKind, detail: person.sourceDetail },
    statement: person.statementVersion !== null ? { version: person.statementVersion, shownOn: person.statementShownOn } : null,
    purposes: record.purposes.map((p) => ({ purpose: p.purpose, legalBasis: p.legalBasis })),
    employments: record.employments.map((e) => ({ start: e.start, end: e.end, kind: e.kind, client: client(e.clientId) })),
    recruitmentProcedures: record.recruitment.map((r) => ({ client: client(r.clientId) ?? r.clientName, start: r.start, end: r.end })),
    absence: record.absence.map((a) => ({ startOn: a.startOn, endOn: a.endOn, expectedDuration: a.expectedDuration, availability: a.availability })),
    attachments: record.attachments.map((a) => ({
      id: a.id,
      kind: a.kind,
      fileName: a.fileName,
      mimeType: a.mimeType,
      sizeBytes: a.sizeBytes,
      addedOn: a.addedOn,
      deleteOn: a.deleteOn,
      file: opts.withAttachmentFiles ? attachmentFilePath(a) : null
    })),
    consents: record.consents.map((c) => ({
      category: c.category,
      purpose: c.purpose,
      basis: c.basis,
      legalBasis: c.legalBasisKey,
      givenOn: c.givenOn,
      how: c.how,
      wording: c.wording,
      statementVersion: c.statementVersion,
      endsOn: c.endsOn,
      withdrawnOn: c.withdrawnOn,
      state: consentStateOn(c, today)
    })),
    processingConsents: record.processingConsents.map((c) => ({
      subject: c.subject,
      disclosurePurpose: c.disclosurePurpose,
      field: c.field,
      givenOn: c.givenOn,
      how: c.how,
      wording: c.wording,
      withdrawnOn: c.withdrawnOn
    })),
    specialData: shownSpecialData(record, today),
    disclosures: disclosuresOf(record),
    retention: retentionSummary(person.state, facts, opts.policy, today),
    requests: record.requests.map((r) => ({ kind: r.kind, receivedOn: r.receivedOn, deadline: r.deadline, status: r.status }))
  }
}
