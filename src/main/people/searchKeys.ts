/**
 * Normalised copies of names for indexed prefix search (`person.searchGiven`/`searchFamily`):
 * lower case, accents stripped, single spaces. Dutch family names are searched without their
 * tussenvoegsel (name prefix such as "van der"): "van den Berg" is stored as "berg van den", so
 * typing "berg" or "van den berg" both find it. Kept in sync on every write of a name.
 */

/** Dutch (and a few neighbouring) name prefixes that are not sorted on. */
const TUSSENVOEGSELS: ReadonlySet<string> = new Set([
  'van', 'de', 'der', 'den', 'het', "'t", 't', 'te', 'ten', 'ter', 'in', "'s", 'op', 'aan', 'bij', 'uit', 'onder', 'over', 'voor',
  'von', 'vom', 'zu', 'la', 'le', 'du', 'des', 'di', 'da', 'del', 'della', 'dos'
])

/** `" Zoë  Ç. "` → `"zoe c."`. */
export function searchText(input: string): string {
  return input.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim()
}

export function givenSearchKey(givenName: string): string {
  return searchText(givenName)
}

function splitTussenvoegsel(familyName: string): { core: string; prefix: string } {
  const words = searchText(familyName).split(' ').filter((w) => w !== '')
  let i = 0
  while (i < words.length && TUSSENVOEGSELS.has(words[i]!)) i++
  return { core: words.slice(i).join(' '), prefix: words.slice(0, i).join(' ') }
}

/** `"van den Berg"` → `"berg van den"`; a name made only of prefix words leads with its last one (`"de La"` → `"la de"`). */
export function familySearchKey(familyName: string): string {
  const { core, prefix } = splitTussenvoegsel(familyName)
  if (core === '') {
    // Only prefix words ("de La", "Van"): the last one is the name as typed after the others
    // ("DE l…" looks for "l"), so it leads the key: "la de".
    const words = prefix.split(' ')
    const last = words.pop() ?? ''
    return words.length === 0 ? last : `${last} ${words.join(' ')}`
  }
  return prefix === '' ? core : `${core} ${prefix}`
}

/**
 * The family-name part of a search query: its tussenvoegsel is dropped (the stored key starts with
 * the core name). `""` when the query is only prefix words ("van de" while typing): no constraint.
 */
export function familyQueryKey(query: string): string {
  return splitTussenvoegsel(query).core
}

/**
 * The exclusive upper bound of a prefix range: `col >= prefix AND col < bound` finds every value
 * starting with `prefix` and can use a plain (binary-collated) index, unlike `LIKE`.
 */
export function prefixUpperBound(prefix: string): string {
  if (prefix === '') throw new Error('empty prefix')
  const last = prefix.charCodeAt(prefix.length - 1)
  return prefix.slice(0, -1) + String.fromCharCode(last + 1)
}
