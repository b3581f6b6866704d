import { describe, expect, it } from 'vitest'
import { profileValue } from '../../../src/main/relations/profileValues'
import { DISCLOSURE_FIELDS } from '../../../src/shared/contract/relations'
import { SYNTHETIC, personRow } from './relationsFixtures'

describe('a field as the client reads it', () => {
  const person = personRow()

  it('masks the BSN in a preview and gives it in full only in the shared document', () => {
    expect(profileValue(person, 'bsn', 'nl', 'preview')).toBe('******333')
    expect(profileValue(person, 'bsn', 'nl', 'document')).toBe(SYNTHETIC.bsn)
  })

  it('writes dates, codes, phone numbers and the IBAN the way a Dutch or English reader expects', () => {
    expect(profileValue(person, 'birthDate', 'nl', 'document')).toBe('12-03-1994')
    expect(profileValue(person, 'birthDate', 'en', 'document')).toBe('12 Mar 1994') // issue 14: an English document's dates are not ISO
    expect(profileValue(person, 'idDocumentType', 'nl', 'document')).toBe('Identiteitskaart')
    expect(profileValue(person, 'idDocumentType', 'en', 'document')).toBe('Identity card')
    expect(profileValue(person, 'maritalStatus', 'nl', 'document')).toBe('Gehuwd')
    expect(profileValue(person, 'gender', 'en', 'document')).toBe('Female')
    expect(profileValue(person, 'nationality', 'nl', 'document')).toBe('Nederland')
    expect(profileValue(person, 'nationality', 'en', 'document')).toBe('Netherlands')
    expect(profileValue(person, 'phone', 'nl', 'document')).toBe('+31 6 12345678')
    expect(profileValue(person, 'iban', 'nl', 'document')).toBe('NL91 ABNA 0417 1643 00')
  })

  it('has no value for an empty field, an ID copy or special data', () => {
    expect(profileValue(personRow({ education: null }), 'education', 'nl', 'document')).toBeNull()
    expect(profileValue(personRow({ particulars: '   ' }), 'particulars', 'nl', 'document')).toBeNull()
    expect(profileValue(person, 'idCopy', 'nl', 'document')).toBeNull()
    expect(profileValue(person, 'specialData', 'nl', 'document')).toBeNull()
  })

  it('knows every disclosable field', () => {
    for (const f of DISCLOSURE_FIELDS) expect(() => profileValue(person, f, 'en', 'preview')).not.toThrow()
  })
})
