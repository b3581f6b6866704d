import { PERSON_DATA_FIELDS as SHARED_PERSON_DATA_FIELDS } from '../../shared/domain'
import type { CalendarDate, Purpose, SpecialCategory } from '../../shared/domain'
import type { SubjectRequestKind } from '../../shared/contract/rights'
import type { ConsentState, RequestStatus } from '../documents/labels'
import { reportedRequestStatus } from '../../shared/vocabulary'
import { calendarDayOf } from '../../shared/time'
import { evaluateRetention } from '../retention/evaluateRetention'
import type { RetentionFacts } from '../retention/evaluateRetention'
import type { RetentionPolicy } from '../retention/policy'
import type { Consent } from '../vault/entities/Consent'
import type { SubjectRequest } from '../vault/entities/Governance'
import type { Person } from '../vault/entities/Person'
import type { PersonRecord } from './loadPersonRecord'

/**
 * Small pure readings of stored rows that the access report and the export share, so the two
 * documents say the same thing about the same record.
 */

/** The person's data fields in report order: the shared list, checked against the entity. */
export const PERSON_DATA_FIELDS = SHARED_PERSON_DATA_FIELDS satisfies readonly (keyof Person)[]
export type PersonDataField = (typeof PERSON_DATA_FIELDS)[number]

export const DATE_FIELDS: ReadonlySet<string> = new Set(['birthDate', 'idDocumentExpiry', 'idVerifiedOn', 'workPermitExpiry', 'vogDate', 'registeredOn', 'unsubscribedOn'])

/** The fields that hold a value, in report order. */
export function heldFields(person: Person): PersonDataField[] {
  return PERSON_DATA_FIELDS.filter((f) => person[f] !== null && person[f] !== '')
}

/**
 * A consent's state on `today` in the report's three words: withdrawn from its
 * withdrawal date, expired after its last valid day (or, for explicit consent, never dated),
 * otherwise valid.
 */
export function consentStateOn(c: Pick<Consent, 'basis' | 'givenOn' | 'endsOn' | 'withdrawnOn'>, today: CalendarDate): ConsentState {
  if (c.withdrawnOn !== null && c.withdrawnOn <= today) return 'withdrawn'
  if (c.endsOn !== null && c.endsOn < today) return 'expired'
  if (c.basis === 'consent' && c.givenOn === null) return 'expired'
  return 'valid'
}

/**
 * the special-category values the person's own report and export show: only those whose
 * consent or legal basis holds on `today` (purged data is already gone from the rows).
 */
export function shownSpecialData(record: PersonRecord, today: CalendarDate): { category: SpecialCategory; purpose: Purpose; value: string }[] {
  const consentsById = new Map(record.consents.map((c) => [c.id, c]))
  return record.specialData
    .filter((s) => {
      const consent = consentsById.get(s.consentId)
      return consent !== undefined && consentStateOn(consent, today) === 'valid'
    })
    .map((s) => ({ category: s.category as SpecialCategory, purpose: s.purpose as Purpose, value: s.value }))
}

/** every disclosure of the person's data (to whom, when, which fields, why). */
export function disclosuresOf(record: PersonRecord): { recipient: string; disclosedOn: CalendarDate; fields: string[]; purpose: string; reason: string | null }[] {
  return record.disclosures.map((d) => ({
    recipient: d.recipientName,
    disclosedOn: calendarDayOf(d.disclosedAt),
    fields: d.fields,
    purpose: d.purpose,
    reason: d.reason
  }))
}

/** The register's status in the report's words (GDPR art. 12(3)). */
export function requestStatusOf(r: Pick<SubjectRequest, 'status' | 'extendedTo'>): RequestStatus {
  return reportedRequestStatus(r.status, r.extendedTo)
}

export function requestKindOf(kind: string): SubjectRequestKind {
  return kind as SubjectRequestKind
}

export interface RetentionSummary {
  state: Person['state']
  rule: string | null
  nextAction: string | null
  /** the rule the next step comes from: not always the governing one (a consent that expires) */
  nextRule: string | null
  dueDate: CalendarDate | null
  deletionDate: CalendarDate | null
}

/**
 * R-18 "retention state and due dates": the stored state, the rule that governs the record, the
 * first pending step (an overdue one first) and the date the whole record goes.
 */
export function retentionSummary(state: Person['state'], facts: RetentionFacts | null, policy: RetentionPolicy, today: CalendarDate): RetentionSummary {
  if (facts === null) return { state, rule: null, nextAction: null, nextRule: null, dueDate: null, deletionDate: null }
  const evaluation = evaluateRetention(facts, policy, today)
  const step = evaluation.due[0] ?? evaluation.next
  return {
    state,
    rule: evaluation.rule,
    nextAction: step?.kind ?? null,
    nextRule: step?.rule ?? null,
    dueDate: step?.dueDate ?? null,
    deletionDate: evaluation.deletionDate
  }
}

/** The Amsterdam calendar day of a stored UTC timestamp: one implementation, in src/shared/time. */
export { calendarDayOf }
