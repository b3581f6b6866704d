/**
 * Issue 14 point 3 (R-18a): what a printed access report must never show — an internal code
 * instead of words. Used on the report's HTML text (in-process) and on `pdftotext` of the PDF (CLI).
 */
import * as vocabulary from '../../../src/shared/vocabulary'

const idLists = (Object.values(vocabulary) as unknown[]).filter((v): v is readonly string[] => Array.isArray(v) && v.every((x) => typeof x === 'string'))
const allIds = [...new Set(idLists.flat())]
/** Ids that cannot be ordinary words in either language: hyphenated, snake or camelCase. */
const CODE_LIKE = allIds.filter((id) => /[-_]|[a-z][A-Z]/.test(id))
/** In a Dutch report an English vocabulary id is a raw code too. */
const ENGLISH_IDS = [
  ...vocabulary.PURPOSES,
  ...vocabulary.LEGAL_BASES,
  ...vocabulary.DISCLOSURE_PURPOSES,
  ...vocabulary.RETENTION_STATES,
  ...vocabulary.REQUEST_KINDS,
  ...vocabulary.REPORTED_REQUEST_STATUSES,
  ...vocabulary.REPORTED_CONSENT_STATES,
  ...vocabulary.SPECIAL_CATEGORIES,
  ...vocabulary.CONSENT_METHODS,
  ...vocabulary.GENDERS,
  ...vocabulary.MARITAL_STATUSES
].filter((id) => !/[-_]/.test(id))

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const word = (id: string) => new RegExp(`(?<![\\w@./-])${escape(id)}(?![\\w-])`)

/** Every raw code found in a report's text, with a hint of which rule it broke. */
export function rawCodesIn(text: string, lang: 'nl' | 'en'): string[] {
  const found: string[] = []
  for (const id of CODE_LIKE) if (word(id).test(text)) found.push(id)
  if (lang === 'nl') for (const id of ENGLISH_IDS) if (word(id).test(text)) found.push(id)
  for (const id of ['presentation', 'assignment']) if (new RegExp(`\\b${id}\\b`, 'i').test(text)) found.push(id)
  for (const m of text.matchAll(/\b[a-z]+[A-Z][A-Za-z]*\b/g)) found.push(`camelCase ${m[0]}`)
  for (const m of text.matchAll(/\b(?:retention|rights|relations|consent|validation)\.[a-z]/g)) found.push(`i18n key ${m[0]}`)
  for (const m of text.matchAll(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi)) found.push(`uuid ${m[0]}`)
  for (const m of text.matchAll(/\b\d{4}-\d{2}-\d{2}\b/g)) found.push(`ISO date ${m[0]}`)
  return [...new Set(found)]
}

/** The visible text of an HTML document (no style, no meta), whitespace collapsed. */
export function htmlText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<title>[\s\S]*?<\/title>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
}
