import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isValidPostcode, normalisePostcode, postcodeSchema } from '../../../src/shared/validation/postcode'

const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''))
const digits = fc.integer({ min: 1000, max: 9999 }).map(String)
const allowedPair = fc.tuple(letter, letter).map(([a, b]) => a + b).filter((pair) => !['SA', 'SD', 'SS'].includes(pair))
const randomCase = (s: string) =>
  fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length }).map((flags) =>
    [...s].map((c, i) => (flags[i] ? c.toLowerCase() : c)).join('')
  )
const spacing = fc.constantFrom('', ' ', '  ', '\t')

describe('Dutch postcode (R-2 NAW)', () => {
  it('normalises the ways people type it to "1234 AB"', () => {
    expect(normalisePostcode('1234ab')).toBe('1234 AB')
    expect(normalisePostcode('1234 ab')).toBe('1234 AB')
    expect(normalisePostcode(' 1234AB ')).toBe('1234 AB')
    expect(normalisePostcode('9999 zz')).toBe('9999 ZZ')
  })

  it('normalises every valid postcode in any case and spacing to the same form', () => {
    fc.assert(
      fc.property(digits, allowedPair.chain(randomCase), spacing, spacing, spacing, (d, pair, lead, mid, tail) => {
        return normalisePostcode(`${lead}${d}${mid}${pair}${tail}`) === `${d} ${pair.toUpperCase()}`
      })
    )
  })

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        const once = normalisePostcode(input)
        return once === null || normalisePostcode(once) === once
      })
    )
  })

  it('rejects a leading zero', () => {
    expect(isValidPostcode('0123 AB')).toBe(false)
    fc.assert(fc.property(fc.integer({ min: 0, max: 999 }), allowedPair, (n, pair) => !isValidPostcode(`0${String(n).padStart(3, '0')} ${pair}`)))
  })

  it('rejects the letter pairs SA, SD and SS in any case', () => {
    for (const pair of ['SA', 'SD', 'SS', 'sa', 'sd', 'ss', 'Ss']) expect(isValidPostcode(`1234 ${pair}`)).toBe(false)
    expect(isValidPostcode('1234 SB')).toBe(true)
  })

  it('rejects other shapes', () => {
    for (const bad of ['123 AB', '12345 AB', '1234 A', '1234 ABC', '1234-AB', 'AB 1234', '', '1234 A1']) {
      expect(isValidPostcode(bad)).toBe(false)
    }
  })

  it('postcodeSchema parses to the normal form and reports invalid ones with the i18n key', () => {
    expect(postcodeSchema.parse('1234ab')).toBe('1234 AB')
    expect(postcodeSchema.safeParse('0123 AB').error?.issues.map((i) => i.message)).toEqual(['validation.postcode.invalid'])
    expect(postcodeSchema.safeParse(1234).error?.issues.map((i) => i.message)).toEqual(['validation.postcode.invalid'])
  })
})
