/**
 * Sign-in throttling: after 5 failed attempts for an account, each further attempt must
 * wait longer (2^(n-5) seconds, at most 15 minutes). Pure: takes the failure times, returns when
 * the next attempt is allowed.
 */
export const FREE_ATTEMPTS = 5
export const MAX_DELAY_MS = 15 * 60 * 1000
/**
 * Failures over all account names together (issue 15 point 5): guessing across many names, or
 * names that do not exist, is slowed down too once this many have failed since the last sign-in.
 */
export const FREE_ATTEMPTS_OVERALL = 20

export function nextAttemptAllowedAt(failures: readonly number[], free = FREE_ATTEMPTS): number {
  if (failures.length < free) return 0
  const last = failures[failures.length - 1]!
  const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures.length - free))
  return last + delay
}

/**
 * When the next attempt for an account may run: its own failures, and everyone's together. A held
 * journal (found missing, damaged or rolled back at `heldSince`: see signInJournal.ts) is the
 * maximum throttle for every account: the maximum delay after the hold began and after each
 * failure since, until a successful sign-in ends the hold.
 */
export function signInAllowedAt(accountFailures: readonly number[], allFailures: readonly number[], heldSince: number | null = null): number {
  const counted = Math.max(nextAttemptAllowedAt(accountFailures), nextAttemptAllowedAt(allFailures, FREE_ATTEMPTS_OVERALL))
  if (heldSince === null) return counted
  return Math.max(counted, Math.max(heldSince, ...allFailures) + MAX_DELAY_MS)
}
