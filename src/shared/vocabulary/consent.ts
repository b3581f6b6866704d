import type { VocabularyLabels } from './labels'

/** special categories of personal data (bijzondere persoonsgegevens). */
export const SPECIAL_CATEGORIES = ['ethnicity', 'religion', 'political', 'health', 'sex-life', 'union', 'criminal', 'behaviour'] as const
export type SpecialCategory = (typeof SPECIAL_CATEGORIES)[number]

export const SPECIAL_CATEGORY_LABELS = {
  nl: {
    ethnicity: 'Ras of etnische afkomst',
    religion: 'Godsdienst of levensovertuiging',
    political: 'Politieke opvattingen',
    health: 'Gezondheid',
    'sex-life': 'Seksueel leven of seksuele gerichtheid',
    union: 'Lidmaatschap van een vakbond',
    criminal: 'Strafrechtelijke gegevens',
    behaviour: 'Onrechtmatig of hinderlijk gedrag'
  },
  en: {
    ethnicity: 'Racial or ethnic origin',
    religion: 'Religious or philosophical beliefs',
    political: 'Political opinions',
    health: 'Health',
    'sex-life': 'Sex life or sexual orientation',
    union: 'Trade union membership',
    criminal: 'Criminal records',
    behaviour: 'Unlawful or disruptive behaviour'
  }
} as const satisfies VocabularyLabels<SpecialCategory>

export const SPECIAL_CATEGORY_SCREEN_LABELS = {
  nl: { ...SPECIAL_CATEGORY_LABELS.nl, 'sex-life': 'Seksueel leven', union: 'Lidmaatschap vakbond' },
  en: {
    ethnicity: 'Race or ethnic origin',
    religion: 'Religion or belief',
    political: 'Political opinions',
    health: 'Health',
    'sex-life': 'Sex life',
    union: 'Trade-union membership',
    criminal: 'Criminal data',
    behaviour: 'Unlawful or disruptive behaviour'
  }
} as const satisfies VocabularyLabels<SpecialCategory>

/** explicit consent, or instead a legal basis from the privacy officer's list. */
export const CONSENT_BASES = ['consent', 'legal-basis'] as const
export type ConsentBasis = (typeof CONSENT_BASES)[number]

export const CONSENT_BASIS_LABELS = {
  nl: { consent: 'Uitdrukkelijke toestemming', 'legal-basis': 'Wettelijke grondslag' },
  en: { consent: 'Explicit consent', 'legal-basis': 'Legal basis' }
} as const satisfies VocabularyLabels<ConsentBasis>

export const CONSENT_BASIS_SCREEN_LABELS = {
  nl: { ...CONSENT_BASIS_LABELS.nl, consent: 'Toestemming' },
  en: { ...CONSENT_BASIS_LABELS.en, consent: 'Consent' }
} as const satisfies VocabularyLabels<ConsentBasis>

/** how explicit consent was given. */
export const CONSENT_METHODS = ['signed-form', 'in-person', 'email'] as const
export type ConsentMethod = (typeof CONSENT_METHODS)[number]

export const CONSENT_METHOD_LABELS = {
  nl: { 'signed-form': 'Getekend formulier', 'in-person': 'Persoonlijk', email: 'E-mail' },
  en: { 'signed-form': 'Signed form', 'in-person': 'In person', email: 'Email' }
} as const satisfies VocabularyLabels<ConsentMethod>

export const CONSENT_METHOD_SCREEN_LABELS = {
  nl: { 'signed-form': 'Ondertekend formulier', 'in-person': 'Persoonlijk (mondeling)', email: 'Per e-mail' },
  en: { 'signed-form': 'Signed form', 'in-person': 'In person (verbally)', email: 'By e-mail' }
} as const satisfies VocabularyLabels<ConsentMethod>

/** The state of a ground on today's date, as the app tracks it (rules: src/main/consent/consentRules.ts). */
export const CONSENT_STATES = ['valid', 'pending', 'expired', 'withdrawn', 'basis-inactive'] as const
export type ConsentState = (typeof CONSENT_STATES)[number]

export const CONSENT_STATE_SCREEN_LABELS = {
  nl: { valid: 'Geldig', pending: 'Nog niet ingegaan', expired: 'Verlopen', withdrawn: 'Ingetrokken', 'basis-inactive': 'Grondslag niet meer actief' },
  en: { valid: 'Valid', pending: 'Not yet in force', expired: 'Expired', withdrawn: 'Withdrawn', 'basis-inactive': 'Legal basis no longer active' }
} as const satisfies VocabularyLabels<ConsentState>

/** The three words the access report and the export use for a consent's state: a subset. */
export const REPORTED_CONSENT_STATES = ['valid', 'expired', 'withdrawn'] as const satisfies readonly ConsentState[]
export type ReportedConsentState = (typeof REPORTED_CONSENT_STATES)[number]

export const REPORTED_CONSENT_STATE_LABELS = {
  nl: { valid: 'Geldig', expired: 'Verlopen', withdrawn: 'Ingetrokken' },
  en: { valid: 'Valid', expired: 'Expired', withdrawn: 'Withdrawn' }
} as const satisfies VocabularyLabels<ReportedConsentState>
