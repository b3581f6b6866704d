/**
 * IBAN (R-3 salary registration): country code, two check digits and the national account number
 * (BBAN), checked for the country's length and with the ISO 7064 mod-97 check.
 */
import { z } from 'zod'
import { keyed } from './messages'

/** IBAN length per country (SWIFT IBAN registry). A country not listed has no IBAN. */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18,
  FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22,
  IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20,
  LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28, NL: 18,
  NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24, SC: 31,
  SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29,
  VA: 22, VG: 24, XK: 20, YE: 30
}

/** `nl91 abna 0417 1643 00` → `NL91ABNA0417164300` (spaces removed, upper case). */
export function normaliseIban(input: string): string {
  return input.replace(/\s/g, '').toUpperCase()
}

/** ISO 7064 mod-97-10 over the rearranged IBAN (letters A=10 … Z=35), computed piecewise. */
function mod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4)
  let remainder = 0
  for (const char of rearranged) {
    const value = char >= 'A' ? char.charCodeAt(0) - 55 : Number(char)
    remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97
  }
  return remainder
}

export function isValidIban(input: string): boolean {
  const iban = normaliseIban(input)
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return false
  if (IBAN_LENGTHS[iban.slice(0, 2)] !== iban.length) return false
  return mod97(iban) === 1
}

/** An IBAN, normalised to its electronic form (no spaces, upper case). */
export const ibanSchema = z
  .string(keyed('validation.iban.invalid'))
  .max(50, { error: 'validation.iban.invalid' })
  .overwrite(normaliseIban)
  .refine(isValidIban, { error: 'validation.iban.invalid' })
