import { describe, expect, it } from 'vitest'
import { emailSchema, isValidEmail, normaliseEmail } from '../../../src/shared/validation/email'

describe('e-mail addresses (R-2, R-10)', () => {
  it('trims and lower-cases', () => {
    expect(normaliseEmail('  Jan.Jansen@Example.NL ')).toBe('jan.jansen@example.nl')
    expect(emailSchema.parse('  Jan.Jansen@Example.NL ')).toBe('jan.jansen@example.nl')
  })

  it.each(['jan@', 'jan@example', '@example.nl', 'jan jansen@example.nl', 'jan@@example.nl', 'jan..j@example.nl', ''])(
    'rejects %j',
    (bad) => {
      expect(isValidEmail(bad)).toBe(false)
      expect(emailSchema.safeParse(bad).error?.issues.map((i) => i.message)).toEqual(['validation.email.invalid'])
    }
  )

  it('accepts plus addressing and subdomains', () => {
    expect(isValidEmail('jan+dossier@mail.example.co.uk')).toBe(true)
  })

  it('rejects addresses longer than 254 characters', () => {
    const long = `${'a'.repeat(64)}@${'b'.repeat(190)}.nl`
    expect(long.length).toBeGreaterThan(254)
    expect(emailSchema.safeParse(long).success).toBe(false)
  })
})
