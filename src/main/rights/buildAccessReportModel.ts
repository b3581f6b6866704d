import type { RestrictedKeyPort } from '../workspace/Workspace'
import type { EntityManager } from 'typeorm'
import type { CalendarDate } from '../../shared/domain'
import { maskBsn } from '../../shared/validation/bsn'
import type { AccessReportField, AccessReportModel, AgencyContact } from '../documents/accessReportModel'
import { formatPrintedDate } from '../../shared/time'
import { renderAccessReportHtml } from '../documents/renderAccessReport'
import { labelOr, type Lang } from '../documents/labels'
import { breachesToTell } from '../governance/breachesToTell'
import { loadRetentionFacts } from '../retention/loadFacts'
import { RETENTION_RULE_IDS, type RetentionPolicy, type RetentionRuleId } from '../retention/policy'
import type { TermValue } from '../../shared/vocabulary'
import type { Person } from '../vault/entities/Person'
import { processingLimitsInForce } from './processingLimitState'
import { loadPersonRecord, type PersonRecord } from './loadPersonRecord'
import {
  calendarDayOf,
  consentStateOn,
  DATE_FIELDS,
  heldFields,
  disclosuresOf,
  requestKindOf,
  requestStatusOf,
  retentionSummary,
  shownSpecialData,
  type PersonDataField
} from './recordFacts'
import { valueLabels } from './valueLabels'
import { retentionPlan } from './retentionPlan'
import { purposeGround } from '../people/purposeLegalBasis'
import { consentHolds } from '../consent/processingConsent'
import type { PurposeNote } from '../documents/accessReportModel'
import type { SourceKind } from '../../shared/domain'

export interface AccessReportOptions {
  lang: Lang
  today: CalendarDate
  reference: string
  /** from the vault settings. */
  agency: AgencyContact
  /** The retention policy in force (R-11..R-16), for the rule and the due dates. */
  policy: RetentionPolicy
  /** Opens the special-category values, which only this report and the export show. */
  restricted: RestrictedKeyPort
}

/**
 * the access report's data, built from the vault's entities for one person: every field
 * held with its last change (from `field_change`; values never come from history), the BSN
 * masked, attachments listed without content, roles, employments, W&S procedures, purposes
 * with legal bases, source and statement version, consents and their state, the
 * special-category data itself (only ever in this, the person's own report, R-4), disclosures
 * the retention state with rule and dates, the person's requests and the agency's contact
 * details. Reads only.
 */
export async function buildAccessReportModel(manager: EntityManager, personId: string, opts: AccessReportOptions): Promise<AccessReportModel> {
  const record = await loadPersonRecord(manager, personId, opts.restricted)
  const facts = await loadRetentionFacts(manager, personId)
  const model = accessReportModelOf(record, facts?.facts ?? null, opts)
  const breaches = (await breachesToTell(manager, personId)).map(({ discoveredOn, description, measures, toldOn }) => ({ discoveredOn, description, measures, toldOn }))
  return { ...model, processingLimits: await processingLimitsInForce(manager, personId), ...(breaches.length ? { breaches } : {}) }
}

function termsOf(policy: RetentionPolicy): Record<RetentionRuleId, TermValue> {
  return Object.fromEntries(RETENTION_RULE_IDS.map((id) => [id, policy.rules[id].term])) as Record<RetentionRuleId, TermValue>
}

export function accessReportModelOf(
  record: PersonRecord,
  facts: Parameters<typeof retentionSummary>[1],
  opts: AccessReportOptions
): AccessReportModel {
  const { person } = record
  const { lang, today } = opts
  const retention = retentionSummary(person.state, facts, opts.policy, today)
  // Issue 14 point 4: the grounds per purpose follow the person's relation and recorded consents.
  const employed = record.employments.length > 0
  const offersConsent = record.processingConsents.filter((c) => c.subject === 'offers' && consentHolds(c, today)).at(-1) ?? null
  const groundFacts = { employed, offersConsent: offersConsent !== null }
  const holdsOffers = record.purposes.some((p) => p.purpose === 'offers')
  const client = (id: string | null, fallback: string | null = null) => (id !== null ? (record.clientNames.get(id) ?? fallback) : fallback)

  return {
    reference: opts.reference,
    issuedOn: today,
    lang,
    agency: opts.agency,
    person: {
      id: person.id,
      ref: person.ref,
      roles: record.roles.map((r) => r.role),
      registeredOn: person.registeredOn,
      state: person.state
    },
    fields: [...fieldsOf(record, lang), ...absenceFieldsOf(record, lang)],
    attachments: record.attachments.map((a) => ({
      fileName: a.fileName,
      kind: a.kind,
      mimeType: a.mimeType,
      sizeBytes: a.sizeBytes,
      addedOn: a.addedOn,
      deleteOn: a.deleteOn
    })),
    employments: record.employments.map((e) => ({ start: e.start, end: e.end, kind: e.kind, client: client(e.clientId) })),
    recruitment: record.recruitment.map((r) => ({ client: client(r.clientId, r.clientName) ?? r.clientName, start: r.start, end: r.end })),
    purposes: record.purposes.map((p) => {
      // Reduced to the legal hold: only the legal duty remains (the stored ground, reduceToLegalHold.ts).
      if (person.state === 'legal-hold') return { purpose: p.purpose, legalBasis: p.legalBasis }
      const ground = purposeGround(p.purpose, groundFacts)
      const note = purposeNote(ground.condition, person.sourceKind, offersConsent)
      return { purpose: p.purpose, legalBasis: ground.bases, ...(note ? { note } : {}) }
    }),
    source: { kind: person.sourceKind, detail: person.sourceDetail },
    statement: person.statementVersion !== null ? { version: person.statementVersion, shownOn: person.statementShownOn ?? person.registeredOn } : null,
    consents: record.consents.map((c) => ({
      category: c.category,
      purpose: c.purpose,
      basis: c.basis,
      legalBasis: c.legalBasisKey !== null ? (record.legalBasisLabels.get(c.legalBasisKey) ?? c.legalBasisKey) : null,
      givenOn: c.givenOn,
      how: c.how !== null ? labelOr(valueLabels(lang).consentHow, c.how) : null,
      endsOn: c.endsOn,
      withdrawnOn: c.withdrawnOn,
      state: consentStateOn(c, today)
    })),
    processingConsents: record.processingConsents.map((c) => ({
      subject: c.subject,
      field: c.field,
      disclosurePurpose: c.disclosurePurpose,
      givenOn: c.givenOn,
      how: c.how,
      withdrawnOn: c.withdrawnOn
    })),
    // the values themselves, only here and only while their ground holds.
    specialData: shownSpecialData(record, today),
    disclosures: disclosuresOf(record),
    retention,
    retentionTerms: termsOf(opts.policy),
    requests: record.requests.map((r) => ({ kind: requestKindOf(r.kind), receivedOn: r.receivedOn, status: requestStatusOf(r) })),
    // R-18a: wage tax, social insurance and pension go with an employment.
    statutoryRecipients: employed,
    retentionPlan: retentionPlan(
      {
        person,
        facts,
        hasRecruitment: record.recruitment.length > 0,
        hasSpecial: record.consents.length > 0 || record.absence.length > 0,
        hasIdCopies: record.attachments.some((a) => a.kind === 'id-copy'),
        deletionDate: retention.deletionDate
      },
      opts.policy
    ),
    offersBasis: holdsOffers ? purposeGround('offers', groundFacts).bases[0] === 'consent' ? 'consent' : 'legitimate-interest' : null
  }
}

/** Data the person did not give us themselves (GDPR art. 14): a public website, a third party. */
const OWN_SOURCES: ReadonlySet<string> = new Set<SourceKind>(['walk-in', 'website', 'mailing', 'phone'])

function purposeNote(
  condition: ReturnType<typeof purposeGround>['condition'],
  source: string,
  offersConsent: { givenOn: CalendarDate; how: 'signed-form' | 'in-person' | 'email' } | null
): PurposeNote | null {
  if (condition === 'art14-notice') return OWN_SOURCES.has(source) ? null : { kind: 'art14-notice' }
  if (condition === 'opt-out') return { kind: 'opt-out' }
  if (condition === 'recorded-consent') return offersConsent ? { kind: 'consent-given', givenOn: offersConsent.givenOn, how: offersConsent.how } : { kind: 'consent-missing' }
  return null
}

/** Every field held, formatted for reading; "last changed" from the newest change naming it. */
function fieldsOf(record: PersonRecord, lang: Lang): AccessReportField[] {
  const { person } = record
  const lastChange = lastChangePerField(record)
  const keys: ReportedField[] = [...heldFields(person), ...(person.unsubscribedOn !== null ? (['unsubscribedOn'] as const) : [])]
  return keys.map((key) => {
    const change = lastChange.get(key)
    return {
      key,
      value: displayValue(person, key, lang),
      lastChangedOn: change ? calendarDayOf(change.changedAt) : null,
      lastChangedBy: change?.actorId ? (record.staffNames.get(change.actorId) ?? null) : null
    }
  })
}

/** Absence (verzuim) entries hold only dates, expected duration and availability (UAVG art. 30). */
function absenceFieldsOf(record: PersonRecord, lang: Lang): AccessReportField[] {
  const label = valueLabels(lang).absence
  return record.absence.map((a) => ({
    key: label,
    value: [`${formatPrintedDate(a.startOn, lang)} – ${a.endOn ? formatPrintedDate(a.endOn, lang) : '…'}`, a.expectedDuration, a.availability].filter(Boolean).join('; '),
    lastChangedOn: calendarDayOf(a.createdAt),
    lastChangedBy: null
  }))
}

/** A rectification may name a group (`address`, `idDocument`) instead of its columns. */
const FIELD_GROUPS: Record<string, PersonDataField[]> = {
  address: ['street', 'houseNumber', 'postcode', 'city'],
  idDocument: ['idDocumentType', 'idDocumentNumber', 'idDocumentExpiry'],
  workPermit: ['workPermitNumber', 'workPermitExpiry']
}

function lastChangePerField(record: PersonRecord): Map<string, { changedAt: string; actorId: string | null }> {
  const out = new Map<string, { changedAt: string; actorId: string | null }>()
  // Rows are in changedAt order, so a later row overwrites an earlier one.
  for (const change of record.fieldChanges) {
    for (const name of change.fields) {
      for (const field of FIELD_GROUPS[name] ?? [name]) out.set(field, { changedAt: change.changedAt, actorId: change.actorId })
    }
  }
  return out
}

type ReportedField = PersonDataField | 'unsubscribedOn'

function displayValue(person: Person, key: ReportedField, lang: Lang): string {
  const raw = person[key]
  if (raw === null) return ''
  const labels = valueLabels(lang)
  if (key === 'bsn') return maskBsn(raw) // never more than the last three digits
  if (key === 'gender') return labelOr(labels.gender, raw)
  if (key === 'maritalStatus') return labelOr(labels.maritalStatus, raw)
  if (key === 'idDocumentType') return labelOr(labels.idDocumentType, raw)
  if (DATE_FIELDS.has(key)) return formatPrintedDate(raw, lang)
  return raw
}

/**
 * The report's HTML straight from the vault, with no reference counter, audit or role check: for
 * the benchmark (`bench/`, target under 1 s for 50 disclosures and 20 attachments) and tests.
 */
export async function buildAccessReportHtml(manager: EntityManager, personId: string, opts: AccessReportOptions): Promise<string> {
  return renderAccessReportHtml(await buildAccessReportModel(manager, personId, opts))
}
