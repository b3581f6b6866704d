import type { Gender } from '../../shared/domain'
import type { IdDocumentType, MaritalStatus } from '../../shared/person/personSchema'
import type { Lang } from '../documents/labels'

/**
 * R-18: the access report prints values in the reader's language. The documents' labels cover
 * field names and vocabularies of the report itself; these are the stored vocabulary VALUES of a
 * person's fields (gender, marital status, identity-document type) and how a consent was given.
 * Unknown values print as themselves.
 */
type ValueLabels = {
  gender: Record<Gender, string>
  maritalStatus: Record<MaritalStatus, string>
  idDocumentType: Record<IdDocumentType, string>
  consentHow: Record<'signed-form' | 'in-person' | 'email', string>
  absence: string
}

const nl: ValueLabels = {
  gender: { female: 'Vrouw', male: 'Man', other: 'Anders', unspecified: 'Niet opgegeven' },
  maritalStatus: {
    unmarried: 'Ongehuwd',
    married: 'Gehuwd',
    'registered-partnership': 'Geregistreerd partnerschap',
    divorced: 'Gescheiden',
    widowed: 'Weduwe/weduwnaar'
  },
  idDocumentType: { passport: 'Paspoort', 'id-card': 'Identiteitskaart', 'residence-permit': 'Verblijfsdocument', 'driving-licence': 'Rijbewijs' },
  consentHow: { 'signed-form': 'Getekend formulier', 'in-person': 'Persoonlijk', email: 'E-mail' },
  absence: 'Verzuim (periode, verwachte duur, beschikbaarheid)'
}

const en: ValueLabels = {
  gender: { female: 'Female', male: 'Male', other: 'Other', unspecified: 'Not given' },
  maritalStatus: {
    unmarried: 'Unmarried',
    married: 'Married',
    'registered-partnership': 'Registered partnership',
    divorced: 'Divorced',
    widowed: 'Widowed'
  },
  idDocumentType: { passport: 'Passport', 'id-card': 'Identity card', 'residence-permit': 'Residence document', 'driving-licence': 'Driving licence' },
  consentHow: { 'signed-form': 'Signed form', 'in-person': 'In person', email: 'Email' },
  absence: 'Absence (period, expected duration, availability)'
}

const TABLES: Record<Lang, ValueLabels> = { nl, en }

export function valueLabels(lang: Lang): ValueLabels {
  return TABLES[lang]
}

export function valueLabel(table: Readonly<Record<string, string>>, value: string): string {
  return Object.hasOwn(table, value) ? (table[value] ?? value) : value
}
