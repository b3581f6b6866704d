import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { phoneQueryPrefix, postcodeQueryPrefix } from '../../../src/main/people/searchPersons'
import { familyQueryKey, familySearchKey, givenSearchKey, prefixUpperBound } from '../../../src/main/people/searchKeys'

describe('search keys', () => {
  it('stores family names without their tussenvoegsel first', () => {
    expect(familySearchKey('van den Berg')).toBe('berg van den')
    expect(familySearchKey("in 't Veld")).toBe("veld in 't")
    expect(familySearchKey('De Vries')).toBe('vries de')
    expect(familySearchKey('Öztürk')).toBe('ozturk')
    expect(familySearchKey('El Amrani')).toBe('el amrani')
    expect(familySearchKey('Van')).toBe('van')
    // Found by the property below (seed 2121666554): "de La" typed as "DE l" must find "de La".
    expect(familySearchKey('de La')).toBe('la de')
    expect(givenSearchKey('  Zoë  Anne ')).toBe('zoe anne')
  })

  it('reads a query the same way, and ignores a query of only tussenvoegsels', () => {
    expect(familyQueryKey('Van den Berg')).toBe('berg')
    expect(familyQueryKey('van de')).toBe('')
  })

  it('a stored key starts with the query key for any way of typing the same name', () => {
    const core = fc.stringMatching(/^[A-Za-zÀ-ÿ]{1,10}$/)
    const prefix = fc.constantFrom('', 'van ', 'van der ', 'de ', "in 't ", 'ten ')
    fc.assert(
      fc.property(core, prefix, fc.integer({ min: 1, max: 10 }), (name, tv, cut) => {
        const stored = familySearchKey(`${tv}${name}`)
        const typed = `${tv.toUpperCase()}${name.toLowerCase()}`.slice(0, tv.length + cut)
        const key = familyQueryKey(typed)
        if (key !== '') expect(stored.startsWith(key)).toBe(true)
      })
    )
  })

  it('the prefix range contains exactly the strings that start with the prefix', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 6 }), fc.string({ maxLength: 6 }), (prefix, s) => {
        const inRange = s >= prefix && s < prefixUpperBound(prefix)
        expect(inRange).toBe(s.startsWith(prefix))
      })
    )
  })

  it('turns phone and postcode queries into prefixes of the stored forms; bare digits are not a phone', () => {
    expect(phoneQueryPrefix('06-1234 5')).toBe('+31612345')
    expect(phoneQueryPrefix('0031 20 12')).toBe('+312012')
    expect(phoneQueryPrefix('+31 6 12')).toBe('+31612')
    expect(phoneQueryPrefix('123456782')).toBeNull()
    expect(postcodeQueryPrefix('1234ab')).toBe('1234 AB')
    expect(postcodeQueryPrefix('1234 a')).toBe('1234 A')
    expect(postcodeQueryPrefix('1234')).toBe('1234')
    expect(postcodeQueryPrefix('0123')).toBeNull()
  })
})
