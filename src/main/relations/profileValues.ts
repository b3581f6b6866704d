import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import type { DisclosureField } from '../../shared/contract/relations'
import { maskBsn } from '../../shared/validation/bsn'
import { formatPrintedDate } from '../../shared/time'
import { labelOr, type Lang } from '../documents/labels'
import type { Person } from '../vault/entities/Person'
import { valueLabels } from '../rights/valueLabels'

/**
 * A person's field as a client would read it: dates in the document's format, vocabulary values
 * in words, phone numbers grouped, the IBAN in blocks of four. `mode: 'preview'` masks the BSN
 * shown masked on screen); only the shared document itself carries it in full, and only for
 * the client's identification duty (R-9, enforced by the rules before this is called).
 *
 * `idCopy` and `specialData` have no value here: they never leave through this path.
 * Pure: no database, no clock.
 */
export function profileValue(person: Person, field: DisclosureField, lang: Lang, mode: 'preview' | 'document'): string | null {
  const L = valueLabels(lang)
  const text = (v: string | null): string | null => (v === null || v.trim() === '' ? null : v)
  const date = (v: string | null): string | null => (v === null ? null : formatPrintedDate(v, lang))
  switch (field) {
    case 'givenName':
    case 'familyName':
    case 'street':
    case 'houseNumber':
    case 'postcode':
    case 'city':
    case 'email':
    case 'otherContact':
    case 'education':
    case 'internships':
    case 'workExperience':
    case 'availability':
    case 'deployability':
    case 'leave':
    case 'particulars':
    case 'idDocumentNumber':
    case 'workPermitNumber':
      return text(person[field])
    case 'birthDate':
    case 'idDocumentExpiry':
    case 'workPermitExpiry':
    case 'vogDate':
      return date(person[field])
    case 'gender':
      return person.gender === null ? null : labelOr(L.gender, person.gender)
    case 'phone':
      return person.phone === null ? null : (parsePhoneNumberFromString(person.phone)?.formatInternational() ?? person.phone)
    case 'nationality':
      return person.nationality === null ? null : countryName(person.nationality, lang)
    case 'bsn':
      if (person.bsn === null) return null
      return mode === 'preview' ? maskBsn(person.bsn) : person.bsn
    case 'idDocumentType':
      return person.idDocumentType === null ? null : labelOr(L.idDocumentType, person.idDocumentType)
    case 'iban':
      return person.iban === null ? null : person.iban.replace(/(.{4})(?=.)/g, '$1 ')
    case 'maritalStatus':
      return person.maritalStatus === null ? null : labelOr(L.maritalStatus, person.maritalStatus)
    case 'idCopy':
    case 'specialData':
      return null
  }
}

/** `NL` → "Nederland" / "Netherlands"; an unknown code prints as itself. */
function countryName(code: string, lang: Lang): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code
  } catch {
    return code
  }
}
