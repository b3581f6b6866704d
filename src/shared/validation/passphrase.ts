import { z } from 'zod'

/**
 * The passphrase rule, once for every place a passphrase is chosen: first-run setup, a new
 * account, re-enabling one, changing one's own, and recovery with the recovery key — in the
 * contract, the CLI (`init`, `user add`, `recover`) and the renderer's forms. At least 12
 * characters; at most 1024, so nobody hands the key derivation a book.
 */
export const PASSPHRASE_MIN_LENGTH = 12

export const passphraseSchema = z.string().min(PASSPHRASE_MIN_LENGTH, 'validation.passphrase.tooShort').max(1024, 'validation.tooLong')

/** For a form field: the i18n key of what is wrong with `value`, or null when it is a valid passphrase. */
export function passphraseProblem(value: string): string | null {
  const r = passphraseSchema.safeParse(value)
  return r.success ? null : (r.error.issues[0]?.message ?? 'validation.passphrase.tooShort')
}
