import type { VocabularyLabels } from './labels'

/**
 * how a person limits the processing of their data. `restriction` (GDPR art. 18): the data
 * is kept but not used; `objection` (art. 21): one purpose is no longer pursued.
 */
export const PROCESSING_LIMIT_KINDS = ['restriction', 'objection'] as const
export type ProcessingLimitKind = (typeof PROCESSING_LIMIT_KINDS)[number]

/**
 * what a person can object to (art. 21): the purposes that rest on a legitimate interest or
 * are direct marketing (`offers`, art. 21(2)), and `presentation` — being presented to clients
 * (a disclosure purpose, R-8). The other purposes rest on a contract or a legal duty: stopping
 * them is unsubscribing or erasure.
 */
export const OBJECTION_PURPOSES = ['presentation', 'offers', 'mediation', 'recruitment', 'development', 'suitability', 'quality'] as const
export type ObjectionPurpose = (typeof OBJECTION_PURPOSES)[number]

export const PROCESSING_LIMIT_KIND_LABELS = {
  nl: { restriction: 'Beperking van de verwerking', objection: 'Bezwaar' },
  en: { restriction: 'Restriction of processing', objection: 'Objection' }
} as const satisfies VocabularyLabels<ProcessingLimitKind>

export const OBJECTION_PURPOSE_LABELS = {
  nl: {
    presentation: 'Voorgesteld worden aan opdrachtgevers',
    offers: 'Aanbiedingen en informatie over onze diensten',
    mediation: 'Bemiddeling',
    recruitment: 'Werving & selectie',
    development: 'Persoonlijke ontwikkeling en inzetbaarheid',
    suitability: 'Beoordeling van geschiktheid',
    quality: 'Interne kwaliteit (audit, certificering)'
  },
  en: {
    presentation: 'Being presented to clients',
    offers: 'Offers and information about our services',
    mediation: 'Job mediation',
    recruitment: 'Recruitment & selection',
    development: 'Personal development and employability',
    suitability: 'Suitability assessment',
    quality: 'Internal quality (audit, certification)'
  }
} as const satisfies VocabularyLabels<ObjectionPurpose>
