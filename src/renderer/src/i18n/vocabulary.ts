import {
  ATTACHMENT_KIND_SCREEN_LABELS,
  CONSENT_BASIS_SCREEN_LABELS,
  CONSENT_METHOD_SCREEN_LABELS,
  CONSENT_STATE_SCREEN_LABELS,
  DISCLOSURE_PURPOSE_SCREEN_LABELS,
  EMPLOYMENT_KIND_SCREEN_LABELS,
  GENDER_LABELS,
  GROUND_MISFIT_REASON_LABELS,
  GROUND_ROLE_LABELS,
  GROUND_VALUE_SHAPE_LABELS,
  SPECIAL_CATEGORIES,
  SPECIAL_DATA_GROUND_LABELS,
  ID_DOCUMENT_TYPE_SCREEN_LABELS,
  INFORM_METHOD_LABELS,
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
      state: CONSENT_STATE_SCREEN_LABELS[lang],
      ground: SPECIAL_DATA_GROUND_LABELS[lang],
      groundRole: GROUND_ROLE_LABELS[lang],
      groundShape: GROUND_VALUE_SHAPE_LABELS[lang],
      misfit: GROUND_MISFIT_REASON_LABELS[lang]
    },
    // R-4a refusals: `validation.ground.<category>.<reason>` names the category and the reason.
    validation: { ground: groundMisfitTexts(lang) },
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
    },
    inform: { how: INFORM_METHOD_LABELS[lang] }
  }
}

/** "Gezondheid: deze grondslag dekt deze categorie niet", for every category and reason. */
function groundMisfitTexts(lang: Lang): Record<string, Record<string, string>> {
  const reasons = GROUND_MISFIT_REASON_LABELS[lang]
  return Object.fromEntries(
    SPECIAL_CATEGORIES.map((category) => [
      category,
      Object.fromEntries(Object.entries(reasons).map(([reason, text]) => [reason, `${SPECIAL_CATEGORY_SCREEN_LABELS[lang][category]}: ${text}.`]))
    ])
  )
}
