import { existsSync, readFileSync } from 'node:fs'
import { z } from 'zod'
import { writeFileAtomic } from '../vault/vaultFiles'

/**
 * Failed sign-ins happen while the vault is locked, so they cannot be written to the audit trail
 * at once. They are kept here (keyring lookup hashes and times only — no names) and moved into the
 * audit trail at the next successful unlock. The same record drives the throttle.
 *
 * Deleting the journal must not reset the throttle (issue 15 point 5). The design:
 * - The journal exists for as long as the vault does: `create` writes it at setup, a restore keeps
 *   the folder's journal, and a successful sign-in empties it but never deletes it.
 * - So in an existing vault a journal that is missing, empty, truncated or unreadable was removed
 *   or damaged, and the journal is then *held*: recreated at once with the moment it was found,
 *   and every attempt (any account) waits the maximum delay after that moment and after each
 *   later failure, until someone signs in successfully. Deleting or emptying it therefore never
 *   buys an attempt: it costs the wait a fully throttled guesser has anyway.
 * - Held is a wait, never a lock-out: after `MAX_DELAY_MS` the office's correct passphrase opens
 *   the vault and clears the hold (and the recovery key is never throttled).
 * - Every write carries a generation one higher than the last this process saw; a journal with a
 *   lower generation is an old copy put back, and is held too. That catches a rollback under the
 *   running app, where online guessing happens; a fresh process has no memory to compare with.
 *
 * Why not a counter where deleting it kills the vault (the keyring, the database): a key slot is
 * authenticated under its passphrase and the database under the data key, and a failed attempt
 * has neither, so a failure cannot be recorded there; and the keyring format is not ours to change.
 * What no design in the folder can stop: a forged, well-formed journal (no secret is available
 * while the vault is locked to authenticate it), and offline guessing by someone who copies
 * keyring.json (scrypt's cost is the defence there). The throttle slows guessing through Dossier.
 *
 * A vault created before the journal was kept has none until its first sign-in: that first
 * attempt waits once, like any missing journal.
 */
const journalSchema = z.object({
  generation: z.number().int().nonnegative().default(0),
  /** When the journal was found missing, damaged or rolled back (ms); null once someone signed in. */
  heldSince: z.number().nullable().default(null),
  failures: z.array(z.object({ lookup: z.string(), at: z.number(), audited: z.boolean().default(false) }))
})
export type JournalEntry = z.infer<typeof journalSchema>['failures'][number]
export interface JournalState {
  failures: JournalEntry[]
  heldSince: number | null
}

export class SignInJournal {
  /** The highest generation this process has read or written (0: none yet). */
  private seenGeneration = 0

  constructor(private readonly path: string) {}

  /** A new vault's empty journal. */
  create(): void {
    this.write({ failures: [], heldSince: null })
  }

  /**
   * The journal as it stands. Missing, unreadable or older than one this process saw: recreated
   * held since `now` (see above), keeping the failures still known.
   */
  load(now: number, opts: { journalPredatesVault?: boolean } = {}): JournalState {
    let parsed: z.infer<typeof journalSchema> | null = null
    // A vault made before the journal was kept for good (keyring format 1, which an insider cannot
    // fake: a later slot no longer opens under it) has none yet: it starts empty, not held.
    if (!existsSync(this.path) && opts.journalPredatesVault === true) {
      const fresh: JournalState = { failures: [], heldSince: null }
      this.write(fresh)
      return fresh
    }
    if (existsSync(this.path)) {
      try {
        parsed = journalSchema.parse(JSON.parse(readFileSync(this.path, 'utf8')))
      } catch {
        parsed = null
      }
    }
    if (parsed && parsed.generation >= this.seenGeneration) {
      this.seenGeneration = parsed.generation
      return { failures: parsed.failures, heldSince: parsed.heldSince }
    }
    const held: JournalState = { failures: parsed?.failures ?? [], heldSince: now }
    this.write(held)
    return held
  }

  record(entry: JournalEntry, now: number): void {
    const state = this.load(now)
    this.write({ ...state, failures: [...state.failures, entry].slice(-1000) })
  }

  /**
   * After a successful sign-in (once the caller has audited the unaudited entries): the signed-in
   * account's failures stop counting and a hold ends; other accounts' stay, marked as audited.
   */
  settle(signedInLookup: string, now: number): void {
    const rest = this.load(now)
      .failures.filter((f) => f.lookup !== signedInLookup)
      .map((f) => ({ ...f, audited: true }))
    this.write({ failures: rest, heldSince: null })
  }

  private write(state: JournalState): void {
    const generation = this.seenGeneration + 1
    writeFileAtomic(this.path, JSON.stringify({ generation, heldSince: state.heldSince, failures: state.failures }))
    this.seenGeneration = generation
  }
}
