import type { VocabularyLabels } from './labels'

/** purposes of processing. */
export const PURPOSES = [
  'mediation', // bemiddeling
  'temping', // uitzenden
  'secondment', // detachering
  'recruitment', // werving & selectie
  'development', // persoonlijke ontwikkeling en inzetbaarheid
  'suitability', // geschiktheid
  'payroll', // salarisadministratie
  'personnel', // personeelsmanagement
  'client-identification', // identificatie-eisen opdrachtgever (enkel BSN)
  'offers', // aanbiedingen en informatie
  'quality' // interne kwaliteit (audit, certificering)
] as const
export type Purpose = (typeof PURPOSES)[number]

/** UAVG art. 46: the BSN may only be processed for these purposes. */
export const BSN_PURPOSES: readonly Purpose[] = ['payroll', 'client-identification'] as const

export const PURPOSE_LABELS = {
  nl: {
    mediation: 'Bemiddeling',
    temping: 'Uitzenden',
    secondment: 'Detachering',
    recruitment: 'Werving & selectie',
    development: 'Persoonlijke ontwikkeling en inzetbaarheid',
    suitability: 'Beoordeling van geschiktheid',
    payroll: 'Salarisadministratie',
    personnel: 'Personeelsmanagement',
    'client-identification': 'Identificatie-eisen van opdrachtgevers (alleen BSN)',
    offers: 'Aanbiedingen en informatie over onze diensten',
    quality: 'Interne kwaliteit (audit, certificering)'
  },
  en: {
    mediation: 'Job mediation',
    temping: 'Temporary agency work',
    secondment: 'Secondment',
    recruitment: 'Recruitment & selection',
    development: 'Personal development and employability',
    suitability: 'Suitability assessment',
    payroll: 'Payroll administration',
    personnel: 'Personnel management',
    'client-identification': 'Client identification requirements (BSN only)',
    offers: 'Offers and information about our services',
    quality: 'Internal quality (audit, certification)'
  }
} as const satisfies VocabularyLabels<Purpose>

export const PURPOSE_SCREEN_LABELS = {
  nl: {
    mediation: 'Bemiddeling',
    temping: 'Uitzenden',
    secondment: 'Detachering',
    recruitment: 'Werving & selectie',
    development: 'Ontwikkeling en inzetbaarheid',
    suitability: 'Geschiktheid',
    payroll: 'Salarisadministratie',
    personnel: 'Personeelsmanagement',
    'client-identification': 'Identificatie-eis opdrachtgever',
    offers: 'Aanbiedingen en informatie',
    quality: 'Interne kwaliteit (audit)'
  },
  en: {
    mediation: 'Mediation',
    temping: 'Temping',
    secondment: 'Secondment',
    recruitment: 'Recruitment & selection',
    development: 'Development and employability',
    suitability: 'Suitability',
    payroll: 'Payroll administration',
    personnel: 'Personnel management',
    'client-identification': "Client's identification requirement",
    offers: 'Offers and information',
    quality: 'Internal quality (audit)'
  }
} as const satisfies VocabularyLabels<Purpose>

/**
 * GDPR art. 6(1) legal bases: the ground of a purpose (R-7; which purpose has which ground is
 * main/people/purposeLegalBasis.ts, which uses four of the six) and of a processing activity in
 * the record of processing activities.
 */
export const LEGAL_BASES = ['consent', 'contract', 'legal-obligation', 'vital-interest', 'public-task', 'legitimate-interest'] as const
export type LegalBasis = (typeof LEGAL_BASES)[number]

export const LEGAL_BASIS_LABELS = {
  nl: {
    consent: 'Toestemming (art. 6 lid 1 a AVG)',
    contract: 'Uitvoering van een overeenkomst (art. 6 lid 1 b AVG)',
    'legal-obligation': 'Wettelijke verplichting (art. 6 lid 1 c AVG)',
    'vital-interest': 'Vitaal belang (art. 6 lid 1 d AVG)',
    'public-task': 'Taak van algemeen belang (art. 6 lid 1 e AVG)',
    'legitimate-interest': 'Gerechtvaardigd belang (art. 6 lid 1 f AVG)'
  },
  en: {
    consent: 'Consent (Art. 6(1)(a) GDPR)',
    contract: 'Performance of a contract (Art. 6(1)(b) GDPR)',
    'legal-obligation': 'Legal obligation (Art. 6(1)(c) GDPR)',
    'vital-interest': 'Vital interests (Art. 6(1)(d) GDPR)',
    'public-task': 'Public task (Art. 6(1)(e) GDPR)',
    'legitimate-interest': 'Legitimate interests (Art. 6(1)(f) GDPR)'
  }
} as const satisfies VocabularyLabels<LegalBasis>

/** In running text on screens ("Bemiddeling (overeenkomst)"), hence lower case. */
export const LEGAL_BASIS_SCREEN_LABELS = {
  nl: {
    consent: 'toestemming',
    contract: 'overeenkomst',
    'legal-obligation': 'wettelijke plicht',
    'vital-interest': 'vitaal belang',
    'public-task': 'taak van algemeen belang',
    'legitimate-interest': 'gerechtvaardigd belang'
  },
  en: {
    consent: 'consent',
    contract: 'contract',
    'legal-obligation': 'legal obligation',
    'vital-interest': 'vital interests',
    'public-task': 'public task',
    'legitimate-interest': 'legitimate interest'
  }
} as const satisfies VocabularyLabels<LegalBasis>
