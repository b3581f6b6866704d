import fc from 'fast-check'
import type { z } from 'zod'
import { ATTACHMENT_KINDS, EMPLOYMENT_KINDS, GENDERS, PERSON_ROLES, PURPOSES, RETENTION_STATES, SOURCE_KINDS, SPECIAL_CATEGORIES, STAFF_ROLES } from '../../../src/shared/domain'
import type { ImportPerson } from '../../../src/shared/import/importFormat'

/**
 * Arbitrary payloads for the contract's operations: anything at all, objects with the operation's
 * own keys holding wrong or hostile values, and a known-good payload with one field spoiled.
 * The values mix what attackers and tired users send: wrong types, empty and huge strings,
 * impossible dates, markup, SQL, prototype keys, enum look-alikes, and ids that do exist.
 */

/** The top-level keys an input schema knows (objects, unions, pipes, refinements). */
export function keysOf(schema: z.ZodType): string[] {
  const seen = new Set<string>()
  const visit = (s: unknown, depth: number) => {
    if (!s || typeof s !== 'object' || depth > 4) return
    const def = (s as { _zod?: { def?: Record<string, unknown> } })._zod?.def
    if (!def) return
    const shape = def['shape'] as Record<string, unknown> | undefined
    if (shape) for (const k of Object.keys(shape)) seen.add(k)
    for (const inner of ['in', 'out', 'innerType', 'schema']) visit(def[inner], depth + 1)
    for (const option of (def['options'] as unknown[] | undefined) ?? []) visit(option, depth + 1)
    if (def['left']) visit(def['left'], depth + 1)
    if (def['right']) visit(def['right'], depth + 1)
  }
  visit(schema, 0)
  return [...seen]
}

const ENUM_LIKE = [
  ...PERSON_ROLES,
  ...PURPOSES,
  ...SOURCE_KINDS,
  ...EMPLOYMENT_KINDS,
  ...GENDERS,
  ...SPECIAL_CATEGORIES,
  ...STAFF_ROLES,
  ...ATTACHMENT_KINDS,
  ...RETENTION_STATES,
  'nl',
  'en',
  'pdf',
  'print',
  'csv',
  'json',
  'html',
  'access',
  'erasure',
  'open',
  'closed',
  'manual',
  'idle',
  'high',
  'low'
]

const HOSTILE = [
  '',
  ' ',
  '\u0000',
  '\u202e',
  '<script>alert(1)</script>',
  "'; DROP TABLE person; --",
  '../../etc/passwd',
  '__proto__',
  'constructor',
  '2026-02-30',
  '2026-11-27',
  '1899-01-01',
  '9999-12-31',
  '0000-00-00',
  '2026-1-1',
  '27-11-2026',
  '2026-11-27T10:00:00Z',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'a@b',
  'jan@example.nl',
  '+31612345678',
  '0612345678',
  '1234 AB',
  '111222333',
  '123456782',
  'NL91ABNA0417164300',
  'INZ-2026-000001',
  'x'.repeat(501),
  'é'.repeat(5000)
]

/** A value of any kind, with `ids` (records that exist) mixed in so deeper paths run too. */
export function valueArb(ids: readonly string[]): fc.Arbitrary<unknown> {
  const leaf = fc.oneof(
    { arbitrary: fc.constantFrom(...HOSTILE), weight: 4 },
    { arbitrary: fc.constantFrom(...ENUM_LIKE), weight: 3 },
    { arbitrary: ids.length ? fc.constantFrom(...ids) : fc.uuid(), weight: 3 },
    { arbitrary: fc.uuid(), weight: 1 },
    { arbitrary: fc.string({ maxLength: 40 }), weight: 3 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 1 },
    { arbitrary: fc.integer(), weight: 2 },
    { arbitrary: fc.constantFrom(0, -1, 1, 1e308, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53), weight: 1 },
    { arbitrary: fc.double(), weight: 1 },
    { arbitrary: fc.boolean(), weight: 2 },
    { arbitrary: fc.constantFrom(null, undefined), weight: 2 },
    { arbitrary: fc.date({ noInvalidDate: false }), weight: 1 }
  )
  return fc.oneof(
    { arbitrary: leaf, weight: 8 },
    { arbitrary: fc.array(leaf, { maxLength: 4 }), weight: 1 },
    { arbitrary: fc.dictionary(fc.string({ maxLength: 12 }), leaf, { maxKeys: 3 }), weight: 1 }
  )
}

/** Payloads for one operation: anything; its own keys with bad values; a good payload spoiled. */
export function payloadArb(keys: readonly string[], ids: readonly string[], good?: Record<string, unknown>): fc.Arbitrary<unknown> {
  const value = valueArb(ids)
  const ownKeys = keys.length ? keys : ['id', 'personId']
  const withOwnKeys = fc.dictionary(fc.constantFrom(...ownKeys, ...ownKeys, 'bsn', 'unknownField', '__proto__'), value, { maxKeys: ownKeys.length + 1 })
  const arbs: fc.WeightedArbitrary<unknown>[] = [
    { arbitrary: fc.anything({ maxDepth: 2, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true }), weight: 2 },
    { arbitrary: withOwnKeys, weight: 5 }
  ]
  if (good) {
    const goodKeys = Object.keys(good)
    const spoiled = fc
      .record({ key: fc.constantFrom(...goodKeys, 'bsn', 'iban', 'health'), value, drop: fc.boolean() })
      .map(({ key, value: v, drop }) => {
        const copy: Record<string, unknown> = { ...good }
        if (drop && goodKeys.includes(key)) delete copy[key]
        else copy[key] = v
        return copy
      })
    arbs.push({ arbitrary: spoiled, weight: 10 })
  }
  return fc.oneof(...arbs)
}

/**
 * Import files (`dossier-import/1` text): anything; JSON that is not an import file; and a good
 * file with one thing wrong — a field spoiled or dropped, an unknown field (a BSN or special data
 * where intake forbids it), a repeated ref, a broken tail.
 */
export function importTextArb(good: () => { format: string; persons: ImportPerson[] }): fc.Arbitrary<string> {
  const value = valueArb([])
  const personKeys = ['ref', 'givenName', 'familyName', 'birthDate', 'gender', 'email', 'phone', 'address', 'source', 'registeredOn', 'roles', 'purposes', 'bsn', 'employments', 'recruitment', 'unsubscribedOn', 'doNotContact', 'statementVersion', 'special', 'iban', 'unknownField']
  const mutated = fc
    .record({
      index: fc.nat(),
      key: fc.constantFrom(...personKeys),
      value,
      how: fc.constantFrom('set', 'drop', 'duplicate', 'truncate', 'format', 'wrap')
    })
    .map(({ index, key, value: v, how }) => {
      const file = good()
      const i = index % file.persons.length
      const person = { ...file.persons[i] } as Record<string, unknown>
      if (how === 'drop') delete person[key]
      else person[key] = v
      file.persons[i] = person as ImportPerson
      if (how === 'duplicate') file.persons.push(file.persons[0]!)
      if (how === 'format') (file as Record<string, unknown>)['format'] = v
      const text = JSON.stringify(how === 'wrap' ? [file] : file)
      return how === 'truncate' ? text.slice(0, Math.max(1, Math.floor(text.length * 0.7))) : text
    })
  return fc.oneof(
    { arbitrary: fc.string({ maxLength: 200 }), weight: 1 },
    { arbitrary: fc.json({ maxDepth: 3 }), weight: 2 },
    { arbitrary: mutated, weight: 6 }
  )
}

/** Every string value inside a payload (not keys), for the "no value in an error" check. */
export function stringValues(v: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 6) return out
  if (typeof v === 'string') out.push(v)
  else if (Array.isArray(v)) for (const x of v) stringValues(x, out, depth + 1)
  else if (v && typeof v === 'object' && !(v instanceof Date)) for (const x of Object.values(v)) stringValues(x, out, depth + 1)
  return out
}
