/**
 * Building blocks for input schemas. Every object is strict (unknown keys are rejected, not
 * stripped: R-3a — an intake payload carrying a `bsn` or special data must fail loudly), every
 * text is trimmed and bounded, and every issue carries an i18n key (messages.ts).
 */
import { z } from 'zod'
import { hasHiddenCharacters } from './hiddenCharacters'
import { keyed, type ValidationMessageKey } from './messages'

function objectIssueKey(issue: { readonly code?: string; readonly input?: unknown }): ValidationMessageKey {
  if (issue.code === 'unrecognized_keys') return 'validation.unknownField'
  return issue.input === undefined ? 'validation.required' : 'validation.type'
}

/** A strict object whose own issues (missing, wrong type, unknown keys) carry i18n keys. */
export function strictInput<Shape extends z.core.$ZodLooseShape>(shape: Shape): z.ZodObject<Shape, z.core.$strict> {
  return z.strictObject(shape, { error: objectIssueKey })
}

/** Trimmed, non-empty text of at most `max` characters, without hidden characters (control, bidi, zero-width). */
export function requiredText(max: number): z.ZodString {
  return z
    .string(keyed('validation.type'))
    .trim()
    .min(1, { error: 'validation.required' })
    .max(max, { error: 'validation.tooLong' })
    .refine((text) => !hasHiddenCharacters(text), { error: 'validation.hiddenCharacter' })
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
}

/**
 * An optional field: absent, `null` or blank text (what forms and legacy exports send for an empty
 * field) all parse to `undefined`; anything else must satisfy `schema`.
 */
export function optional<S extends z.ZodType>(schema: S) {
  return z
    .preprocess((value: z.input<S> | null | undefined) => (isBlank(value) ? undefined : value), schema.optional())
    .optional()
}

/** Optional free text (R-2: education, availability, particulars…), at most `max` characters. */
export function optionalText(max = 4000) {
  return optional(requiredText(max))
}

/** A closed-vocabulary value (domain.ts). */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, keyed('validation.option'))
}

/**
 * A non-empty list of distinct vocabulary values (roles, purposes). A repeated value is reported
 * at its second position.
 */
export function distinctList<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .array(oneOf(values), keyed('validation.type'))
    .min(1, { error: 'validation.required' })
    .superRefine((list, ctx) => {
      const seen = new Set<string>()
      list.forEach((value, index) => {
        if (seen.has(value)) ctx.addIssue({ code: 'custom', message: 'validation.duplicate', path: [index] })
        seen.add(value)
      })
    })
    .meta({ uniqueItems: true })
}

/** A list of `item` (may be empty). */
export function listOf<S extends z.ZodType>(item: S) {
  return z.array(item, keyed('validation.type'))
}

/** A UUID (ids of records in the vault). */
export const uuidSchema = z.uuid(keyed('validation.uuid.invalid'))

/** A yes/no flag. */
export const flagSchema = z.boolean(keyed('validation.type'))
