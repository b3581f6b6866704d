/**
 * Dutch postcode (R-2 NAW): four digits, the first 1-9, and two letters, written `1234 AB`.
 * PostNL never issues the letter pairs SA, SD and SS.
 */
import { z } from 'zod'
import { keyed } from './messages'

const LOOSE = /^([1-9]\d{3})\s*([a-zA-Z]{2})$/
const EXCLUDED_LETTERS: ReadonlySet<string> = new Set(['SA', 'SD', 'SS'])

/** `1234ab`, `1234 ab`, ` 1234AB ` → `1234 AB`; `null` when it is not a Dutch postcode. */
export function normalisePostcode(input: string): string | null {
  const match = LOOSE.exec(input.trim())
  if (!match) return null
  const letters = match[2]!.toUpperCase()
  if (EXCLUDED_LETTERS.has(letters)) return null
  return `${match[1]!} ${letters}`
}

export function isValidPostcode(input: string): boolean {
  return normalisePostcode(input) !== null
}

/** A Dutch postcode, normalised to `1234 AB`. */
export const postcodeSchema = z
  .string(keyed('validation.postcode.invalid'))
  .overwrite((input) => normalisePostcode(input) ?? input)
  .refine(isValidPostcode, { error: 'validation.postcode.invalid' })
  .meta({ description: 'Dutch postcode, e.g. "1234 AB" (normalised to that form)', examples: ['1234 AB'] })
