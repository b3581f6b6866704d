import type { VocabularyLabels } from './labels'

/** GDPR art. 15-21 requests the register keeps (the `subject_request.kind` column). */
export const REQUEST_KINDS = ['access', 'rectification', 'erasure', 'restriction', 'objection', 'portability'] as const
export type RequestKind = (typeof REQUEST_KINDS)[number]

/** One wording on screens and in documents. */
export const REQUEST_KIND_LABELS = {
  nl: { access: 'Inzage', rectification: 'Rectificatie', erasure: 'Verwijdering', restriction: 'Beperking', objection: 'Bezwaar', portability: 'Overdraagbaarheid' },
  en: { access: 'Access', rectification: 'Rectification', erasure: 'Erasure', restriction: 'Restriction', objection: 'Objection', portability: 'Portability' }
} as const satisfies VocabularyLabels<RequestKind>

/** A request's status in the register. */
export const REQUEST_STATUSES = ['open', 'done', 'rejected'] as const
export type RequestStatus = (typeof REQUEST_STATUSES)[number]

export const REQUEST_STATUS_SCREEN_LABELS = {
  nl: { open: 'Open', done: 'Afgehandeld', rejected: 'Afgewezen' },
  en: { open: 'Open', done: 'Done', rejected: 'Rejected' }
} as const satisfies VocabularyLabels<RequestStatus>

/**
 * How the access report tells the person where their request stands (GDPR art. 12(3)): an open
 * request is `received`, or `extended` once its term was extended; see `reportedRequestStatus`.
 */
export const REPORTED_REQUEST_STATUSES = ['received', 'extended', 'completed', 'refused'] as const
export type ReportedRequestStatus = (typeof REPORTED_REQUEST_STATUSES)[number]

export const REPORTED_REQUEST_STATUS_LABELS = {
  nl: { received: 'Ontvangen', extended: 'Termijn verlengd', completed: 'Afgehandeld', refused: 'Afgewezen' },
  en: { received: 'Received', extended: 'Term extended', completed: 'Completed', refused: 'Refused' }
} as const satisfies VocabularyLabels<ReportedRequestStatus>

/** The register's status in the report's words. */
export function reportedRequestStatus(status: string, extendedTo: string | null): ReportedRequestStatus {
  if (status === 'done') return 'completed'
  if (status === 'rejected') return 'refused'
  return extendedTo !== null ? 'extended' : 'received'
}
