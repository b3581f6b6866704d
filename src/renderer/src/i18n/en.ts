import type { nl } from './nl'

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

/** English. Typed against the Dutch file, so a missing key is a compile error. */
export const en: Shape<typeof nl> = {
  app: { name: 'Dossier', tagline: 'Personal data kept the way the privacy statement promises' },
  language: { label: 'Language', nl: 'NL', en: 'EN' },
  nav: {
    records: 'People',
    intake: 'Intake',
    clients: 'Clients',
    retention: 'Retention',
    requests: 'Requests',
    consents: 'Consents',
    audit: 'Audit trail',
    breaches: 'Data breaches',
    accounts: 'Accounts',
    settings: 'Settings',
    lock: 'Lock',
    signOut: 'Sign out'
  },
  setup: {
    title: 'First run: create the vault',
    intro: 'Dossier keeps all data encrypted in a vault on this computer. Create the first account; it is administrator and privacy officer.',
    username: 'Account name',
    displayName: 'Display name',
    passphrase: 'Passphrase (at least 12 characters)',
    passphraseRepeat: 'Repeat passphrase',
    submit: 'Create vault',
    mismatch: 'The passphrases do not match.',
    recoveryTitle: 'Recovery key',
    recoveryIntro: 'This recovery key opens the vault when every passphrase is lost. It is shown only once. Print it or write it down and keep it somewhere safe, away from this computer.',
    recoveryPrint: 'Print',
    recoveryConfirm: 'I have printed or written down the recovery key and stored it safely.',
    recoveryContinue: 'Continue to Dossier'
  },
  signIn: {
    title: 'Sign in',
    username: 'Account name',
    passphrase: 'Passphrase',
    submit: 'Sign in',
    locked: 'The vault is locked. Please sign in again.'
  },
  records: {
    title: 'People',
    empty: 'No people in the vault yet.',
    search: 'Search by name, e-mail, phone, postcode or reference'
  },
  accounts: { username: 'Account name', displayName: 'Display name', roles: 'Roles', passphrase: 'First passphrase (at least 12 characters)', add: 'Add account', disable: 'Disable', disabled: 'disabled' },
  roles: { staff: 'Staff', privacy_officer: 'Privacy officer', admin: 'Administrator' },
  common: { save: 'Save', cancel: 'Cancel', close: 'Close', yes: 'Yes', no: 'No', loading: 'Working…', none: 'None' },
  validation: {
    required: 'This field is required.',
    type: 'Invalid input.',
    unknownField: 'This data does not belong here (for example no BSN at registration).',
    option: 'Choose one of the possible values.',
    tooLong: 'This text is too long.',
    duplicate: 'This value appears twice.',
    bsn: {
      invalid: 'This is not a valid BSN (9 digits, 11-proof).',
      purpose: 'A BSN may only be recorded for payroll or a client\'s identification requirement.',
      notAtRegistration: 'No BSN is recorded at registration; only once employment starts.'
    },
    postcode: { invalid: 'Use a Dutch postcode, for example 1234 AB.' },
    phone: { invalid: 'This is not a valid phone number.' },
    email: { invalid: 'This is not a valid e-mail address.' },
    iban: { invalid: 'This is not a valid IBAN.' },
    uuid: { invalid: 'Invalid reference.' },
    nationality: { invalid: 'Use a two-letter country code, for example NL.' },
    date: {
      invalid: 'This is not a valid date (YYYY-MM-DD).',
      future: 'This date may not be in the future.',
      beforeRegistration: 'This date is before the registration.'
    },
    birthDate: { future: 'The birth date is in the future.', age: 'The age must be between 15 and 100 years.' },
    period: { endBeforeStart: 'The end date is before the start date.' },
    idDocument: { expired: 'The identity document had expired on the date it was checked.' },
    contact: { required: 'Enter an e-mail address or a phone number.' },
    source: { detailRequired: 'State which website the data came from.' },
    recruitment: { client: 'Choose a client.' },
    special: {
      basis: 'Choose either consent or a legal basis.',
      legalBasis: 'Unknown legal basis.',
      purpose: 'This purpose is not recorded for this person.',
      notAtRegistration: 'No health questions are asked at registration.'
    },
    passphrase: { tooShort: 'A passphrase has at least 12 characters.' },
    accountName: { invalid: 'Only letters, digits and . _ @ -' },
    import: {
      format: 'This is not a dossier-import/1 file.',
      duplicateRef: 'This reference already appears earlier in the file.',
      duplicateClient: 'This client already appears earlier in the file.'
    },
    invalid_type: 'This field is required.',
    too_small: 'Too short.',
    too_big: 'Too long.',
    invalid_format: 'Invalid input.',
    invalid_value: 'Choose a valid value.',
    unrecognized_keys: 'This field is not allowed here.',
    custom: 'Invalid input.'
  },
  errors: {
    VALIDATION_FAILED: 'Some fields are not filled in correctly. See the messages next to the fields.',
    UNKNOWN_OPERATION: 'Unknown operation.',
    NOT_SIGNED_IN: 'You are not signed in.',
    FORBIDDEN: 'Your account does not have the role for this.',
    VAULT_LOCKED: 'The vault is locked.',
    VAULT_EXISTS: 'A vault already exists.',
    VAULT_MISSING: 'There is no vault yet.',
    VAULT_DATABASE_MISSING: 'The vault\'s database file is missing.',
    VAULT_NOT_A_VAULT: 'The database file is damaged or does not belong to this vault.',
    VAULT_KEYRING_CORRUPT: 'The vault\'s keyring file is damaged.',
    VAULT_KEYRING_MISMATCH: 'The keyring file belongs to another vault.',
    VAULT_FUTURE_SCHEMA: 'This vault was made by a newer version of Dossier. Please update Dossier.',
    VAULT_BUSY: 'The vault is already open in another Dossier window.',
    VAULT_WRONG_PASSPHRASE: 'The passphrase is not correct.',
    VAULT_UNKNOWN_ACCOUNT: 'There is no account with this name.',
    ACCOUNT_DISABLED: 'This account is disabled.',
    ACCOUNT_EXISTS: 'An account with this name already exists.',
    ACCOUNT_THROTTLED: 'Too many failed attempts. Try again in {{seconds}} seconds.',
    PASSPHRASE_TOO_SHORT: 'A passphrase has at least 12 characters.',
    RECOVERY_KEY_INVALID: 'This recovery key does not open the vault.',
    BACKUP_UNREADABLE: 'The backup cannot be opened.',
    NOT_FOUND: 'Not found.',
    CONFLICT: 'This is not possible in the current state.',
    CONSENT_REQUIRED: 'Without valid consent or a legal basis this data may not be stored.',
    BSN_NOT_ALLOWED: 'The BSN may only be recorded with a purpose that allows it (payroll or client identification), and not at registration.',
    EMPLOYMENT_REQUIRED: 'These details are recorded only once the person is employed. Add an employment first.',
    DO_NOT_CONTACT_MATCH: 'This person is on the do-not-contact register ({{identifier}}). Nothing was saved.',
    DUPLICATE_PERSON: 'A person with these details already exists.',
    RETENTION_SHIELDED: 'This record is shielded. Only a privacy officer can open it, stating a reason.',
    REASON_REQUIRED: 'Please give a reason.',
    ATTACHMENT_TOO_LARGE: 'The file is too large.',
    ATTACHMENT_TYPE_NOT_ALLOWED: 'This file type is not allowed (PDF, DOCX, ODT, JPG or PNG).',
    FIELD_NOT_ALLOWED: 'This data may not be shared with this client.',
    IMPORT_INVALID: 'The import file has errors; nothing was imported.',
    FUTURE_DATE_NOT_ALLOWED: 'A date in the future is not allowed here.',
    APPROVAL_REQUIRED: 'This needs the approval of a second privacy officer.',
    INTERNAL: 'Something went wrong. Nothing was changed.'
  }
}
