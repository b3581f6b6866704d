import type { Lang } from './labels'
import type { RetentionTermUnit } from './retention'

/**
 * A retention term in words, from the policy's `{ amount, unit }` (issue 13 point 6): the one
 * wording of a term for the access report, the processing register, the screens and the README,
 * so no text can state a term the policy does not hold. The `satisfies` makes a new term unit fail
 * to compile until it has its words in both languages.
 */
export interface TermValue {
  amount: number
  unit: RetentionTermUnit
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** The words per unit, both languages (test/shared/vocabulary.test.ts checks every unit has them). */
export const RETENTION_TERM_WORDS = {
  nl: {
    // 28 days is how the law and the statement say it: "4 weken" (Waadi art. 7c).
    days: (n: number) => (n > 0 && n % 7 === 0 ? plural(n / 7, 'week', 'weken') : plural(n, 'dag', 'dagen')),
    months: (n: number) => plural(n, 'kalendermaand', 'kalendermaanden'),
    years: (n: number) => `${n} jaar`,
    fullCalendarYearsAfterYearEnd: (n: number) => `${plural(n, 'vol kalenderjaar', 'volle kalenderjaren')} na het einde van het jaar`
  },
  en: {
    days: (n: number) => (n > 0 && n % 7 === 0 ? plural(n / 7, 'week', 'weeks') : plural(n, 'day', 'days')),
    months: (n: number) => plural(n, 'calendar month', 'calendar months'),
    years: (n: number) => plural(n, 'year', 'years'),
    fullCalendarYearsAfterYearEnd: (n: number) => `${plural(n, 'full calendar year', 'full calendar years')} after the end of the year`
  }
} as const satisfies Record<Lang, Record<RetentionTermUnit, (n: number) => string>>

/** "3 kalendermaanden" / "3 calendar months", "2 jaar" / "2 years", "4 weken" / "4 weeks", … */
export function describeTerm(term: TermValue, lang: Lang): string {
  return RETENTION_TERM_WORDS[lang][term.unit](term.amount)
}
