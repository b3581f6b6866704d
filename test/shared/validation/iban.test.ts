import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ibanSchema, isValidIban, normaliseIban } from '../../../src/shared/validation/iban'

/** Independent oracle: check digits for a country and BBAN, with BigInt. */
function checkDigits(country: string, bban: string): string {
  const numeric = [...`${bban}${country}00`].map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c)).join('')
  return String(98n - (BigInt(numeric) % 97n)).padStart(2, '0')
}

const bankCode = fc.array(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('')), { minLength: 4, maxLength: 4 }).map((a) => a.join(''))
const accountDigits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 10, maxLength: 10 }).map((a) => a.join(''))
const dutchIban = fc.tuple(bankCode, accountDigits).map(([bank, account]) => {
  const bban = bank + account
  return `NL${checkDigits('NL', bban)}${bban}`
})

describe('IBAN (R-3 salary registration)', () => {
  it.each(['NL91ABNA0417164300', 'nl91 abna 0417 1643 00', 'DE89370400440532013000', 'BE68539007547034', 'GB82WEST12345698765432', 'FR1420041010050500013M02606'])(
    'accepts %s',
    (iban) => expect(isValidIban(iban)).toBe(true)
  )

  it.each([
    ['a wrong check digit', 'NL91ABNA0417164301'],
    ['a missing character', 'NL91ABNA041716430'],
    ['an unknown country', 'XX91ABNA0417164300'],
    ['two swapped digits', 'NL91ABNA0417163400'],
    ['letters in the check digits', 'NLA1ABNA0417164300'],
    ['an empty string', '']
  ])('rejects %s', (_what, iban) => expect(isValidIban(iban)).toBe(false))

  it('accepts every generated Dutch IBAN', () => {
    fc.assert(fc.property(dutchIban, (iban) => isValidIban(iban)))
  })

  it('rejects a Dutch IBAN with any account digit changed', () => {
    fc.assert(
      fc.property(dutchIban, fc.integer({ min: 8, max: 17 }), fc.integer({ min: 1, max: 9 }), (iban, position, shift) => {
        const changed = String((Number(iban[position]) + shift) % 10)
        return !isValidIban(iban.slice(0, position) + changed + iban.slice(position + 1))
      })
    )
  })

  it('ibanSchema parses to the electronic form', () => {
    expect(normaliseIban('nl91 abna 0417 1643 00')).toBe('NL91ABNA0417164300')
    expect(ibanSchema.parse('nl91 abna 0417 1643 00')).toBe('NL91ABNA0417164300')
    expect(ibanSchema.safeParse('NL91ABNA0417164301').error?.issues.map((i) => i.message)).toEqual(['validation.iban.invalid'])
  })
})
