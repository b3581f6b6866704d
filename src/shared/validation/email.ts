/**
 * E-mail addresses, trimmed and lower-cased so that the do-not-contact register
 * and duplicate checks recognise an address however it was typed. Lower-casing the local part is
 * a deliberate simplification: mail providers treat it case-insensitively in practice.
 */
import { z } from 'zod'
import { keyed } from './messages'

export function normaliseEmail(input: string): string {
  return input.trim().toLowerCase()
}

export function isValidEmail(input: string): boolean {
  const email = normaliseEmail(input)
  return email.length <= 254 && z.regexes.email.test(email)
}

/** An e-mail address, trimmed and lower-cased. */
export const emailSchema = z
  .string(keyed('validation.email.invalid'))
  .overwrite(normaliseEmail)
  .max(254, { error: 'validation.email.invalid' })
  .refine(isValidEmail, { error: 'validation.email.invalid' })
  .meta({ description: 'E-mail address (trimmed and lower-cased)' })
