/**
 * The audit trail in words (issue 16: no internal codes on screen or paper). An entry's `fields`
 * name what it touched (a person's field, a list's column) and its `reason` holds, for automatic
 * entries, parameters written as `key=value; key=value` (`asOf=2026-12-05; items=40`). This file
 * names those keys and fields, and turns a parameter line into a sentence in the reader's language,
 * with vocabulary values (a retention rule, an action, a re-confirmation outcome) as their labels,
 * and the app's own fixed reasons in words. Free text a person typed (a reason to open a shielded
 * record) passes unchanged.
 */
import { type Lang, type VocabularyLabels, labelOr } from './labels'
import { GROUND_MISFIT_REASON_LABELS } from './grounds'
import { PERSON_FIELD_LABELS } from './personFields'
import { RECONFIRMATION_METHOD_LABELS, RECONFIRMATION_OUTCOME_LABELS, RETENTION_ACTION_SCREEN_LABELS, RETENTION_RULE_LABELS } from './retention'

/** The parameter keys automatic entries write (retention runs and previews, lists, re-confirmations). */
export const AUDIT_DETAIL_KEYS = ['trigger', 'asOf', 'policy', 'persons', 'items', 'records', 'outcome', 'how', 'doNotContact', 'clients', 'demoSeed'] as const
export type AuditDetailKey = (typeof AUDIT_DETAIL_KEYS)[number]

export const AUDIT_DETAIL_KEY_LABELS = {
  nl: { trigger: 'Aanleiding', asOf: 'Peildatum', policy: 'Beleidsversie', persons: 'Personen', items: 'Regels', records: 'Dossiers', outcome: 'Uitkomst', how: 'Hoe', doNotContact: 'Niet-benaderen', clients: 'Opdrachtgevers', demoSeed: 'Demogegevens, reeks' },
  en: { trigger: 'Started by', asOf: 'As of', policy: 'Policy version', persons: 'Persons', items: 'Lines', records: 'Records', outcome: 'Outcome', how: 'How', doNotContact: 'Do-not-contact', clients: 'Clients', demoSeed: 'Demo data, seed' }
} as const satisfies VocabularyLabels<AuditDetailKey>

/** What started a retention run: the contract's RETENTION_TRIGGERS (kept equal by test/shared/vocabulary.test.ts). */
export const AUDIT_TRIGGERS = ['unlock', 'scheduler', 'manual'] as const
export type AuditTrigger = (typeof AUDIT_TRIGGERS)[number]

export const AUDIT_TRIGGER_LABELS = {
  nl: { unlock: 'bij het aanmelden', scheduler: 'automatisch (dagelijks)', manual: 'handmatig' },
  en: { unlock: 'at sign-in', scheduler: 'automatically (daily)', manual: 'by hand' }
} as const satisfies VocabularyLabels<AuditTrigger>

/** Columns of lists, sections of a record and settings that audit entries name, beyond a person's own fields. */
export const AUDIT_FIELD_NAMES = [
  'id',
  'ref',
  'state',
  'rule',
  'action',
  'dueDate',
  'shieldedOn',
  'deletionDate',
  'lastActivityOn',
  'retentionRule',
  'purposes',
  'roles',
  'source',
  'sourceKind',
  'statementVersion',
  'statementShownOn',
  'attachment.cv',
  'attachment.id-copy',
  'attachment.other',
  'absence',
  'absence.endOn',
  'assignments',
  'attachments',
  'consent',
  'consent.expiredPurgedOn',
  'consent.withdrawnBy',
  'consent.withdrawnOn',
  'consent.wording',
  'contacts',
  'disclosures',
  'employments',
  'history',
  'recruitment',
  'retention',
  'idRecordPurgedOn',
  'active',
  'closedOn',
  'deadline',
  'description',
  'disabled',
  'displayName',
  'extendedTo',
  'extensionReason',
  'identityCheck',
  'kind',
  'label',
  'name',
  'passphrase',
  'personName',
  'receivedOn',
  'status',
  'text',
  'username',
  'validFrom',
  'version'
] as const
export type AuditFieldName = (typeof AUDIT_FIELD_NAMES)[number]

export const AUDIT_FIELD_LABELS = {
  nl: {
    id: 'Registratie',
    ref: 'Kenmerk',
    state: 'Status',
    rule: 'Bewaarregel',
    action: 'Handeling',
    dueDate: 'Datum van de handeling',
    shieldedOn: 'Afgeschermd op',
    deletionDate: 'Verwijderdatum',
    lastActivityOn: 'Laatste activiteit',
    retentionRule: 'Bewaarregel',
    purposes: 'Doelen',
    roles: 'Rollen',
    source: 'Herkomst',
    sourceKind: 'Herkomst',
    statementVersion: 'Versie privacyverklaring',
    statementShownOn: 'Privacyverklaring getoond op',
    'attachment.cv': 'Cv',
    'attachment.id-copy': 'Kopie identiteitsbewijs',
    'attachment.other': 'Bijlage',
    absence: 'Verzuim',
    'absence.endOn': 'Einde verzuim',
    assignments: 'Plaatsingen',
    attachments: 'Bijlagen',
    consent: 'Toestemmingen',
    'consent.expiredPurgedOn': 'Verlopen toestemming opgeschoond op',
    'consent.withdrawnBy': 'Ingetrokken door',
    'consent.withdrawnOn': 'Ingetrokken op',
    'consent.wording': 'Tekst van de toestemming',
    contacts: 'Contactpersonen',
    disclosures: 'Verstrekkingen',
    employments: 'Dienstverbanden',
    history: 'Geschiedenis',
    recruitment: 'Wervingsprocedures',
    retention: 'Bewaartermijn',
    idRecordPurgedOn: 'Identiteitsgegevens verwijderd op',
    active: 'Actief',
    closedOn: 'Afgesloten op',
    deadline: 'Uiterste datum',
    description: 'Omschrijving',
    disabled: 'Uitgeschakeld',
    displayName: 'Weergavenaam',
    extendedTo: 'Verlengd tot',
    extensionReason: 'Reden van verlenging',
    identityCheck: 'Identiteitscontrole',
    kind: 'Soort',
    label: 'Naam',
    name: 'Naam',
    passphrase: 'Wachtwoordzin',
    personName: 'Naam van de persoon',
    receivedOn: 'Ontvangen op',
    status: 'Status',
    text: 'Tekst',
    username: 'Accountnaam',
    validFrom: 'Geldig vanaf',
    version: 'Versie'
  },
  en: {
    id: 'Record',
    ref: 'Reference',
    state: 'Status',
    rule: 'Retention rule',
    action: 'Action',
    dueDate: 'Date of the action',
    shieldedOn: 'Shielded on',
    deletionDate: 'Deletion date',
    lastActivityOn: 'Last activity',
    retentionRule: 'Retention rule',
    purposes: 'Purposes',
    roles: 'Roles',
    source: 'Source',
    sourceKind: 'Source',
    statementVersion: 'Privacy statement version',
    statementShownOn: 'Privacy statement shown on',
    'attachment.cv': 'CV',
    'attachment.id-copy': 'Copy of identity document',
    'attachment.other': 'Attachment',
    absence: 'Absence',
    'absence.endOn': 'End of absence',
    assignments: 'Assignments',
    attachments: 'Attachments',
    consent: 'Consents',
    'consent.expiredPurgedOn': 'Expired consent cleaned up on',
    'consent.withdrawnBy': 'Withdrawn by',
    'consent.withdrawnOn': 'Withdrawn on',
    'consent.wording': 'Wording of the consent',
    contacts: 'Contact persons',
    disclosures: 'Disclosures',
    employments: 'Employments',
    history: 'History',
    recruitment: 'Recruitment procedures',
    retention: 'Retention',
    idRecordPurgedOn: 'Identity data deleted on',
    active: 'Active',
    closedOn: 'Closed on',
    deadline: 'Deadline',
    description: 'Description',
    disabled: 'Disabled',
    displayName: 'Display name',
    extendedTo: 'Extended to',
    extensionReason: 'Reason for the extension',
    identityCheck: 'Identity check',
    kind: 'Kind',
    label: 'Name',
    name: 'Name',
    passphrase: 'Passphrase',
    personName: "Person's name",
    receivedOn: 'Received on',
    status: 'Status',
    text: 'Text',
    username: 'Account name',
    validFrom: 'Valid from',
    version: 'Version'
  }
} as const satisfies VocabularyLabels<AuditFieldName>

/** Fixed reasons the app writes itself (a lock's cause, why a record was opened…). */
export const AUDIT_REASONS = ['idle', 'manual', 'suspend', 'screen-lock', 'export', 'import', 'extend', 'privacy-officer review', 'contact removed'] as const
export type AuditReason = (typeof AUDIT_REASONS)[number]

export const AUDIT_REASON_LABELS = {
  nl: {
    idle: 'niet gebruikt',
    manual: 'door de gebruiker',
    suspend: 'computer in slaapstand',
    'screen-lock': 'scherm vergrendeld',
    export: 'export van de gegevens',
    import: 'import',
    extend: 'termijn verlengd',
    'privacy-officer review': 'controle door de privacy officer',
    'contact removed': 'contactpersoon verwijderd'
  },
  en: {
    idle: 'not in use',
    manual: 'by the user',
    suspend: 'computer went to sleep',
    'screen-lock': 'screen locked',
    export: 'data export',
    import: 'import',
    extend: 'deadline extended',
    'privacy-officer review': 'review by the privacy officer',
    'contact removed': 'contact person removed'
  }
} as const satisfies VocabularyLabels<AuditReason>

/** `lastActivityOn` → "Last activity on": a name no table knows still reads as words. */
function camelToWords(name: string): string {
  const words = name
    .replace(/[._-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** A field an audit entry names, as the reader calls it. */
export function auditFieldLabel(field: string, lang: Lang): string {
  const person: Readonly<Record<string, string>> = PERSON_FIELD_LABELS[lang]
  const audit: Readonly<Record<string, string>> = AUDIT_FIELD_LABELS[lang]
  if (Object.hasOwn(person, field)) return person[field]!
  if (Object.hasOwn(audit, field)) return audit[field]!
  return camelToWords(field)
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** One value in words: a date in the language's format, a vocabulary member as its label. */
function valueInWords(key: string, value: string, lang: Lang): string {
  const date = ISO_DATE.exec(value)
  if (date) return lang === 'en' ? `${date[3]}/${date[2]}/${date[1]}` : `${date[3]}-${date[2]}-${date[1]}`
  if (key === 'trigger') return labelOr(AUDIT_TRIGGER_LABELS[lang], value)
  if (key === 'outcome') return labelOr(RECONFIRMATION_OUTCOME_LABELS[lang], value)
  if (key === 'how') return labelOr(RECONFIRMATION_METHOD_LABELS[lang], value)
  return labelOr(RETENTION_RULE_LABELS[lang], value)
}

/** A parameter key in words: a known key, a retention action or rule (a run's counts), or the key spelled out. */
function keyInWords(key: string, lang: Lang): string {
  const keys: Readonly<Record<string, string>> = AUDIT_DETAIL_KEY_LABELS[lang]
  const actions: Readonly<Record<string, string>> = RETENTION_ACTION_SCREEN_LABELS[lang]
  const rules: Readonly<Record<string, string>> = RETENTION_RULE_LABELS[lang]
  if (Object.hasOwn(keys, key)) return keys[key]!
  if (Object.hasOwn(actions, key)) return actions[key]!
  if (Object.hasOwn(rules, key)) return rules[key]!
  // A run's count per action and rule: `delete:unsubscribed-never-worked`.
  const [action, rule] = key.split(':')
  if (rule !== undefined && Object.hasOwn(actions, action!) && Object.hasOwn(rules, rule)) return `${actions[action!]} (${rules[rule]})`
  return camelToWords(key)
}

/**
 * An entry's reason as the reader reads it: `asOf=2026-12-05; items=40` → "Peildatum: 05-12-2026;
 * Regels: 40"; a bare retention rule id → its name; anything else (typed by a person) unchanged.
 */
export function describeAuditReason(reason: string | null, lang: Lang): string {
  if (!reason) return ''
  const parts = reason.split(/;\s*/)
  if (parts.every((p) => /^[A-Za-z][\w.:-]*=\S*$/.test(p))) {
    return parts
      .map((p) => {
        const [key, value] = [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]
        return `${keyInWords(key, lang)}: ${valueInWords(key, value, lang)}`
      })
      .join('; ')
  }
  const text = reason.trim()
  const fixed: Readonly<Record<string, string>> = AUDIT_REASON_LABELS[lang]
  const misfits: Readonly<Record<string, string>> = GROUND_MISFIT_REASON_LABELS[lang]
  if (Object.hasOwn(fixed, text)) return fixed[text]!
  if (Object.hasOwn(misfits, text)) return misfits[text]!
  return labelOr(RETENTION_RULE_LABELS[lang], text)
}
