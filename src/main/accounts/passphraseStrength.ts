import type { ZxcvbnFactory } from '@zxcvbn-ts/core'
import { DossierError } from '../../shared/errors'

/**
 * Passphrase strength (issue 15 point 5): besides the 12 characters of the shared schema, a
 * passphrase must not be guessable — twelve spaces, `aaaaaaaaaaaa`, `password1234`, `welkom01welkom`
 * and a name repeated four times are all twelve characters. zxcvbn-ts estimates the guesses with
 * the common, English and Dutch dictionaries, the keyboard graphs and the person's own name and
 * account; a score of 3 or more (of 4) is required. Main only: the dictionaries (about 10 MB)
 * are loaded on the first passphrase someone chooses, not at start and never in the renderer.
 */
export const MIN_SCORE = 3

let estimator: Promise<ZxcvbnFactory> | null = null

function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, en, nl] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
      import('@zxcvbn-ts/language-nl-be')
    ])
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary, ...nl.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations
    })
  })()
  return estimator
}

/** The estimated strength, 0 (guessed at once) to 4; `context` holds words the guesser would try first (name, account). */
export async function passphraseScore(passphrase: string, context: readonly string[] = []): Promise<number> {
  const z = await loadEstimator()
  return (await z.check(passphrase, [...context])).score
}

/** Refuses a guessable passphrase with the field named (`field`), never the value. */
export async function requireStrongPassphrase(passphrase: string, context: readonly string[], field = 'passphrase'): Promise<void> {
  if ((await passphraseScore(passphrase, context)) < MIN_SCORE) {
    throw new DossierError('VALIDATION_FAILED', 'The passphrase is too easy to guess.', { issues: [{ path: field, key: 'validation.passphrase.weak' }] })
  }
}
