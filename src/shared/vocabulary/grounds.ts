import type { VocabularyLabels } from './labels'

/**
 * R-4a: the grounds the special-category grounds policy (resources/special-category-grounds.json)
 * may name: explicit consent, or one of the statutory bases a Dutch staffing agency relies on for
 * special data. The privacy officer's list of legal bases (`legal_basis`) says which of these are
 * active; a key outside this list covers no category.
 */
export const SPECIAL_DATA_GROUNDS = ['consent', 'uavg-30-absence', 'wet-poortwachter', 'uavg-22-2b-employment-law'] as const
export type SpecialDataGround = (typeof SPECIAL_DATA_GROUNDS)[number]

export const SPECIAL_DATA_GROUND_LABELS = {
  nl: {
    consent: 'Uitdrukkelijke toestemming',
    'uavg-30-absence': 'UAVG art. 30 – verzuimbegeleiding en re-integratie',
    'wet-poortwachter': 'Wet verbetering poortwachter – re-integratieverplichtingen',
    'uavg-22-2b-employment-law': 'AVG art. 9 lid 2 sub b / UAVG art. 22 – arbeidsrecht'
  },
  en: {
    consent: 'Explicit consent',
    'uavg-30-absence': 'UAVG art. 30 – absence guidance and reintegration',
    'wet-poortwachter': 'Gatekeeper Improvement Act – reintegration duties',
    'uavg-22-2b-employment-law': 'GDPR art. 9(2)(b) / UAVG art. 22 – employment law'
  }
} as const satisfies VocabularyLabels<SpecialDataGround>

/**
 * R-4a: whom a ground may cover. `employee` is a person whose employment has started (on or before
 * today), whatever their other roles; everyone else counts with their person roles (a flex worker
 * whose first employment has not started yet counts as a candidate).
 */
export const GROUND_ROLES = ['employee', 'candidate', 'ws-candidate', 'prospect', 'contact'] as const
export type GroundRole = (typeof GROUND_ROLES)[number]

export const GROUND_ROLE_LABELS = {
  nl: {
    employee: 'Werknemer (dienstverband begonnen)',
    candidate: 'Kandidaat',
    'ws-candidate': 'W&S-kandidaat',
    prospect: 'Prospect',
    contact: 'Contactpersoon'
  },
  en: {
    employee: 'Employee (employment started)',
    candidate: 'Candidate',
    'ws-candidate': 'R&S candidate',
    prospect: 'Prospect',
    contact: 'Contact person'
  }
} as const satisfies VocabularyLabels<GroundRole>

/**
 * R-4a: the form a special value may take under a ground. `text` is a value typed by staff;
 * `absence-record` is the structured absence registration (dates, expected duration, availability
 * for work — never a diagnosis, cause or nature of illness); `vog-shown` is only the date on which
 * a VOG (certificate of conduct) was shown, never its content.
 */
export const GROUND_VALUE_SHAPES = ['text', 'absence-record', 'vog-shown'] as const
export type GroundValueShape = (typeof GROUND_VALUE_SHAPES)[number]

export const GROUND_VALUE_SHAPE_LABELS = {
  nl: { text: 'Tekst', 'absence-record': 'Verzuimregistratie (data, verwachte duur, inzetbaarheid)', 'vog-shown': 'Datum waarop de VOG is getoond' },
  en: { text: 'Text', 'absence-record': 'Absence record (dates, expected duration, availability)', 'vog-shown': 'Date the VOG was shown' }
} as const satisfies VocabularyLabels<GroundValueShape>

/**
 * R-4a: why a ground does not fit. Each is one refusal (`GROUND_DOES_NOT_FIT` with the issue key
 * `validation.ground.<category>.<reason>`) and one review finding; the screens word them in i18n.
 */
export const GROUND_MISFIT_REASONS = [
  'category-refused',
  'ground-not-for-category',
  'role-not-covered',
  'purpose-not-covered',
  'shape-not-allowed',
  'at-registration'
] as const
export type GroundMisfitReason = (typeof GROUND_MISFIT_REASONS)[number]

export const GROUND_MISFIT_REASON_LABELS = {
  nl: {
    'category-refused': 'voor deze categorie bestaat geen grondslag; niet vastleggen',
    'ground-not-for-category': 'deze grondslag dekt deze categorie niet',
    'role-not-covered': 'deze grondslag dekt deze categorie niet voor deze persoon (kandidaat of werknemer)',
    'purpose-not-covered': 'deze grondslag dekt deze categorie niet voor dit doel',
    'shape-not-allowed': 'alleen vaste feiten zijn toegestaan (verzuim: data, verwachte duur en inzetbaarheid; VOG: alleen de datum van tonen), nooit een diagnose of inhoud',
    'at-registration': 'niet bij de inschrijving (geen gezondheidsvragen bij inschrijving)'
  },
  en: {
    'category-refused': 'there is no ground for this category; do not record it',
    'ground-not-for-category': 'this ground does not cover this category',
    'role-not-covered': 'this ground does not cover this category for this person (candidate or employee)',
    'purpose-not-covered': 'this ground does not cover this category for this purpose',
    'shape-not-allowed': 'only fixed facts are allowed (absence: dates, expected duration and availability; VOG: only the date it was shown), never a diagnosis or content',
    'at-registration': 'not at registration (no health questions at registration)'
  }
} as const satisfies VocabularyLabels<GroundMisfitReason>
