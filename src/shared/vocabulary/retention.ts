import type { VocabularyLabels } from './labels'

/** Retention state of a person record (R-11..R-16). */
export const RETENTION_STATES = ['active', 'shielded', 'legal-hold', 'due-for-deletion'] as const
export type RetentionState = (typeof RETENTION_STATES)[number]

export const RETENTION_STATE_LABELS = {
  nl: {
    active: 'Actief',
    shielded: 'Afgeschermd (alleen onder strikte voorwaarden in te zien)',
    'legal-hold': 'Beperkt tot de wettelijk verplichte gegevens (wettelijke bewaarplicht)',
    'due-for-deletion': 'Wordt verwijderd'
  },
  en: {
    active: 'Active',
    shielded: 'Shielded (accessible only under strict conditions)',
    'legal-hold': 'Reduced to the legally required data (statutory retention)',
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
  'consent-expired',
  'inactivity-reconfirm', // R-11a: no activity for 12 months → asked to re-confirm
  'reconfirm-no-reply' // R-11a: no reply by the deadline → treated as unsubscribed
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
    'consent-expired': 'Toestemming verlopen',
    'inactivity-reconfirm': 'Geen activiteit: opnieuw bevestigen',
    'reconfirm-no-reply': 'Geen antwoord op de herbevestiging'
  },
  en: {
    'unsubscribed-never-worked': 'Registered, never worked, unsubscribed',
    'ws-procedure-ended': 'Recruitment & selection ended',
    'worked-stopped': 'Worked, mediation stopped',
    'legal-hold-id-bsn': 'Legal hold: BSN and identity document',
    'legal-hold-payroll': 'Legal hold: payroll records',
    'id-copy-registration': 'ID copy taken at registration',
    'consent-expired': 'Consent expired',
    'inactivity-reconfirm': 'No activity: re-confirm',
    'reconfirm-no-reply': 'No reply to the re-confirmation'
  }
} as const satisfies VocabularyLabels<RetentionRuleId>

/** Retention actions the sweep can take. */
export const RETENTION_ACTION_KINDS = [
  'shield', // move to the shielded environment
  'delete', // definitive deletion, tombstone
  'reduce-to-legal-hold', // keep only the legal-hold subset, restricted
  'purge-id-record', // delete BSN + identity-document record + ID copies (Wet LB art. 28)
  'purge-attachment', // delete one ID copy taken at registration (R-3a, Waadi art. 7c)
  'purge-consent-data', // delete the special data of an expired consent
  'reconfirm', // ask the person to re-confirm (R-11a): a task for staff, the sweep changes nothing
  'deem-unsubscribed' // no reply by the deadline: treated as unsubscribed on that date (R-11a), computed, not written
] as const
export type RetentionActionKind = (typeof RETENTION_ACTION_KINDS)[number]

export const RETENTION_ACTION_LABELS = {
  nl: {
    shield: 'Afschermen',
    delete: 'Definitief verwijderen',
    'reduce-to-legal-hold': 'Beperken tot de wettelijk verplichte gegevens',
    'purge-id-record': 'Gegevens van het identiteitsbewijs verwijderen',
    'purge-attachment': 'Bijlage verwijderen',
    'purge-consent-data': 'Gegevens met verlopen of ingetrokken toestemming verwijderen',
    reconfirm: 'Vragen of de persoon ingeschreven wil blijven',
    'deem-unsubscribed': 'Als uitgeschreven behandelen'
  },
  en: {
    shield: 'Shield',
    delete: 'Delete for good',
    'reduce-to-legal-hold': 'Reduce to the data the law requires us to keep',
    'purge-id-record': 'Delete the identity-document record',
    'purge-attachment': 'Delete the attachment',
    'purge-consent-data': 'Delete data whose consent expired or was withdrawn',
    reconfirm: 'Ask whether the person wants to stay registered',
    'deem-unsubscribed': 'Treat as unsubscribed'
  }
} as const satisfies VocabularyLabels<RetentionActionKind>

export const RETENTION_ACTION_SCREEN_LABELS = {
  nl: {
    shield: 'Afschermen',
    delete: 'Verwijderen',
    'reduce-to-legal-hold': 'Beperken tot wettelijke gegevens',
    'purge-id-record': 'BSN en identiteitsgegevens verwijderen',
    'purge-attachment': 'Bijlage verwijderen',
    'purge-consent-data': 'Bijzondere gegevens verwijderen',
    reconfirm: 'Herbevestigen',
    'deem-unsubscribed': 'Als uitgeschreven behandelen'
  },
  en: {
    shield: 'Shield',
    delete: 'Delete',
    'reduce-to-legal-hold': 'Reduce to legally required data',
    'purge-id-record': 'Delete BSN and identity data',
    'purge-attachment': 'Delete attachment',
    'purge-consent-data': 'Delete special-category data',
    reconfirm: 'Re-confirm',
    'deem-unsubscribed': 'Treat as unsubscribed'
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

/** The same units after the amount 1 ("1 dag", not "1 dagen"; issue 16). */
export const RETENTION_TERM_UNIT_ONE_SCREEN_LABELS = {
  nl: { days: 'dag', months: 'maand', years: 'jaar', fullCalendarYearsAfterYearEnd: 'vol kalenderjaar na het jaar van uitdienst' },
  en: { days: 'day', months: 'month', years: 'year', fullCalendarYearsAfterYearEnd: 'full calendar year after the year employment ended' }
} as const satisfies VocabularyLabels<RetentionTermUnit>

/**
 * R-11a: what counts as activity (contact, intake, employment, procedure, consent,
 * confirmation), defined once. Each is recorded where it happens (`person.lastActivityOn`); twelve
 * months without any of them start the re-confirmation task.
 */
export const ACTIVITY_KINDS = ['intake', 'contact', 'employment', 'procedure', 'consent', 'confirmation'] as const
export type ActivityKind = (typeof ACTIVITY_KINDS)[number]

export const ACTIVITY_LABELS = {
  nl: {
    intake: 'Inschrijving of import',
    contact: 'Contact',
    employment: 'Dienstverband',
    procedure: 'Wervings- en selectieprocedure',
    consent: 'Toestemming',
    confirmation: 'Herbevestiging'
  },
  en: {
    intake: 'Intake or import',
    contact: 'Contact',
    employment: 'Employment',
    procedure: 'Recruitment procedure',
    consent: 'Consent',
    confirmation: 'Re-confirmation'
  }
} as const satisfies VocabularyLabels<ActivityKind>

/** How a re-confirmation reached us (R-11a). */
export const RECONFIRMATION_METHODS = ['phone', 'email', 'desk'] as const
export type ReconfirmationMethod = (typeof RECONFIRMATION_METHODS)[number]

export const RECONFIRMATION_METHOD_LABELS = {
  nl: { phone: 'Telefonisch', email: 'Per e-mail', desk: 'Aan de balie' },
  en: { phone: 'By phone', email: 'By e-mail', desk: 'At the desk' }
} as const satisfies VocabularyLabels<ReconfirmationMethod>

/** The person's answer to a re-confirmation (R-11a): stay, or stop mediation (unsubscribed today). */
export const RECONFIRMATION_OUTCOMES = ['confirmed', 'wants-to-leave'] as const
export type ReconfirmationOutcome = (typeof RECONFIRMATION_OUTCOMES)[number]

export const RECONFIRMATION_OUTCOME_LABELS = {
  nl: { confirmed: 'Wil ingeschreven blijven', 'wants-to-leave': 'Wil zich uitschrijven' },
  en: { confirmed: 'Wants to stay registered', 'wants-to-leave': 'Wants to unsubscribe' }
} as const satisfies VocabularyLabels<ReconfirmationOutcome>
