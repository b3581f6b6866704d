import type { DisclosurePurpose } from '../../shared/contract/relations'
import type { Gender } from '../../shared/domain'
import type { IdDocumentType, MaritalStatus } from '../../shared/person/personSchema'
import type { Lang } from '../documents/labels'

/**
 * Words the shared profile prints that `documents/labels.ts` does not have: the disclosure
 * purposes and the values of the closed vocabularies a profile can show. Same keys in both
 * languages (the types enforce it).
 */
interface ProfileLabels {
  disclosurePurpose: Record<DisclosurePurpose, string>
  gender: Record<Gender, string>
  idDocumentType: Record<IdDocumentType, string>
  maritalStatus: Record<MaritalStatus, string>
}

const nl: ProfileLabels = {
  disclosurePurpose: {
    presentation: 'Voorstellen van een kandidaat (bemiddeling of werving en selectie)',
    assignment: 'Uitvoering van de opdracht waarvoor de kandidaat is geplaatst',
    'client-identification': 'Identificatieplicht van de opdrachtgever (alleen BSN)'
  },
  gender: { female: 'Vrouw', male: 'Man', other: 'Anders', unspecified: 'Niet opgegeven' },
  idDocumentType: { passport: 'Paspoort', 'id-card': 'Identiteitskaart', 'residence-permit': 'Verblijfsdocument', 'driving-licence': 'Rijbewijs' },
  maritalStatus: {
    unmarried: 'Ongehuwd',
    married: 'Gehuwd',
    'registered-partnership': 'Geregistreerd partnerschap',
    divorced: 'Gescheiden',
    widowed: 'Weduwe/weduwnaar'
  }
}

const en: ProfileLabels = {
  disclosurePurpose: {
    presentation: 'Presenting a candidate (mediation or recruitment and selection)',
    assignment: 'Carrying out the assignment the candidate is placed on',
    'client-identification': "Client's duty to identify the worker (BSN only)"
  },
  gender: { female: 'Female', male: 'Male', other: 'Other', unspecified: 'Not stated' },
  idDocumentType: { passport: 'Passport', 'id-card': 'Identity card', 'residence-permit': 'Residence document', 'driving-licence': 'Driving licence' },
  maritalStatus: {
    unmarried: 'Unmarried',
    married: 'Married',
    'registered-partnership': 'Registered partnership',
    divorced: 'Divorced',
    widowed: 'Widowed'
  }
}

export const PROFILE_LABELS: Readonly<Record<Lang, ProfileLabels>> = { nl, en }

/** A stored vocabulary value in words; a value the table does not know prints as itself. */
export function vocabularyLabel(table: Readonly<Record<string, string>>, value: string): string {
  return Object.hasOwn(table, value) ? (table[value] ?? value) : value
}
