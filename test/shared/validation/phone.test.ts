import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatPhone, isValidPhone, normalisePhone, phoneSchema } from '../../../src/shared/validation/phone'

describe('phone numbers (R-2, R-10: recognisable however typed)', () => {
  it.each([
    ['06 12345678', '+31612345678'],
    ['06-1234 5678', '+31612345678'],
    ['+31 6 12345678', '+31612345678'],
    ['0031 6 12345678', '+31612345678'],
    ['020-1234567', '+31201234567'],
    ['(020) 123 45 67', '+31201234567'],
    ['+32 470 12 34 56', '+32470123456'],
    ['+49 30 123456', '+4930123456']
  ])('normalises %s to %s', (input, e164) => {
    expect(normalisePhone(input)).toBe(e164)
  })

  it.each(['12345', '06 1234', '112', 'call 0612345678', '0612345678a', '', '0612345678 ext. 12'])('rejects %j', (input) => {
    expect(isValidPhone(input)).toBe(false)
  })

  it('normalises any Dutch mobile number, however separated, to E.164', () => {
    fc.assert(
      fc.property(
        // 06-1… to 06-5… are the issued mobile ranges
        fc.tuple(fc.integer({ min: 1, max: 5 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 7 })).map(([first, more]) => [first, ...more]),
        fc.constantFrom('', ' ', '-'),
        fc.constantFrom('0', '+31', '0031', '+31 '),
        (rest, separator, prefix) => {
          const local = rest.join('')
          const typed = `${prefix}6${separator}${local.slice(0, 4)}${separator}${local.slice(4)}`
          return normalisePhone(typed) === `+316${local}`
        }
      )
    )
  })

  it('leaves a normalised number unchanged', () => {
    expect(normalisePhone('+31612345678')).toBe('+31612345678')
  })

  it('phoneSchema parses to E.164 and reports invalid numbers with the i18n key', () => {
    expect(phoneSchema.parse(' 06 12345678 ')).toBe('+31612345678')
    expect(phoneSchema.safeParse('06 1234').error?.issues.map((i) => i.message)).toEqual(['validation.phone.invalid'])
    expect(phoneSchema.safeParse(612345678).error?.issues.map((i) => i.message)).toEqual(['validation.phone.invalid'])
  })

  it('formatPhone shows Dutch numbers nationally and others internationally (issue 16)', () => {
    expect(formatPhone('+31617326857')).toBe('06 17326857')
    expect(formatPhone('+31534801234')).toBe('053 480 1234')
    expect(formatPhone('+32470123456')).toBe('+32 470 12 34 56')
    expect(formatPhone(null)).toBe('')
    expect(formatPhone('not a number')).toBe('not a number')
  })
})
