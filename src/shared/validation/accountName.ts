import { z } from 'zod'

/**
 * One canonical form of an account name (issue 15 point 4), used by the key-slot lookup, the
 * account table's uniqueness and sign-in alike: Unicode NFKC (full-width `ａｎｎａ` and the ligature
 * `ﬁ` become `anna`, `fi`), then lower case. What may be chosen is a plain set on top of that —
 * a–z, digits, `.`, `-`, `_`, 2 to 32 characters — so a name cannot look like another one
 * (Cyrillic `а` is not Latin `a`) and a name that folds onto an existing one is that one.
 */
export function canonicalAccountName(raw: string): string {
  // Lower case can leave a string NFKC would change again (`İ` → `i̇`), and NFKC can turn a spacing
  // mark into a space: normalise, fold, normalise, then trim, so the form is a fixed point.
  return raw.normalize('NFKC').toLowerCase().normalize('NFKC').trim()
}

export const ACCOUNT_NAME_PATTERN = /^[a-z0-9._-]{2,32}$/

/** For choosing a name (first run, a new account): validated, and handed on in its canonical form. */
export const accountNameSchema = z
  .string()
  .max(256, 'validation.tooLong')
  .transform(canonicalAccountName)
  .pipe(z.string().min(1, 'validation.required').regex(ACCOUNT_NAME_PATTERN, 'validation.accountName.invalid'))
