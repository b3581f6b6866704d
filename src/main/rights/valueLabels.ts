import {
  CONSENT_METHOD_LABELS,
  GENDER_LABELS,
  ID_DOCUMENT_TYPE_LABELS,
  MARITAL_STATUS_LABELS,
  type ConsentMethod,
  type Gender,
  type IdDocumentType,
  type Lang,
  type MaritalStatus
} from '../../shared/vocabulary'

/**
 * R-18: the access report prints values in the reader's language. The documents' labels cover
 * field names and vocabularies of the report itself; these are the stored vocabulary VALUES of a
 * person's fields (gender, marital status, identity-document type) and how a consent was given,
 * with the labels shared/vocabulary defines for them. Unknown values print as themselves.
 */
type ValueLabels = {
  gender: Readonly<Record<Gender, string>>
  maritalStatus: Readonly<Record<MaritalStatus, string>>
  idDocumentType: Readonly<Record<IdDocumentType, string>>
  consentHow: Readonly<Record<ConsentMethod, string>>
  absence: string
}

const TABLES: Record<Lang, ValueLabels> = {
  nl: {
    gender: GENDER_LABELS.nl,
    maritalStatus: MARITAL_STATUS_LABELS.nl,
    idDocumentType: ID_DOCUMENT_TYPE_LABELS.nl,
    consentHow: CONSENT_METHOD_LABELS.nl,
    absence: 'Verzuim (periode, verwachte duur, beschikbaarheid)'
  },
  en: {
    gender: GENDER_LABELS.en,
    maritalStatus: MARITAL_STATUS_LABELS.en,
    idDocumentType: ID_DOCUMENT_TYPE_LABELS.en,
    consentHow: CONSENT_METHOD_LABELS.en,
    absence: 'Absence (period, expected duration, availability)'
  }
}

export function valueLabels(lang: Lang): ValueLabels {
  return TABLES[lang]
}

