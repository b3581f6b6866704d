/**
 * Every react-query key of the renderer, from one place. A key starts with the name of what it
 * holds; the longer keys of a family start with the shorter one, so invalidating `clients.all`
 * refreshes every client list and `person.all(id)` every opening of that person. Screens never
 * spell a key as a literal array: a typo would silently stop a refresh.
 */
type Lang = 'nl' | 'en'

export const queryKeys = {
  /** The session and vault state: the only answer kept across a lock (resetSession.ts). */
  appState: ['appState'] as const,
  accounts: ['accounts'] as const,

  persons: {
    all: ['persons'] as const,
    search: (input: object) => ['persons', input] as const
  },
  person: {
    all: (personId: string) => ['person', personId] as const,
    /** A shielded record is opened with the privacy officer's reason: a separate answer. */
    opened: (personId: string, openReason: string | null) => ['person', personId, openReason] as const
  },
  personHistory: (personId: string) => ['personHistory', personId] as const,
  personRetention: (personId: string) => ['personRetention', personId] as const,
  /** restrictions and objections of a person */
  processingLimits: (personId: string) => ['processingLimits', personId] as const,
  /** R-11a: persons due for re-confirmation */
  reconfirmationsDue: ['reconfirmationsDue'] as const,
  /** persons still to be informed */
  informTasks: ['informTasks'] as const,
  attachmentContent: (attachmentId: string) => ['attachmentContent', attachmentId] as const,
  statementVersions: ['statementVersions'] as const,
  statementText: (version: string | null) => ['statementText', version] as const,
  statementMissing: (version: string | null) => ['statementMissing', version] as const,

  clients: {
    all: ['clients'] as const,
    list: (query: string) => ['clients', query] as const
  },
  client: (clientId: string | null) => ['client', clientId] as const,
  disclosures: {
    all: (personId: string) => ['disclosures', personId] as const,
    opened: (personId: string, openReason: string | null) => ['disclosures', personId, openReason] as const
  },
  disclosurePreview: (personId: string, clientId: string | null, purpose: string, lang: Lang) => ['disclosurePreview', personId, clientId, purpose, lang] as const,

  consents: (personId: string | undefined) => ['consents', personId] as const,
  absences: (personId: string) => ['absences', personId] as const,
  legalBases: ['legalBases'] as const,
  consentReview: ['consentReview'] as const,
  specialCategoryGrounds: ['specialCategoryGrounds'] as const,

  retentionPolicy: ['retentionPolicy'] as const,
  retentionPreview: ['retentionPreview'] as const,
  retentionRuns: ['retentionRuns'] as const,
  /** issue 16: the dry run shown before a run, and the running sweep's progress */
  retentionPlan: ['retentionPlan'] as const,
  retentionProgress: ['retentionProgress'] as const,
  /** issue 16: the intake's duplicate and do-not-contact check while typing */
  intakeMatch: (input: object) => ['intakeMatch', input] as const,
  shielded: ['shielded'] as const,

  subjectRequests: {
    all: ['subjectRequests'] as const,
    list: (includeClosed: boolean) => ['subjectRequests', includeClosed] as const
  },
  accessReport: (personId: string | undefined, lang: Lang) => ['accessReport', personId, lang] as const,
  erasurePreview: (personId: string | undefined) => ['erasurePreview', personId] as const,
  erasureApprovals: ['erasureApprovals'] as const,

  audit: {
    all: ['audit'] as const,
    list: (query: object, offset: number) => ['audit', query, offset] as const
  },
  auditFilterOptions: ['auditFilterOptions'] as const,
  auditAnchors: ['auditAnchors'] as const,
  breaches: ['breaches'] as const,
  processingRegister: (lang: Lang) => ['processingRegister', lang] as const,
  processingRegisterAll: ['processingRegister'] as const,
  processors: ['processors'] as const,
  dpias: ['dpias'] as const,
  subjectRequestsDue: ['subjectRequests', 'due'] as const,
  settings: ['settings'] as const
}
