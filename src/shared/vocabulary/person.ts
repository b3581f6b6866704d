import type { VocabularyLabels } from './labels'

/** the roles a person can hold (several at once). */
export const PERSON_ROLES = ['candidate', 'flexworker', 'ws-candidate', 'prospect', 'contact'] as const
export type PersonRole = (typeof PERSON_ROLES)[number]

export const PERSON_ROLE_LABELS = {
  nl: {
    candidate: 'Kandidaat',
    flexworker: 'Flexwerker / werknemer',
    'ws-candidate': 'Kandidaat werving & selectie',
    prospect: 'Prospect (nog niet ingeschreven)',
    contact: 'Contactpersoon van een opdrachtgever'
  },
  en: {
    candidate: 'Candidate',
    flexworker: 'Flex worker / employee',
    'ws-candidate': 'Recruitment & selection candidate',
    prospect: 'Prospect (not yet registered)',
    contact: 'Contact person of a client'
  }
} as const satisfies VocabularyLabels<PersonRole>

export const PERSON_ROLE_SCREEN_LABELS = {
  nl: { candidate: 'Kandidaat', flexworker: 'Flexwerker', 'ws-candidate': 'W&S-kandidaat', prospect: 'Prospect', contact: 'Contactpersoon' },
  en: { candidate: 'Candidate', flexworker: 'Flex worker', 'ws-candidate': 'R&S candidate', prospect: 'Prospect', contact: 'Contact person' }
} as const satisfies VocabularyLabels<PersonRole>

/** how the data came in. `public-website` and `third-party` did not come from the person. */
export const SOURCE_KINDS = ['walk-in', 'website', 'mailing', 'phone', 'public-website', 'third-party'] as const
export type SourceKind = (typeof SOURCE_KINDS)[number]

export const SOURCE_KIND_LABELS = {
  nl: {
    'walk-in': 'Inschrijving op ons kantoor',
    website: 'Formulier op onze website',
    mailing: 'Mailing',
    phone: 'Telefonisch contact',
    'public-website': 'Openbare website',
    'third-party': 'Via een derde (bijvoorbeeld een doorverwijzing)'
  },
  en: {
    'walk-in': 'Registration at our office',
    website: 'Form on our website',
    mailing: 'Mailing',
    phone: 'Phone call',
    'public-website': 'Public website',
    'third-party': 'Through a third party (for example a referral)'
  }
} as const satisfies VocabularyLabels<SourceKind>

export const SOURCE_KIND_SCREEN_LABELS = {
  nl: { 'walk-in': 'Binnengelopen op kantoor', website: 'Formulier op de website', mailing: 'Mailing', phone: 'Telefoon', 'public-website': 'Openbare website', 'third-party': 'Via een derde' },
  en: { 'walk-in': 'Walked into the office', website: 'Website form', mailing: 'Mailing', phone: 'Phone', 'public-website': 'Public website', 'third-party': 'Through a third party' }
} as const satisfies VocabularyLabels<SourceKind>

/** As the person states it; one wording on screens and in documents. */
/** What an intake's typed data matched in an existing record (the step-1 check, issue 16 point 5). */
export const INTAKE_MATCH_KINDS = ['email', 'phone', 'name-birthDate'] as const
export type IntakeMatchKind = (typeof INTAKE_MATCH_KINDS)[number]

export const GENDERS = ['female', 'male', 'other', 'unspecified'] as const
export type Gender = (typeof GENDERS)[number]

export const GENDER_LABELS = {
  nl: { female: 'Vrouw', male: 'Man', other: 'Anders', unspecified: 'Niet opgegeven' },
  en: { female: 'Female', male: 'Male', other: 'Other', unspecified: 'Not given' }
} as const satisfies VocabularyLabels<Gender>

/** identity documents accepted for verification. */
export const ID_DOCUMENT_TYPES = ['passport', 'id-card', 'residence-permit', 'driving-licence'] as const
export type IdDocumentType = (typeof ID_DOCUMENT_TYPES)[number]

export const ID_DOCUMENT_TYPE_LABELS = {
  nl: { passport: 'Paspoort', 'id-card': 'Identiteitskaart', 'residence-permit': 'Verblijfsdocument', 'driving-licence': 'Rijbewijs' },
  en: { passport: 'Passport', 'id-card': 'Identity card', 'residence-permit': 'Residence document', 'driving-licence': 'Driving licence' }
} as const satisfies VocabularyLabels<IdDocumentType>

export const ID_DOCUMENT_TYPE_SCREEN_LABELS = {
  nl: ID_DOCUMENT_TYPE_LABELS.nl,
  en: { ...ID_DOCUMENT_TYPE_LABELS.en, 'id-card': 'ID card' }
} as const satisfies VocabularyLabels<IdDocumentType>

/** R-3 personnel registration: burgerlijke staat (marital status); one wording everywhere. */
export const MARITAL_STATUSES = ['unmarried', 'married', 'registered-partnership', 'divorced', 'widowed'] as const
export type MaritalStatus = (typeof MARITAL_STATUSES)[number]

export const MARITAL_STATUS_LABELS = {
  nl: {
    unmarried: 'Ongehuwd',
    married: 'Gehuwd',
    'registered-partnership': 'Geregistreerd partnerschap',
    divorced: 'Gescheiden',
    widowed: 'Weduwe/weduwnaar'
  },
  en: { unmarried: 'Unmarried', married: 'Married', 'registered-partnership': 'Registered partnership', divorced: 'Divorced', widowed: 'Widowed' }
} as const satisfies VocabularyLabels<MaritalStatus>

/** kinds of employment (dienstverband). */
export const EMPLOYMENT_KINDS = ['uitzenden', 'detachering', 'payroll'] as const
export type EmploymentKind = (typeof EMPLOYMENT_KINDS)[number]

export const EMPLOYMENT_KIND_LABELS = {
  nl: { uitzenden: 'Uitzenden', detachering: 'Detachering', payroll: 'Payrolling' },
  en: { uitzenden: 'Temporary agency work (uitzenden)', detachering: 'Secondment (detachering)', payroll: 'Payrolling' }
} as const satisfies VocabularyLabels<EmploymentKind>

export const EMPLOYMENT_KIND_SCREEN_LABELS = {
  nl: { uitzenden: 'Uitzenden', detachering: 'Detachering', payroll: 'Payroll' },
  en: { uitzenden: 'Temping', detachering: 'Secondment', payroll: 'Payroll' }
} as const satisfies VocabularyLabels<EmploymentKind>

/** Attachment kinds. `id-copy` taken at registration lives at most 4 weeks (R-3a). */
export const ATTACHMENT_KINDS = ['cv', 'reference', 'testimonial', 'vog', 'id-copy', 'other'] as const
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number]

export const ATTACHMENT_KIND_LABELS = {
  nl: {
    cv: 'Cv',
    reference: 'Referentie',
    testimonial: 'Getuigschrift',
    vog: 'Verklaring Omtrent het Gedrag (VOG)',
    'id-copy': 'Kopie identiteitsbewijs',
    other: 'Overig'
  },
  en: {
    cv: 'CV',
    reference: 'Reference',
    testimonial: 'Testimonial',
    vog: 'Certificate of conduct (VOG)',
    'id-copy': 'Copy of identity document',
    other: 'Other'
  }
} as const satisfies VocabularyLabels<AttachmentKind>

export const ATTACHMENT_KIND_SCREEN_LABELS = {
  nl: { ...ATTACHMENT_KIND_LABELS.nl, vog: 'VOG' },
  en: { ...ATTACHMENT_KIND_LABELS.en, vog: 'VOG (certificate of conduct)', 'id-copy': 'Copy of ID' }
} as const satisfies VocabularyLabels<AttachmentKind>
