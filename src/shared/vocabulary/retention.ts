import type { VocabularyLabels } from './labels'

/** Retention state of a person record (R-11..R-16). */
export const RETENTION_STATES = ['active', 'shielded', 'legal-hold', 'due-for-deletion'] as const
export type RetentionState = (typeof RETENTION_STATES)[number]

export const RETENTION_STATE_LABELS = {
  nl: {
    active: 'Actief',
    shielded: 'Afgeschermd (alleen onder strikte voorwaarden in te zien)',
    'legal-hold': 'Wettelijke bewaarplicht (alleen voor dat doel bewaard)',
    'due-for-deletion': 'Wordt verwijderd'
  },
  en: {
    active: 'Active',
    shielded: 'Shielded (accessible only under strict conditions)',
    'legal-hold': 'Statutory retention (kept only for that purpose)',
    'due-for-deletion': 'Due for deletion'
  }
} as const satisfies VocabularyLabels<RetentionState>

export const RETENTION_STATE_SCREEN_LABELS = {
  nl: { active: 'Actief', shielded: 'Afgeschermd', 'legal-hold': 'Wettelijke bewaarplicht', 'due-for-deletion': 'Wordt verwijderd' },
  en: { active: 'Active', shielded: 'Shielded', 'legal-hold': 'Legal hold', 'due-for-deletion': 'Due for deletion' }
} as const satisfies VocabularyLabels<RetentionState>

/**
 * The retention policy's rules (R-11..R-16, R-3a, R-4): the ids of resources/retention-policy.json,
 * the engine (main/retention/policy.ts gives each its action) and the wire.
 */
export const RETENTION_RULE_IDS = [
  'unsubscribed-never-worked',
  'ws-procedure-ended',
  'worked-stopped',
  'legal-hold-id-bsn', // R-16, Wet LB art. 28
  'legal-hold-payroll', // R-16, AWR art. 52
  'id-copy-registration', // R-3a, Waadi art. 7c
  'consent-expired'
] as const
export type RetentionRuleId = (typeof RETENTION_RULE_IDS)[number]

/**
 * A rule's name. (What the rule means for the person, in plain words, is the access report's own
 * text: documents/labels.ts `retentionRule`; when it starts, the processing register's
 * governance/governanceLabels.ts `ruleTrigger`.)
 */
export const RETENTION_RULE_LABELS = {
  nl: {
    'unsubscribed-never-worked': 'Ingeschreven, nooit gewerkt, uitgeschreven',
    'ws-procedure-ended': 'Werving & selectie afgerond',
    'worked-stopped': 'Gewerkt, bemiddeling gestopt',
    'legal-hold-id-bsn': 'Bewaarplicht BSN en identiteitsbewijs',
    'legal-hold-payroll': 'Bewaarplicht loonadministratie',
    'id-copy-registration': 'Kopie identiteitsbewijs bij inschrijving',
    'consent-expired': 'Toestemming verlopen'
  },
  en: {
    'unsubscribed-never-worked': 'Registered, never worked, unsubscribed',
    'ws-procedure-ended': 'Recruitment & selection ended',
    'worked-stopped': 'Worked, mediation stopped',
    'legal-hold-id-bsn': 'Legal hold: BSN and identity document',
    'legal-hold-payroll': 'Legal hold: payroll records',
    'id-copy-registration': 'ID copy taken at registration',
    'consent-expired': 'Consent expired'
  }
} as const satisfies VocabularyLabels<RetentionRuleId>

/** Retention actions the sweep can take. */
export const RETENTION_ACTION_KINDS = [
  'shield', // move to the shielded environment
  'delete', // definitive deletion, tombstone
  'reduce-to-legal-hold', // keep only the legal-hold subset, restricted
  'purge-id-record', // delete BSN + identity-document record + ID copies (Wet LB art. 28)
  'purge-attachment', // delete one ID copy taken at registration (R-3a, Waadi art. 7c)
  'purge-consent-data' // delete the special data of an expired consent
] as const
export type RetentionActionKind = (typeof RETENTION_ACTION_KINDS)[number]

export const RETENTION_ACTION_LABELS = {
  nl: {
    shield: 'Afschermen',
    delete: 'Definitief verwijderen',
    'reduce-to-legal-hold': 'Beperken tot de wettelijk verplichte gegevens',
    'purge-id-record': 'Gegevens van het identiteitsbewijs verwijderen',
    'purge-attachment': 'Bijlage verwijderen',
    'purge-consent-data': 'Gegevens met verlopen of ingetrokken toestemming verwijderen'
  },
  en: {
    shield: 'Shield',
    delete: 'Delete for good',
    'reduce-to-legal-hold': 'Reduce to the data the law requires us to keep',
    'purge-id-record': 'Delete the identity-document record',
    'purge-attachment': 'Delete the attachment',
    'purge-consent-data': 'Delete data whose consent expired or was withdrawn'
  }
} as const satisfies VocabularyLabels<RetentionActionKind>

export const RETENTION_ACTION_SCREEN_LABELS = {
  nl: {
    shield: 'Afschermen',
    delete: 'Verwijderen',
    'reduce-to-legal-hold': 'Beperken tot wettelijke gegevens',
    'purge-id-record': 'BSN en identiteitsgegevens verwijderen',
    'purge-attachment': 'Bijlage verwijderen',
    'purge-consent-data': 'Bijzondere gegevens verwijderen'
  },
  en: {
    shield: 'Shield',
    delete: 'Delete',
    'reduce-to-legal-hold': 'Reduce to legally required data',
    'purge-id-record': 'Delete BSN and identity data',
    'purge-attachment': 'Delete attachment',
    'purge-consent-data': 'Delete special-category data'
  }
} as const satisfies VocabularyLabels<RetentionActionKind>

/**
 * A term counted from the rule's start date. `fullCalendarYearsAfterYearEnd`: that many full
 * calendar years after 31 December of the start's year; the term ends the day after.
 */
export const RETENTION_TERM_UNITS = ['days', 'months', 'years', 'fullCalendarYearsAfterYearEnd'] as const
export type RetentionTermUnit = (typeof RETENTION_TERM_UNITS)[number]

/** The policy editor's unit after a number; the processing register words a term itself (with its number). */
export const RETENTION_TERM_UNIT_SCREEN_LABELS = {
  nl: { days: 'dagen', months: 'maanden', years: 'jaar', fullCalendarYearsAfterYearEnd: 'volle kalenderjaren na het jaar van uitdienst' },
  en: { days: 'days', months: 'months', years: 'years', fullCalendarYearsAfterYearEnd: 'full calendar years after the year employment ended' }
} as const satisfies VocabularyLabels<RetentionTermUnit>
