/**
 * R-4a: the maintained term list that makes free text look like special data
 * (resources/special-data-terms.json; how to maintain it: resources/special-data-terms.md).
 * Parsed once with zod so a broken list fails the build's tests, not a user's save.
 *
 * What this module must never do: hold or return a person's text; only the list itself.
 */
import { z } from 'zod'
import termsJson from '../../../resources/special-data-terms.json'
import { SPECIAL_CATEGORIES, type SpecialCategory } from '../vocabulary'

/** The person's free-text fields (intake R-2): the only fields a term list can be asked to check. */
export const FREE_TEXT_FIELDS = ['otherContact', 'education', 'internships', 'workExperience', 'availability', 'deployability', 'leave', 'particulars'] as const
export type FreeTextField = (typeof FREE_TEXT_FIELDS)[number]

/**
 * A term: words separated by spaces or hyphens (matched as consecutive words), or one word with
 * `*` at its start and/or end (any letters there: `zwanger*` = zwangerschap, zwangerschapsverlof;
 * `*hernia` = rughernia). A wildcard needs at least three letters beside it.
 */
const termSchema = z
  .string()
  .trim()
  .min(2)
  .refine((term) => !/[A-Z]/.test(term), { error: 'terms are written in lower case' })
  .refine((term) => !term.includes('*') || /^\*?[\p{L}\p{N}]{3,}\*?$/u.test(term), { error: 'a wildcard term is one word of 3+ letters with * at its ends' })

function distinct<T extends z.ZodType<string>>(item: T) {
  return z.array(item).refine((items) => new Set(items).size === items.length, { error: 'each entry once' })
}

export const specialDataTermsSchema = z.strictObject({
  version: z.number().int().positive(),
  maintenance: z.string(),
  /** Which person fields are checked (a subset of the free-text fields). */
  fields: distinct(z.enum(FREE_TEXT_FIELDS)).min(1),
  /** Words never counted, whatever they contain (street names: `Kerkstraat` is an address, not a belief). */
  ignore: distinct(termSchema),
  /** Every special category has its list, and only those. */
  categories: z.strictObject(Object.fromEntries(SPECIAL_CATEGORIES.map((c) => [c, distinct(termSchema).min(1)])) as Record<SpecialCategory, z.ZodArray<typeof termSchema>>)
})
export type SpecialDataTerms = z.infer<typeof specialDataTermsSchema>

/** The list in force. */
export const SPECIAL_DATA_TERMS: SpecialDataTerms = specialDataTermsSchema.parse(termsJson)

/** The fields the forms and the import check (data: the `fields` of the term list). */
export const CHECKED_FREE_TEXT_FIELDS: readonly FreeTextField[] = SPECIAL_DATA_TERMS.fields
