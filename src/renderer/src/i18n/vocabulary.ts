import {
  ATTACHMENT_KIND_SCREEN_LABELS,
  CONSENT_BASIS_SCREEN_LABELS,
  CONSENT_METHOD_SCREEN_LABELS,
  CONSENT_STATE_SCREEN_LABELS,
  DISCLOSURE_PURPOSE_SCREEN_LABELS,
  EMPLOYMENT_KIND_SCREEN_LABELS,
  GENDER_LABELS,
  ID_DOCUMENT_TYPE_SCREEN_LABELS,
  LEGAL_BASIS_SCREEN_LABELS,
  MARITAL_STATUS_LABELS,
  PERSON_ROLE_SCREEN_LABELS,
  PURPOSE_SCREEN_LABELS,
  RECONFIRMATION_METHOD_LABELS,
  RECONFIRMATION_OUTCOME_LABELS,
  REQUEST_KIND_LABELS,
  REQUEST_STATUS_SCREEN_LABELS,
  RETENTION_ACTION_SCREEN_LABELS,
  RETENTION_RULE_LABELS,
  RETENTION_STATE_SCREEN_LABELS,
  RETENTION_TERM_UNIT_SCREEN_LABELS,
  SOURCE_KIND_SCREEN_LABELS,
  SPECIAL_CATEGORY_SCREEN_LABELS,
  STAFF_ROLE_LABELS,
  type Lang
} from '../../../shared/vocabulary'

/**
 * The screens' words for the closed vocabularies, built from shared/vocabulary (where the printed
 * documents take theirs too) and merged into the i18n resources under the keys the screens use
 * (`people.role.candidate`, `consent.state.valid`…). No screen text file repeats them.
 */
export function vocabularyTexts(lang: Lang) {
  return {
    roles: STAFF_ROLE_LABELS[lang],
    people: {
      role: PERSON_ROLE_SCREEN_LABELS[lang],
      purpose: PURPOSE_SCREEN_LABELS[lang],
      legalBasis: LEGAL_BASIS_SCREEN_LABELS[lang],
      source: SOURCE_KIND_SCREEN_LABELS[lang],
      gender: GENDER_LABELS[lang],
      state: RETENTION_STATE_SCREEN_LABELS[lang],
      employmentKind: EMPLOYMENT_KIND_SCREEN_LABELS[lang],
      attachmentKind: ATTACHMENT_KIND_SCREEN_LABELS[lang],
      idDocument: ID_DOCUMENT_TYPE_SCREEN_LABELS[lang],
      maritalStatus: MARITAL_STATUS_LABELS[lang]
    },
    consent: {
      category: SPECIAL_CATEGORY_SCREEN_LABELS[lang],
      basis: CONSENT_BASIS_SCREEN_LABELS[lang],
      how: CONSENT_METHOD_SCREEN_LABELS[lang],
      state: CONSENT_STATE_SCREEN_LABELS[lang]
    },
    retention: {
      rule: RETENTION_RULE_LABELS[lang],
      action: RETENTION_ACTION_SCREEN_LABELS[lang],
      unit: RETENTION_TERM_UNIT_SCREEN_LABELS[lang],
      reconfirmHow: RECONFIRMATION_METHOD_LABELS[lang],
      reconfirmOutcome: RECONFIRMATION_OUTCOME_LABELS[lang]
    },
    rights: {
      requests: { kinds: REQUEST_KIND_LABELS[lang], statuses: REQUEST_STATUS_SCREEN_LABELS[lang] }
    },
    relations: {
      share: { purposes: DISCLOSURE_PURPOSE_SCREEN_LABELS[lang] }
    }
  }
}
