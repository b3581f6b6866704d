/**
 * the data of an access report (inzageverslag), as plain values. Whoever builds it (the
 * rights service) decides what goes in — every field held, already formatted, BSN masked; the
 * renderer only prints it. Special-category values belong only in the person's own report.
 */
import type {
  AttachmentKind,
  CalendarDate,
  EmploymentKind,
  PersonRole,
  Purpose,
  RetentionState,
  SourceKind,
  SpecialCategory
} from '../../shared/domain'
import type { ConsentMethod, RetentionRuleId, TermValue } from '../../shared/vocabulary'
import type { AgencyContact } from './htmlDocument'
import type { AccessReportProcessingLimit } from './processingLimitsSection'
import type { ConsentBasis, ConsentState, Lang, RequestKind, RequestStatus } from './labels'

export type { AgencyContact } from './htmlDocument'

export interface AccessReportModel {
  /** The report's own reference, e.g. `INZ-2026-000123`; printed in the header and every footer. */
  reference: string
  issuedOn: CalendarDate
  lang: Lang
  agency: AgencyContact
  person: AccessReportPerson
  fields: AccessReportField[]
  attachments: AccessReportAttachment[]
  employments: AccessReportEmployment[]
  recruitment: AccessReportRecruitment[]
  purposes: AccessReportPurpose[]
  source: AccessReportSource
  /** the privacy-statement version shown to the person, or null when none was recorded. */
  statement: { version: string; shownOn: CalendarDate } | null
  consents: AccessReportConsent[]
  /** R-9a, issue 14 point 4: consents to offers or to one field going to clients, given and withdrawn. */
  processingConsents?: AccessReportProcessingConsent[]
  specialData: AccessReportSpecialData[]
  disclosures: AccessReportDisclosure[]
  retention: AccessReportRetention
  /** The term of every rule in the policy in force: the rule explanations print these, never a fixed text. */
  retentionTerms: Readonly<Record<RetentionRuleId, TermValue>>
  /** restrictions and objections in force; the section is left out when there are none. */
  processingLimits?: AccessReportProcessingLimit[]
  /** Data-subject requests of this person; the section is left out when undefined. */
  requests?: AccessReportRequest[]
  /**
   * R-18a: the statutory recipients (Belastingdienst, UWV, pension fund) apply: the person has an
   * employment with the agency. The clients actually disclosed to come from `disclosures`.
   */
  statutoryRecipients?: boolean
  /** R-18a: how long each category is kept, or the criteria that set it (rights/retentionPlan.ts). */
  retentionPlan?: RetentionPlanItem[]
  /** Issue 14 point 4: the ground of offers for this person, for the right to object or withdraw. */
  offersBasis?: 'consent' | 'legitimate-interest' | null
  /** GDPR art. 34: breaches the person must be told about; the section is left out when there are none. */
  breaches?: AccessReportBreach[]
}

export interface AccessReportBreach {
  discoveredOn: CalendarDate
  description: string
  measures: string | null
  toldOn: CalendarDate | null
}

/** R-18a: the categories the report gives a retention period or criterion for. */
export type RetentionCategory = 'personal' | 'recruitment' | 'id-record' | 'payroll' | 'id-copy' | 'special' | 'history'

/** R-18a: the criterion (or the dates) that decides how long a category is kept; words in labels.ts. */
export type RetentionCriterion =
  | 'registered-never-worked'
  | 'registered-worked'
  | 'unsubscribed-worked'
  | 'shielded-until-deletion'
  | 'cleared-at-reduction'
  | 'recruitment'
  | 'id-record-while-employed'
  | 'id-record-until'
  | 'purged'
  | 'payroll-while-employed'
  | 'payroll-until'
  | 'id-copy-registration'
  | 'while-ground-holds'
  | 'with-the-data'

export interface RetentionPlanItem {
  category: RetentionCategory
  criterion: RetentionCriterion
  /** the policy's term the criterion counts with */
  term?: TermValue
  /** the day it happens (deletion, reduction, purge) */
  date?: CalendarDate | null
  /** the last day it is kept */
  until?: CalendarDate
}

export interface AccessReportPerson {
  id: string
  ref: string | null
  roles: PersonRole[]
  registeredOn: CalendarDate
  state: RetentionState
}

export interface AccessReportField {
  /** Stable field key (`givenName`, `postcode`, `bsn`…); labelled from `labels.ts`, unknown keys shown as is. */
  key: string
  /** Already formatted for display; the BSN masked. */
  value: string
  lastChangedOn: CalendarDate | null
  /** Display name of the staff member who last changed it. */
  lastChangedBy: string | null
}

/** Attachments are listed, never included. */
export interface AccessReportAttachment {
  fileName: string
  kind: AttachmentKind
  mimeType: string
  sizeBytes: number
  addedOn: CalendarDate
  deleteOn: CalendarDate | null
}

export interface AccessReportEmployment {
  start: CalendarDate
  end: CalendarDate | null
  kind: EmploymentKind
  client: string | null
}

/** A recruitment & selection (W&S) procedure for a client. */
export interface AccessReportRecruitment {
  client: string
  start: CalendarDate
  end: CalendarDate | null
}

export interface AccessReportPurpose {
  purpose: Purpose
  /** `LegalBasis` ids (`contract`, `legal-obligation`, `consent`, `legitimate-interest`…) or free text; the main one first. */
  legalBasis: string | readonly string[]
  /** What the ground needs besides itself, explained to the person (people/purposeLegalBasis.ts). */
  note?: PurposeNote
}

/** Issue 14 point 4: the condition of a purpose's ground, in the person's own terms. */
export type PurposeNote =
  | { kind: 'art14-notice' }
  | { kind: 'opt-out' }
  | { kind: 'consent-given'; givenOn: CalendarDate; how: ConsentMethod }
  | { kind: 'consent-missing' }

export interface AccessReportSource {
  kind: SourceKind
  /** E.g. which public website. */
  detail: string | null
}

export interface AccessReportConsent {
  category: SpecialCategory
  purpose: Purpose
  basis: ConsentBasis
  /** With `basis: 'legal-basis'`: the law relied on (e.g. `UAVG art. 30`). */
  legalBasis: string | null
  givenOn: CalendarDate | null
  /** How consent was given (e.g. "signed form"). */
  how: string | null
  endsOn: CalendarDate | null
  withdrawnOn: CalendarDate | null
  state: ConsentState
}

export interface AccessReportProcessingConsent {
  subject: 'offers' | 'disclosure'
  /** with `disclosure`: the field and the disclosure purpose it may be shared for */
  field: string | null
  disclosurePurpose: string | null
  givenOn: CalendarDate
  how: ConsentMethod
  withdrawnOn: CalendarDate | null
}

export interface AccessReportSpecialData {
  category: SpecialCategory
  purpose: Purpose
  value: string
}

/** one logged disclosure. */
export interface AccessReportDisclosure {
  recipient: string
  disclosedOn: CalendarDate
  /** Field keys, labelled like `fields`. */
  fields: string[]
  /** A `Purpose` id or free text. */
  purpose: string
  /** R-9a: the recorded reason for sharing outside the allowed list. */
  reason: string | null
}

export interface AccessReportRetention {
  state: RetentionState
  /** A `RetentionRuleId`, explained in plain words; unknown ids shown as is. */
  rule: string | null
  /** A `RetentionActionKind`; unknown kinds shown as is. */
  nextAction: string | null
  /** The rule the next step comes from (a `RetentionRuleId`); explained when it is not `rule`. */
  nextRule: string | null
  dueDate: CalendarDate | null
  deletionDate: CalendarDate | null
}

export interface AccessReportRequest {
  kind: RequestKind
  receivedOn: CalendarDate
  status: RequestStatus
}
