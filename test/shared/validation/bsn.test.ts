import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bsnSchema, isValidBsn, maskBsn, normaliseBsn } from '../../../src/shared/validation/bsn'

/** An independent statement of the 11-proof, used as the oracle. */
function elevenProof(digits: string): boolean {
  const d = [...digits].map(Number)
  const sum = d.slice(0, 8).reduce((acc, digit, i) => acc + digit * (9 - i), 0) - d[8]!
  return /^\d{9}$/.test(digits) && digits !== '000000000' && sum % 11 === 0
}

const digit = fc.integer({ min: 0, max: 9 })

/** Valid BSNs: eight random digits and the one check digit that satisfies the 11-proof. */
const validBsn = fc
  .array(digit, { minLength: 8, maxLength: 8 })
  .map((first8) => {
    const check = first8.reduce((acc, d, i) => acc + d * (9 - i), 0) % 11
    return check === 10 ? null : [...first8, check].join('')
  })
  .filter((bsn): bsn is string => bsn !== null && bsn !== '000000000')

describe('BSN 11-proof (R-3)', () => {
  it('accepts the known valid BSNs 111222333 and 123456782', () => {
    expect(isValidBsn('111222333')).toBe(true)
    expect(isValidBsn('123456782')).toBe(true)
  })

  it('rejects 123456789, all zeros, and numbers that are not 9 digits', () => {
    for (const bad of ['123456789', '000000000', '12345678', '1234567820', '11122233a', '', '11122233 3x']) {
      expect(isValidBsn(bad)).toBe(false)
    }
  })

  it('does not pad an 8-digit number with a leading zero', () => {
    // 012345672 passes the 11-proof; its 8-digit form must still be refused rather than guessed.
    expect(isValidBsn('012345672')).toBe(true)
    expect(isValidBsn('12345672')).toBe(false)
  })

  it('accepts every generated valid BSN', () => {
    fc.assert(fc.property(validBsn, (bsn) => isValidBsn(bsn)))
  })

  it('rejects a valid BSN with any single digit changed', () => {
    fc.assert(
      fc.property(validBsn, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (bsn, position, shift) => {
        const changed = (Number(bsn[position]) + shift) % 10
        const mutated = bsn.slice(0, position) + String(changed) + bsn.slice(position + 1)
        return !isValidBsn(mutated)
      })
    )
  })

  it('agrees with the 11-proof on any 9-digit string', () => {
    fc.assert(
      fc.property(fc.array(digit, { minLength: 9, maxLength: 9 }), (digits) => {
        const s = digits.join('')
        return isValidBsn(s) === elevenProof(s)
      })
    )
  })

  it('ignores spaces and dots people type', () => {
    expect(normaliseBsn(' 1234.56.782 ')).toBe('123456782')
    expect(isValidBsn('1234 56 782')).toBe(true)
  })
})

describe('maskBsn (R-3: shown masked)', () => {
  it('shows only the last three digits', () => {
    expect(maskBsn('123456782')).toBe('******782')
    expect(maskBsn('1234.56.782')).toBe('******782')
  })

  it('never reveals the first six digits of any BSN', () => {
    fc.assert(fc.property(validBsn, (bsn) => maskBsn(bsn) === `******${bsn.slice(6)}`))
  })

  it('masks malformed input completely', () => {
    expect(maskBsn('12345')).toBe('*********')
    expect(maskBsn('')).toBe('*********')
  })
})

describe('bsnSchema', () => {
  it('parses to the 9 digits', () => {
    expect(bsnSchema.parse(' 1112.22.333 ')).toBe('111222333')
  })

  it('reports an invalid BSN with the i18n key only', () => {
    const result = bsnSchema.safeParse('123456789')
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['validation.bsn.invalid'])
    expect(JSON.stringify(result.error)).not.toContain('123456789')
  })

  it('reports a number instead of text as an invalid BSN and absence as required', () => {
    expect(bsnSchema.safeParse(123456782).error?.issues[0]?.message).toBe('validation.bsn.invalid')
    expect(bsnSchema.safeParse(undefined).error?.issues[0]?.message).toBe('validation.required')
  })
})
