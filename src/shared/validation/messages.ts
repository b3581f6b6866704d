/**
 * Validation messages are stable i18n keys, never text and never the rejected value (STYLE
 * "Errors"; personal data must not leak into logs, IPC errors or import reports). Every zod issue
 * raised by the schemas under `src/shared` carries one of these keys as its `message`; the
 * renderer translates it. The list is exported so the i18n files can be tested for completeness.
 */
export const VALIDATION_MESSAGE_KEYS = [
  // generic
  'validation.required',
  'validation.type', // wrong JSON type (e.g. a number where text is expected)
  'validation.unknownField', // strict objects: a field this form/file does not have (R-3a)
  'validation.option', // not one of the closed vocabulary's values
  'validation.tooLong',
  'validation.hiddenCharacter', // control, bidi-override or zero-width characters (issue 15 point 7)
  'validation.duplicate', // the same value twice in a list (roles, purposes)
  // formats
  'validation.bsn.invalid', // 9 digits passing the 11-proof
  'validation.postcode.invalid',
  'validation.phone.invalid',
  'validation.email.invalid',
  'validation.iban.invalid',
  'validation.uuid.invalid',
  'validation.serverUrl', // issue 17: an office server's address (postgres://…)
  'validation.serverTls', // issue 17: over the network only with sslmode=verify-full
  'validation.nationality.invalid',
  'validation.date.invalid',
  'validation.date.future',
  'validation.date.outOfRange', // a retention preview/run date outside 1900–2999
  'validation.date.beforeRegistration',
  'validation.birthDate.future',
  'validation.birthDate.age',
  'validation.period.endBeforeStart',
  'validation.idDocument.expired',
  // rules
  'validation.bsn.purpose', // UAVG art. 46: BSN only with a BSN purpose
  'validation.bsn.notAtRegistration', // R-3a: no BSN before employment
  'validation.bsn.employmentNotStarted', // R-16a: BSN only for an employment started or starting within 4 weeks
  'validation.contact.required', // at least one way to reach the person
  'validation.source.detailRequired', // which public website
  'validation.recruitment.client', // exactly one of client id / client name
  'validation.special.basis', // exactly one of consent or legal basis
  'validation.special.legalBasis',
  'validation.special.purpose', // the purpose must be one of the person's purposes
  'validation.special.notAtRegistration', // R-3a: no health data before employment
  'validation.absence.medical', // UAVG art. 30: no diagnosis or cause in absence registration
  'validation.consent.placeholder', // issue 16: the wording template's "Het gaat om: …" left as it is
  // staff accounts (R-21; validation/passphrase.ts, contract/session.ts)
  'validation.passphrase.tooShort',
  'validation.passphrase.weak', // issue 15 point 5: too easy to guess (zxcvbn score below 3)
  'validation.accountName.invalid',
  // backup files (contract/vault.ts)
  'validation.backupFile.absolute',
  'validation.backupFile.suffix',
  // import file
  'validation.import.format',
  'validation.import.duplicateRef',
  'validation.import.duplicateClient'
] as const

export type ValidationMessageKey = (typeof VALIDATION_MESSAGE_KEYS)[number]

const KEY_SET: ReadonlySet<string> = new Set(VALIDATION_MESSAGE_KEYS)

export function isValidationMessageKey(value: string): value is ValidationMessageKey {
  return KEY_SET.has(value)
}

/**
 * A zod `error` parameter: a missing value reports `validation.required`, anything else the given
 * key. Zod calls it with the issue; we read only whether the input was absent.
 */
export function keyed(key: ValidationMessageKey): { error: (issue: { readonly input?: unknown }) => ValidationMessageKey } {
  return { error: (issue) => (issue.input === undefined ? 'validation.required' : key) }
}

/**
 * The i18n key of a zod issue: the schema's own key, or `validation.<code>` for a built-in check
 * the schema did not key (a `.max()` length, a strict object's extra field). The dispatcher reports
 * issues this way, and forms that validate before saving must show the same text.
 */
export function issueKey(issue: { readonly message: string; readonly code: string }): string {
  return issue.message.startsWith('validation.') ? issue.message : `validation.${issue.code}`
}
