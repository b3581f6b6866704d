/**
 * The records list's search as it was left (issue 16 point 5): query, filters, sort, how many
 * pages were shown and the scroll position, so "back to the search results" on a person's page
 * restores it. Kept in this module's memory only (like the intake draft: a typed name is personal
 * data and never goes to storage or disk), for the account that searched; cleared on sign-out.
 */
import type { PersonRole, RetentionState } from '../../../../shared/domain'
import type { PersonSortKey } from '../../../../shared/contract/people'

/** `active` (the default list), `all` or one state — the last two only for a privacy officer. */
export type StateFilter = 'active' | 'all' | RetentionState

export interface RecordsSearch {
  query: string
  role: PersonRole | ''
  state: StateFilter
  sort: PersonSortKey
  direction: 'asc' | 'desc'
  /** the window's scroll position when a person was opened */
  scrollY: number
}

export const DEFAULT_SEARCH: RecordsSearch = { query: '', role: '', state: 'active', sort: 'name', direction: 'asc', scrollY: 0 }

let kept: { accountId: string; search: RecordsSearch } | null = null

/** The search `accountId` left, or the default one (another account's search is dropped). */
export function keptSearch(accountId: string): RecordsSearch {
  if (kept && kept.accountId !== accountId) kept = null
  return kept?.search ?? DEFAULT_SEARCH
}

export function keepSearch(accountId: string, search: RecordsSearch): void {
  kept = { accountId, search }
}

export function clearSearch(): void {
  kept = null
}
