/**
 * BSN (burgerservicenummer, the Dutch citizen service number). R-3: validated with the 11-proof
 * and shown masked. UAVG art. 46 limits where it may be used (see person/personSchema.ts); this
 * module only knows what a well-formed BSN is.
 */
import { z } from 'zod'
import { keyed } from './messages'

/** Removes the separators people type (spaces, dots): `1234.56.782` → `123456782`. */
export function normaliseBsn(input: string): string {
  return input.replace(/[\s.]/g, '')
}

const WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1] as const

/**
 * True for exactly 9 digits (after removing spaces and dots) that pass the 11-proof
 * (9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 mod 11) and are not all zeros. Shorter input is not padded:
 * an 8-digit number is rejected rather than guessed at.
 */
export function isValidBsn(input: string): boolean {
  const digits = normaliseBsn(input)
  if (!/^\d{9}$/.test(digits) || digits === '000000000') return false
  let sum = 0
  for (let i = 0; i < 9; i++) sum += WEIGHTS[i]! * Number(digits[i])
  return sum % 11 === 0
}

/** the BSN as shown on screen and in reports: `******789`. Never reveals more than 3 digits. */
export function maskBsn(bsn: string): string {
  const digits = normaliseBsn(bsn)
  return /^\d{9}$/.test(digits) ? `******${digits.slice(6)}` : '*********'
}

/** A BSN, normalised to its 9 digits. */
export const bsnSchema = z
  .string(keyed('validation.bsn.invalid'))
  .overwrite(normaliseBsn)
  .refine(isValidBsn, { error: 'validation.bsn.invalid' })
  .meta({ description: 'BSN: 9 digits passing the 11-proof (spaces and dots are removed)' })
