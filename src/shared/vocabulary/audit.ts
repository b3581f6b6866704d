/**
 * The audit trail in words (issue 16: no internal codes on screen or paper). An entry's `fields`
 * name what it touched (a person's field, a list's column) and its `reason` holds, for automatic
 * entries, parameters written as `key=value; key=value` (`asOf=2026-12-05; items=40`). This file
 * names those keys and fields, and turns a parameter line into a sentence in the reader's language,
 * with vocabulary values (a retention rule, an action, a re-confirmation outcome) as their labels.
 * Free text a person typed (a reason to open a shielded record) passes unchanged.
 */
import { type Lang, type VocabularyLabels, labelOr } from './labels'
import { PERSON_FIELD_LABELS } from './personFields'
import { RECONFIRMATION_METHOD_LABELS, RECONFIRMATION_OUTCOME_LABELS, RETENTION_ACTION_SCREEN_LABELS, RETENTION_RULE_LABELS } from './retention'

/** The parameter keys automatic entries write (retention runs and previews, lists, re-confirmations). */
export const AUDIT_DETAIL_KEYS = ['trigger', 'asOf', 'policy', 'persons', 'items', 'records', 'outcome', 'how'] as const
export type AuditDetailKey = (typeof AUDIT_DETAIL_KEYS)[number]

export const AUDIT_DETAIL_KEY_LABELS = {
  nl: { trigger: 'Aanleiding', asOf: 'Peildatum', policy: 'Beleidsversie', persons: 'Personen gewijzigd', items: 'Regels', records: 'Dossiers', outcome: 'Uitkomst', how: 'Hoe' },
  en: { trigger: 'Started by', asOf: 'As of', policy: 'Policy version', persons: 'Persons changed', items: 'Lines', records: 'Records', outcome: 'Outcome', how: 'How' }
} as const satisfies VocabularyLabels<AuditDetailKey>

/** What started a retention run (the contract's RETENTION_TRIGGERS). */
export const AUDIT_TRIGGER_LABELS = {
  nl: { unlock: 'bij het aanmelden', scheduler: 'automatisch (dagelijks)', manual: 'handmatig' },
  en: { unlock: 'at sign-in', scheduler: 'automatically (daily)', manual: 'by hand' }
} as const satisfies VocabularyLabels<'unlock' | 'scheduler' | 'manual'>

/** Columns of lists and records that audit entries name, beyond a person's own fields. */
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
  'statementVersion',
  'statementShownOn',
  'attachment.cv',
  'attachment.id-copy',
  'attachment.other'
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
    statementVersion: 'Versie privacyverklaring',
    statementShownOn: 'Privacyverklaring getoond op',
    'attachment.cv': 'Cv',
    'attachment.id-copy': 'Kopie identiteitsbewijs',
    'attachment.other': 'Bijlage'
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
    statementVersion: 'Privacy statement version',
    statementShownOn: 'Privacy statement shown on',
    'attachment.cv': 'CV',
    'attachment.id-copy': 'Copy of identity document',
    'attachment.other': 'Attachment'
  }
} as const satisfies VocabularyLabels<AuditFieldName>

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
  return camelToWords(key)
}

/**
 * An entry's reason as the reader reads it: `asOf=2026-12-05; items=40` → "Peildatum: 05-12-2026;
 * Regels: 40"; a bare retention rule id → its name; anything else (typed by a person) unchanged.
 */
export function describeAuditReason(reason: string | null, lang: Lang): string {
  if (!reason) return ''
  const parts = reason.split(/;\s*/)
  if (parts.every((p) => /^[A-Za-z][\w.-]*=\S*$/.test(p))) {
    return parts
      .map((p) => {
        const [key, value] = [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]
        return `${keyInWords(key, lang)}: ${valueInWords(key, value, lang)}`
      })
      .join('; ')
  }
  return labelOr(RETENTION_RULE_LABELS[lang], reason.trim())
}
