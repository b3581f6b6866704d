/**
 * Sign-in throttling: after 5 failed attempts for an account, each further attempt must
 * wait longer (2^(n-5) seconds, at most 15 minutes). Pure: takes the failure times, returns when
 * the next attempt is allowed.
 */
export const FREE_ATTEMPTS = 5
export const MAX_DELAY_MS = 15 * 60 * 1000

export function nextAttemptAllowedAt(failures: readonly number[]): number {
  if (failures.length < FREE_ATTEMPTS) return 0
  const last = failures[failures.length - 1]!
  const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures.length - FREE_ATTEMPTS))
  return last + delay
}
