/**
 * How a closed vocabulary is labelled: one table per language with exactly the list's members (the
 * `satisfies` in each vocabulary file fails to compile when a member lacks a label, and
 * test/shared/vocabulary.test.ts checks it again at run time).
 *
 * Most vocabularies have two wordings, both defined here once: the full wording the printed
 * documents use (the access report, the shared profile, the registers: a reader without context)
 * and the shorter wording of the app's screens (option lists, table cells). Where a list is only
 * ever shown in one of the two, it has one table.
 */
export const LANGS = ['nl', 'en'] as const
export type Lang = (typeof LANGS)[number]

export type VocabularyLabels<K extends string> = Readonly<Record<Lang, Readonly<Record<K, string>>>>

/**
 * A member's label; a value the table does not know (a free-text legal basis, a value from an
 * older version) is shown as itself rather than dropped.
 */
export function labelOr(table: Readonly<Record<string, string>>, key: string): string {
  return Object.hasOwn(table, key) ? (table[key] ?? key) : key
}
