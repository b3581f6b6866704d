import { existsSync, readFileSync, unlinkSync } from 'node:fs'
import { z } from 'zod'
import { writeFileAtomic } from '../vault/vaultFiles'

/**
 * Failed sign-ins happen while the vault is locked, so they cannot be written to the audit trail
 * at once. They are kept here (keyring lookup hashes and times only — no names) and moved into the
 * audit trail at the next successful unlock. The same record drives the throttle.
 */
const journalSchema = z.object({ failures: z.array(z.object({ lookup: z.string(), at: z.number(), audited: z.boolean().default(false) })) })
export type JournalEntry = z.infer<typeof journalSchema>['failures'][number]

export class SignInJournal {
  constructor(private readonly path: string) {}

  read(): JournalEntry[] {
    if (!existsSync(this.path)) return []
    try {
      return journalSchema.parse(JSON.parse(readFileSync(this.path, 'utf8'))).failures
    } catch {
      return []
    }
  }

  failuresFor(lookup: string): number[] {
    return this.read().filter((f) => f.lookup === lookup).map((f) => f.at)
  }

  record(entry: JournalEntry): void {
    writeFileAtomic(this.path, JSON.stringify({ failures: [...this.read(), entry].slice(-1000) }))
  }

  /**
   * After a successful sign-in (once the caller has audited the unaudited entries): the signed-in
   * account's failures stop counting; other accounts' stay, marked as audited.
   */
  settle(signedInLookup: string): void {
    const rest = this.read()
      .filter((f) => f.lookup !== signedInLookup)
      .map((f) => ({ ...f, audited: true }))
    if (rest.length === 0) {
      if (existsSync(this.path)) unlinkSync(this.path)
    } else {
      writeFileAtomic(this.path, JSON.stringify({ failures: rest }))
    }
  }
}
