/**
 * R-4a: free text is not a back door. Says which special categories a piece of free text
 * looks like, using the maintained term list (specialDataTerms.ts). Pure and browser-safe: the
 * intake and edit forms warn with it before saving, main records the warning in the audit trail
 * and the import reports it per row and field.
 *
 * Matching: whole words, case- and diacritics-insensitive (`Hernía` = `hernia`), hyphens and
 * soft hyphens do not split a term (`burn-out`, `burn out`), Dutch compounds through wildcard
 * terms (`*hernia` = `rughernia`). Words on the ignore list (street names) never count, and web
 * addresses and e-mail addresses are skipped: they name a site, not the person.
 *
 * What this module must never do: return, log or keep the text or the word that matched — the
 * answer is categories (and the field they were found in) only.
 */
import { SPECIAL_CATEGORIES, type SpecialCategory } from '../vocabulary'
import { CHECKED_FREE_TEXT_FIELDS, type FreeTextField, SPECIAL_DATA_TERMS, type SpecialDataTerms } from './specialDataTerms'

/** One category a text looks like; `field` when a person's fields were checked. */
export interface SpecialDataHint {
  readonly category: SpecialCategory
  readonly field?: FreeTextField
}

/** Web and e-mail addresses (`https://…`, `www.…`, `x@y`, `diabetes.nl/…`): not words about the person. */
const ADDRESSES = /(?:https?:\/\/|www\.)\S*|\S+@\S+|[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:nl|com|org|net|eu|be|de|info|io|nu)(?![\p{L}\p{N}])\S*/giu
const SOFT_HYPHEN = /\u00AD/g
const MARKS = /\p{M}/gu
const NON_WORD = /[^\p{L}\p{N}]+/u

/** The words of a text as the term list is matched against them: lower case, no accents, no addresses. */
export function wordsOf(text: string): string[] {
  return text
    .replace(ADDRESSES, ' ')
    .replace(SOFT_HYPHEN, '')
    .normalize('NFD')
    .replace(MARKS, '')
    .toLowerCase()
    .split(NON_WORD)
    .filter((word) => word !== '')
}

interface Affix {
  readonly core: string
  readonly category: SpecialCategory | null
}

/** The term list compiled for lookups per word (built once per list). */
interface TermIndex {
  readonly words: Map<string, Set<SpecialCategory>>
  readonly phrases: Map<string, { rest: string[]; category: SpecialCategory }[]>
  /** `core*`, keyed by the core's first three letters. */
  readonly starts: Map<string, Affix[]>
  /** `*core`, keyed by the core's last three letters. */
  readonly ends: Map<string, Affix[]>
  /** `*core*`. */
  readonly contains: Affix[]
  /** Exact words and affixes that are never counted (category null). */
  readonly ignoreWords: Set<string>
  readonly ignoreStarts: Map<string, Affix[]>
  readonly ignoreEnds: Map<string, Affix[]>
  readonly ignoreContains: Affix[]
}

const AFFIX_KEY = 3
const indexes = new WeakMap<SpecialDataTerms, TermIndex>()

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

function compile(terms: SpecialDataTerms): TermIndex {
  const index: TermIndex = {
    words: new Map(),
    phrases: new Map(),
    starts: new Map(),
    ends: new Map(),
    contains: [],
    ignoreWords: new Set(),
    ignoreStarts: new Map(),
    ignoreEnds: new Map(),
    ignoreContains: []
  }
  const add = (term: string, category: SpecialCategory | null) => {
    const wildStart = term.startsWith('*')
    const wildEnd = term.endsWith('*')
    if (wildStart || wildEnd) {
      const core = wordsOf(term.replace(/\*/g, '')).join('')
      const affix = { core, category }
      if (wildStart && wildEnd) (category ? index.contains : index.ignoreContains).push(affix)
      else if (wildEnd) push(category ? index.starts : index.ignoreStarts, core.slice(0, AFFIX_KEY), affix)
      else push(category ? index.ends : index.ignoreEnds, core.slice(-AFFIX_KEY), affix)
      return
    }
    const [first, ...rest] = wordsOf(term)
    if (first === undefined) return
    if (category === null) index.ignoreWords.add([first, ...rest].join(' '))
    else if (rest.length === 0) {
      const set = index.words.get(first) ?? new Set()
      set.add(category)
      index.words.set(first, set)
    } else push(index.phrases, first, { rest, category })
  }
  for (const category of SPECIAL_CATEGORIES) for (const term of terms.categories[category]) add(term, category)
  for (const term of terms.ignore) add(term, null)
  return index
}

function indexOf(terms: SpecialDataTerms): TermIndex {
  let index = indexes.get(terms)
  if (!index) {
    index = compile(terms)
    indexes.set(terms, index)
  }
  return index
}

function affixMatches(word: string, affixes: readonly Affix[] | undefined, test: (word: string, core: string) => boolean, found: (a: Affix) => void): void {
  if (!affixes) return
  for (const affix of affixes) if (test(word, affix.core)) found(affix)
}

function ignored(index: TermIndex, word: string): boolean {
  let hit = index.ignoreWords.has(word)
  const mark = () => {
    hit = true
  }
  if (!hit) affixMatches(word, index.ignoreStarts.get(word.slice(0, AFFIX_KEY)), (w, c) => w.startsWith(c), mark)
  if (!hit) affixMatches(word, index.ignoreEnds.get(word.slice(-AFFIX_KEY)), (w, c) => w.endsWith(c), mark)
  if (!hit) affixMatches(word, index.ignoreContains, (w, c) => w.includes(c), mark)
  return hit
}

/**
 * The special categories `text` looks like, each once, in the order of SPECIAL_CATEGORIES.
 * Never the text or the matching word. `terms` is the list in force unless a test passes another.
 */
export function detectSpecialData(text: string, terms: SpecialDataTerms = SPECIAL_DATA_TERMS): SpecialDataHint[] {
  const index = indexOf(terms)
  const words = wordsOf(text)
  const found = new Set<SpecialCategory>()
  const note = (affix: Affix) => {
    if (affix.category) found.add(affix.category)
  }
  words.forEach((word, at) => {
    for (const phrase of index.phrases.get(word) ?? []) {
      if (phrase.rest.every((next, i) => words[at + 1 + i] === next)) found.add(phrase.category)
    }
    if (ignored(index, word)) return
    for (const category of index.words.get(word) ?? []) found.add(category)
    affixMatches(word, index.starts.get(word.slice(0, AFFIX_KEY)), (w, c) => w.startsWith(c), note)
    affixMatches(word, index.ends.get(word.slice(-AFFIX_KEY)), (w, c) => w.endsWith(c), note)
    affixMatches(word, index.contains, (w, c) => w.includes(c), note)
  })
  return SPECIAL_CATEGORIES.filter((category) => found.has(category)).map((category) => ({ category }))
}

/**
 * The categories found in a person's checked free-text fields (CHECKED_FREE_TEXT_FIELDS), field by
 * field in that order. Absent, null and blank fields are skipped.
 */
export function detectSpecialDataInFields(
  values: { readonly [F in FreeTextField]?: unknown },
  fields: readonly FreeTextField[] = CHECKED_FREE_TEXT_FIELDS
): Required<SpecialDataHint>[] {
  return fields.flatMap((field) => {
    const text = values[field]
    if (typeof text !== 'string' || text.trim() === '') return []
    return detectSpecialData(text).map(({ category }) => ({ category, field }))
  })
}
