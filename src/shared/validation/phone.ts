/**
 * Phone numbers, stored in E.164 (`+31612345678`) so that the do-not-contact register
 * can recognise a number however it was typed. Numbers without a country prefix are read
 * as Dutch. Uses libphonenumber-js's full ("max") metadata: the small metadata accepts numbers
 * such as `12345` as Dutch.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { z } from 'zod'
import { keyed } from './messages'

/**
 * `06-1234 5678`, `0031 6 12345678`, `+31 6 12345678` → `+31612345678`; `null` when the number is
 * not a valid number, contains other text, or has an extension (E.164 cannot keep it).
 */
export function normalisePhone(input: string): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), { defaultCountry: 'NL', extract: false })
  if (!parsed || !parsed.isValid() || parsed.ext) return null
  return parsed.number
}

export function isValidPhone(input: string): boolean {
  return normalisePhone(input) !== null
}

/** A phone number, normalised to E.164. */
export const phoneSchema = z
  .string(keyed('validation.phone.invalid'))
  .max(50, { error: 'validation.phone.invalid' })
  .overwrite((input) => normalisePhone(input) ?? input)
  .refine(isValidPhone, { error: 'validation.phone.invalid' })
  .meta({ description: 'Phone number; without a country prefix it is read as Dutch. Normalised to E.164.' })

/**
 * A stored E.164 number as people read it (issue 16), everywhere persons and clients show a
 * phone: Dutch numbers in the national format (`+31612345678` → `06 12345678`, `+31534801234` →
 * `053 480 1234`), others in the international format (`+32 470 12 34 56`). Empty for none; a
 * value that does not parse is shown as stored.
 */
export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return ''
  const parsed = parsePhoneNumberFromString(e164)
  if (!parsed) return e164
  return parsed.country === 'NL' ? parsed.formatNational() : parsed.formatInternational()
}
