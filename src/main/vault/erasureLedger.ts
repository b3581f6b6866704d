import { closeSync, existsSync, fstatSync, fsync, fsyncSync, openSync, readFileSync, readSync, writeSync } from 'node:fs'
import { promisify } from 'node:util'
import { hkdfSync } from 'node:crypto'
import { hmacSha256 } from './hmacKey'
import { dirname } from 'node:path'
import { z } from 'zod'
import type { CalendarDate } from '../../shared/domain'
import type { DoNotContactEntry } from './entities/DoNotContactEntry'

/**
 * The erasure ledger (issue 15 point 3, R-15, R-19): `erasures.ledger` beside the database, one
 * JSON line per removal of a person's data by an erasure or the retention sweep, so that a restore
 * of an older backup can re-apply them (retention/reapplyErasures.ts) and never bring an erased
 * person back. A line holds only keyed hashes (HMAC-SHA256) of the person's id and of the removed
 * record's id, the kind of removal and its rule, the date it applied as of and when it was written:
 * no name, no value, nothing a reader without the vault's data key can link to a person.
 *
 * The key is derived from the vault's data key (HKDF), which every backup of the same vault shares,
 * so the hashes written after a backup are computable in the restored vault. A backup of another
 * vault has another key: its entries carry a key id and are skipped there.
 *
 * Written just BEFORE the transaction that removes the data commits (VaultWorkspace.write), one
 * append + fsync per transaction: a crash in between leaves an entry whose removal did not happen
 * (re-applying checks what is still there first, so that costs nothing), never a removal without
 * its entry. A torn last line (a crash mid-append) is skipped on reading, and the next append
 * starts on a fresh line. The file is 0600 in the 0700 vault folder and is never replaced by a
 * restore (vault/backup.ts keeps it).
 */
export const LEDGER_FILE = 'erasures.ledger'

/** What a removal re-applies as: the deletion paths of retention/ (and rights/ through them). */
export const ERASURE_KINDS = [
  'delete',
  'reduce-to-legal-hold',
  'purge-id-record',
  'purge-attachment',
  'purge-consent-data',
  // a withdrawal (target: the consent) removes that category and purpose's special data.
  'withdraw-consent',
  // R-19 rectification: one special-data value or one attachment deleted by staff (target: its id).
  'delete-special-data',
  'delete-attachment',
  // a do-not-contact entry (its keyed hashes ride along: the register's own HMACs, no value).
  'do-not-contact',
  // a do-not-contact entry lifted at the person's request (its id rides along; subject: the entry id).
  'do-not-contact-lift'
] as const
export type ErasureKind = (typeof ERASURE_KINDS)[number]

/** What domain code records (Tx.noteErasure); hashed and dated by the ledger. */
export interface ErasureNote {
  kind: ErasureKind
  personId: string
  /** the attachment or consent a purge removed */
  targetId?: string
  /** the retention rule, or the erasure's rule (e.g. `erasure-request`) */
  rule: string
  /** `delete`: retention or erasure (the tombstone's cause) and the policy version it names */
  cause?: 'retention' | 'erasure'
  policyVersion?: number
  /** `reduce-to-legal-hold` by an erasure: the request also ended mediation (unsubscribedOn) */
  endsMediation?: boolean
  /** `do-not-contact`: the register's entry as stored (keyed hashes, date, reason category) */
  doNotContact?: DoNotContactRow
  /** `do-not-contact-lift`: the register entry's id (a random id, nothing about the person) */
  doNotContactId?: string
}

/** A do-not-contact register row as the ledger carries it: the entity's row as stored. */
export type DoNotContactRow = DoNotContactEntry

const hex = (n: number) => z.string().regex(new RegExp(`^[0-9a-f]{${n}}$`))

const entrySchema = z.strictObject({
  v: z.literal(1),
  key: hex(16),
  subject: hex(64),
  target: hex(64).optional(),
  kind: z.enum(ERASURE_KINDS),
  rule: z.string().min(1).max(80),
  cause: z.enum(['retention', 'erasure']).optional(),
  policyVersion: z.number().int().nonnegative().optional(),
  endsMediation: z.literal(true).optional(),
  doNotContact: z
    .strictObject({
      id: z.uuid(),
      emailHash: hex(64).nullable(),
      phoneHash: hex(64).nullable(),
      urlHash: hex(64).nullable(),
      recordedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      reasonCategory: z.string().regex(/^[a-z-]{1,32}$/)
    })
    .optional(),
  doNotContactId: z.uuid().optional(),
  /** the calendar date the removal applied as of (the tombstone's date) */
  on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** when the transaction began (UTC), to tell entries newer than a backup */
  at: z.iso.datetime()
})
export type ErasureLedgerEntry = z.infer<typeof entrySchema>

/** The ledger's HMAC key: HKDF-SHA256 of the data key, bound to the vault id and this purpose. */
export function ledgerKeyFrom(dataKey: Buffer, vaultId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.from(vaultId, 'utf8'), 'dossier/erasure-ledger/1', 32))
}

/**
 * The ledger's entries as keyed hashes (no personal value), wherever they are kept: the local
 * vault's file (`ErasureLedger`), or the office server's table (server/ServerVault.ts).
 */
export class ErasureEntries {
  /** Identifies the key (not the key itself): entries of another vault's key are not this vault's. */
  readonly keyId: string

  constructor(private readonly key: Buffer) {
    this.keyId = this.hmac('key-id', '').slice(0, 16)
  }

  /** The keyed hash a person's id is recorded under. */
  subjectOf(personId: string): string {
    return this.hmac('subject', personId)
  }

  /** The keyed hash an attachment's or consent's id is recorded under. */
  targetOf(id: string): string {
    return this.hmac('target', id)
  }

  /** The notes as the ledger's lines (JSON, one per note). */
  lines(notes: readonly (ErasureNote & { on: CalendarDate; at: string })[]): string[] {
    return notes.map((n) => {
      const entry: ErasureLedgerEntry = {
        v: 1,
        key: this.keyId,
        subject: this.subjectOf(n.personId),
        ...(n.targetId !== undefined ? { target: this.targetOf(n.targetId) } : {}),
        kind: n.kind,
        rule: n.rule,
        ...(n.cause !== undefined ? { cause: n.cause } : {}),
        ...(n.policyVersion !== undefined ? { policyVersion: n.policyVersion } : {}),
        ...(n.endsMediation ? { endsMediation: true as const } : {}),
        ...(n.doNotContact ? { doNotContact: n.doNotContact } : {}),
        ...(n.doNotContactId !== undefined ? { doNotContactId: n.doNotContactId } : {}),
        on: n.on,
        at: n.at
      }
      return JSON.stringify(entrySchema.parse(entry))
    })
  }

  private hmac(purpose: string, value: string): string {
    return hmacSha256(this.key).update(`${purpose}\u0000${value}`).digest('hex')
  }
}

/** The local vault's ledger: a file beside the database (see above). */
export class ErasureLedger extends ErasureEntries {
  constructor(
    readonly file: string,
    key: Buffer
  ) {
    super(key)
  }

  /**
   * Appends the transaction's notes as one write, synced, before its commit. The sync runs off
   * the main thread (issue 18: it takes 2-15 ms on an ordinary disk, and the retention sweep does
   * one per transaction); the caller's transaction waits for it, so the order holds.
   */
  async append(notes: readonly (ErasureNote & { on: CalendarDate; at: string })[]): Promise<void> {
    if (notes.length === 0) return
    await appendLinesAsync(this.file, this.lines(notes))
  }

  /** This vault's entries in the order written; lines that do not parse (torn, another format) are skipped. */
  entries(): ErasureLedgerEntry[] {
    return readLedgerLines(this.file).filter((e) => e.key === this.keyId)
  }
}

/** Every well-formed entry of a ledger file (any key), in file order; none when there is no file. */
export function readLedgerLines(file: string): ErasureLedgerEntry[] {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return []
  }
  return parseLedgerLines(text.split('\n'))
}

/** The well-formed entries among `lines` (any key), in order; a torn or foreign line is skipped. */
export function parseLedgerLines(lines: readonly string[]): ErasureLedgerEntry[] {
  const entries: ErasureLedgerEntry[] = []
  for (const line of lines) {
    if (line.trim() === '') continue
    let json: unknown
    try {
      json = JSON.parse(line)
    } catch {
      continue
    }
    const parsed = entrySchema.safeParse(json)
    if (parsed.success) entries.push(parsed.data)
  }
  return entries
}

/** One append, synced; the file is created 0600. After a torn line (a crash mid-append) the new lines start on a line of their own. */
function appendLines(file: string, lines: readonly string[]): void {
  if (lines.length === 0) return
  const created = !existsSync(file)
  const fd = openSync(file, 'a', 0o600)
  try {
    writeLines(fd, file, lines)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  if (created) syncFolder(dirname(file))
}

/** `appendLines`, with the sync on libuv's thread pool: the event loop runs meanwhile. */
async function appendLinesAsync(file: string, lines: readonly string[]): Promise<void> {
  if (lines.length === 0) return
  const created = !existsSync(file)
  const fd = openSync(file, 'a', 0o600)
  try {
    writeLines(fd, file, lines)
    await promisify(fsync)(fd)
  } finally {
    closeSync(fd)
  }
  if (created) syncFolder(dirname(file))
}

function writeLines(fd: number, file: string, lines: readonly string[]): void {
  const size = fstatSync(fd).size
  const torn = size > 0 && readTail(file, size, Buffer.alloc(1)) !== 0x0a
  writeSync(fd, (torn ? '\n' : '') + lines.join('\n') + '\n')
}

function readTail(file: string, size: number, buf: Buffer): number | undefined {
  const fd = openSync(file, 'r')
  try {
    return readSync(fd, buf, 0, 1, size - 1) === 1 ? buf[0] : undefined
  } finally {
    closeSync(fd)
  }
}

/** A new file's name is durable only once its folder is synced (not possible on every platform). */
function syncFolder(dir: string): void {
  let fd: number | undefined
  try {
    fd = openSync(dir, 'r')
    fsyncSync(fd)
  } catch {
    // Windows cannot open a folder for syncing; NTFS journals the name itself.
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** The well-formed lines of a ledger file, as text (a backup carries them in its header). */
export function ledgerText(file: string): string {
  return readLedgerLines(file)
    .map((e) => JSON.stringify(e) + '\n')
    .join('')
}

/**
 * A restore keeps the vault's own ledger and adds the lines of the backup's that it lacks (a
 * vault restored on a new computer from its latest backup has only the backup's ledger; an older
 * backup restored later must still re-apply what that one knew of).
 */
export function mergeLedgerText(text: string, into: string): void {
  const have = new Set(readLedgerLines(into).map((e) => JSON.stringify(e)))
  const missing = text
    .split('\n')
    .map((line) => {
      try {
        const parsed = entrySchema.safeParse(JSON.parse(line))
        return parsed.success ? JSON.stringify(parsed.data) : null
      } catch {
        return null
      }
    })
    .filter((line): line is string => line !== null && !have.has(line))
  appendLines(into, missing)
}
