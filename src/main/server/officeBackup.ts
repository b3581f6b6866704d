import { randomUUID } from 'node:crypto'
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs'
import { gunzipSync, gzipSync } from 'node:zlib'
import type { DataSource, EntityManager, EntityMetadata, ObjectLiteral } from 'typeorm'
import { z } from 'zod'
import { DossierError } from '../../shared/errors'
import { MIGRATIONS } from '../vault/migrations'
import { openFieldBytes, sealFieldBytes } from './fieldCipher'
import { OFFICE_KEY_SLOT_TABLE, type OfficeKeys, storedOfficeKeyring } from './officeKeyring'
import { OFFICE_SECRET_TABLE } from './officeSecrets'
import { ERASURE_LEDGER_TABLE } from './serverErasureLedger'

/**
 * Issue 17 point 5: `dossier server backup --out FILE` and `server restore --in FILE`.
 *
 * A backup holds what the office server holds and nothing more: every Dossier table read by the
 * schema's owner, so the sealed columns stay sealed (vault/sealedColumns.ts) and special-category
 * values stay sealed to the restricted key; no key is in it. On top of that the whole file is
 * encrypted on the desk under the office data key (opened from an administrator's key slot), in
 * chunks of AES-256-GCM bound to the office, the backup and the chunk's place, the last one
 * saying how many came before it: a file that is cut short, reordered, spliced from two backups
 * or altered does not restore, and one that leaves the office (a lost disk, a copied file) shows
 * no name, no address and no count.
 *
 * A restore follows the local restore's rules (services/vaultBackup.ts): the same office only
 * (another office's key does not open it), the same schema; all or nothing in one transaction;
 * the office's keys, slots, logins and erasure ledger are the office's now, not the backup's; then
 * every erasure in the ledger that the restored data does not show is made again
 * (retention/reapplyErasures.ts), so a restore never brings an erased person back.
 */
export const OFFICE_BACKUP_FORMAT = 'dossier-office-backup/2'
/** The first format: no keyring and no office tables; it restores into its own office only. */
const FIRST_FORMAT = 'dossier-office-backup/1'

/** Rows per chunk; a chunk is gzipped JSON before it is sealed. */
const CHUNK_ROWS = 2_000

/**
 * The office keyring as stored (officeKeyring.ts): its id, its salt, and every key slot, each
 * wrapped under its account's passphrase-derived key (or the recovery key). What a restore onto an
 * empty office database opens with an administrator's passphrase before it can read anything else.
 */
const keyringSchema = z.strictObject({
  format: z.string().min(1).max(40),
  lookupSalt: z.string().min(1).max(64),
  /** each slot as stored, without its login's name (that is in the sealed `office_key_slot` rows) */
  slots: z.array(z.strictObject({ slotId: z.uuid(), slot: z.string().min(1).max(20_000) })).max(10_000)
})

const headerSchema = z.strictObject({
  format: z.enum([OFFICE_BACKUP_FORMAT, FIRST_FORMAT]),
  backupId: z.uuid(),
  officeId: z.string().min(1).max(100),
  createdAt: z.iso.datetime(),
  schemaVersion: z.number().int().positive(),
  keyring: keyringSchema.optional()
})
export type OfficeBackupHeader = z.infer<typeof headerSchema>

/** One chunk's content: some rows of one table, or the end (how many chunks came before it and the rows per table). */
const chunkSchema = z.union([
  z.strictObject({ table: z.string().regex(/^[a-z_]{1,63}$/), rows: z.array(z.record(z.string(), z.unknown())) }),
  z.strictObject({ end: z.literal(true), chunks: z.number().int().nonnegative(), rows: z.record(z.string(), z.number().int().nonnegative()), header: headerSchema })
])
type Chunk = z.infer<typeof chunkSchema>

/** Dossier's tables (its entities'), each after the tables its foreign keys point to: what a backup holds, in the order a restore or an import fills them. */
export function backupTables(dataSource: DataSource): EntityMetadata[] {
  const done = new Set<string>()
  const out: EntityMetadata[] = []
  const visit = (meta: EntityMetadata, path: Set<string>) => {
    if (done.has(meta.tableName) || path.has(meta.tableName)) return
    path.add(meta.tableName)
    for (const fk of meta.foreignKeys) if (fk.referencedEntityMetadata !== meta) visit(fk.referencedEntityMetadata, path)
    done.add(meta.tableName)
    out.push(meta)
  }
  for (const meta of dataSource.entityMetadatas) if (meta.tableName !== 'migrations') visit(meta, new Set())
  return out
}

/**
 * The office's own tables (not Dossier entities, made by `server init`): its key slots with their
 * logins, its sealed secrets, its erasure ledger and the names of its logins, each with its
 * columns (the first is the one it is read in order of). In a backup since format 2; a restore
 * into the same office keeps the office's own.
 */
const OFFICE_ROW_TABLES: Readonly<Record<string, readonly string[]>> = {
  [OFFICE_KEY_SLOT_TABLE]: ['slotId', 'login', 'slot'],
  [OFFICE_SECRET_TABLE]: ['name', 'value'],
  [ERASURE_LEDGER_TABLE]: ['seq', 'line'],
  office_login: ['login']
}

const at = (header: OfficeBackupHeader, n: number) => ({ officeId: header.officeId, table: 'office-backup', rowId: header.backupId, field: `chunk/${n}` })

/** A row as JSON: bytes (an attachment's sealed content) as base64 under `$bytes`. */
function toJson(row: ObjectLiteral): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(row)) out[k] = Buffer.isBuffer(v) ? { $bytes: v.toString('base64') } : v
  return out
}

function fromJson(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(row)) {
    const bytes = v !== null && typeof v === 'object' && '$bytes' in v ? (v as { $bytes: unknown }).$bytes : undefined
    out[k] = typeof bytes === 'string' ? Buffer.from(bytes, 'base64') : v
  }
  return out
}

/**
 * Writes the backup of the office at `owner` (the schema owner's connection, which reads every
 * row) to `file` (created 0600; an existing file is never overwritten), sealed under `keys`.
 * Read in one REPEATABLE READ transaction: one consistent moment of the whole office.
 */
export async function writeOfficeBackup(owner: DataSource, keys: OfficeKeys, file: string, now: Date): Promise<{ backupId: string; rows: Record<string, number>; bytes: number }> {
  const header: OfficeBackupHeader = { format: OFFICE_BACKUP_FORMAT, backupId: randomUUID(), officeId: keys.officeId, createdAt: now.toISOString(), schemaVersion: MIGRATIONS.length, keyring: await storedOfficeKeyring(owner.manager) }
  let fd: number
  try {
    fd = openSync(file, 'wx', 0o600)
  } catch {
    throw new DossierError('BACKUP_UNWRITABLE', 'The backup file cannot be created (it exists, or the folder is not writable).')
  }
  let bytes = 0
  let chunks = 0
  const put = (chunk: Chunk) => {
    const sealed = sealFieldBytes(keys.dataKey, gzipSync(Buffer.from(JSON.stringify(chunk), 'utf8')), at(header, chunks++))
    const line = sealed.toString('base64url') + '\n'
    bytes += writeSync(fd, line)
  }
  try {
    bytes += writeSync(fd, JSON.stringify(header) + '\n')
    const rows: Record<string, number> = {}
    const queryRunner = owner.createQueryRunner()
    try {
      await queryRunner.connect()
      await queryRunner.startTransaction('REPEATABLE READ')
      const everyTable = [
        ...backupTables(owner).map((meta) => ({ table: meta.tableName, order: meta.primaryColumns.map((c) => `"${c.databaseName}"`).join(', ') })),
        ...Object.entries(OFFICE_ROW_TABLES).map(([table, columns]) => ({ table, order: `"${columns[0]!}"` }))
      ]
      for (const { table, order } of everyTable) {
        let count = 0
        for (let offset = 0; ; offset += CHUNK_ROWS) {
          const page = (await queryRunner.query(`SELECT * FROM "${table}" ORDER BY ${order} LIMIT ${CHUNK_ROWS} OFFSET ${offset}`)) as ObjectLiteral[]
          if (page.length > 0) put({ table, rows: page.map(toJson) })
          count += page.length
          if (page.length < CHUNK_ROWS) break
        }
        rows[table] = count
      }
      await queryRunner.commitTransaction()
    } finally {
      if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction().catch(() => undefined)
      await queryRunner.release()
    }
    put({ end: true, chunks, rows, header })
    return { backupId: header.backupId, rows, bytes }
  } finally {
    closeSync(fd)
  }
}

function readLines(file: string): { header: OfficeBackupHeader; lines: string[] } {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    throw unreadable()
  }
  const [first, ...lines] = text.split('\n').filter((l) => l.length > 0)
  try {
    return { header: headerSchema.parse(JSON.parse(first ?? '')), lines }
  } catch {
    throw unreadable()
  }
}

/** A backup's header, read before any key: its office, and (format 2) the keyring that opens it. */
export function readOfficeBackupHeader(file: string): OfficeBackupHeader {
  return readLines(file).header
}

/** What a backup file holds, opened with this office's key: BACKUP_OTHER_VAULT for another office's, BACKUP_UNREADABLE for a damaged or cut file. */
export function readOfficeBackup(file: string, keys: OfficeKeys): { header: OfficeBackupHeader; tables: Map<string, Record<string, unknown>[]>; rows: Record<string, number> } {
  const { header, lines } = readLines(file)
  if (header.officeId !== keys.officeId) throw new DossierError('BACKUP_OTHER_VAULT', 'This backup is of another office; only a backup of this office is restored.')
  if (header.schemaVersion !== MIGRATIONS.length) throw new DossierError('BACKUP_UNREADABLE', 'This backup was made with another version of Dossier.')
  const tables = new Map<string, Record<string, unknown>[]>()
  let end: Extract<Chunk, { end: true }> | null = null
  for (const [n, line] of lines.entries()) {
    if (end) throw unreadable() // nothing after the end
    let chunk: Chunk
    try {
      chunk = chunkSchema.parse(JSON.parse(gunzipSync(openFieldBytes(keys.dataKey, Buffer.from(line, 'base64url'), at(header, n))).toString('utf8')))
    } catch {
      throw unreadable()
    }
    if ('end' in chunk) {
      end = chunk
      if (chunk.chunks !== n || JSON.stringify(chunk.header) !== JSON.stringify(header)) throw unreadable()
    } else {
      const list = tables.get(chunk.table) ?? []
      for (const row of chunk.rows) list.push(fromJson(row))
      tables.set(chunk.table, list)
    }
  }
  if (!end) throw unreadable() // cut short
  for (const [table, count] of Object.entries(end.rows)) if ((tables.get(table)?.length ?? 0) !== count) throw unreadable()
  return { header, tables, rows: end.rows }
}

/**
 * The office tables of a backup (format 2) into an empty office, in `m`; the rest are Dossier's
 * (`replaceOfficeRows`). Returns the rows per table.
 */
export async function insertOfficeRows(m: EntityManager, tables: Map<string, Record<string, unknown>[]>): Promise<Record<string, number>> {
  const restored: Record<string, number> = {}
  for (const [table, columns] of Object.entries(OFFICE_ROW_TABLES)) {
    const rows = tables.get(table)
    if (rows) restored[table] = await insertRows(m, table, [...columns], rows)
  }
  return restored
}

/**
 * What a restore keeps as the office has it now: the audit trail (insert-only on the server: the
 * restore is appended to it, nothing of it is taken back) and the accounts (who may sign in is
 * the office's present, with its logins and key slots).
 */
export const KEPT_ON_RESTORE: ReadonlySet<string> = new Set(['audit_entry', 'account'])

/**
 * Replaces the rows of every Dossier table but those `KEPT_ON_RESTORE` with the backup's, in the
 * transaction of `m` (the owner's): children first out, parents first in, as stored (raw rows,
 * sealed values as they are). The office's keys, slots, logins, secrets and erasure ledger are
 * not Dossier entities and stay as they are.
 */
export async function replaceOfficeRows(m: EntityManager, dataSource: DataSource, tables: Map<string, Record<string, unknown>[]>, opts: { emptyOffice?: boolean } = {}): Promise<Record<string, number>> {
  const all = backupTables(dataSource)
  // Into an empty office (restoreOffice's disaster case) everything goes, the trail and the accounts too.
  const ordered = opts.emptyOffice ? all : all.filter((t) => !KEPT_ON_RESTORE.has(t.tableName))
  const known = new Set([...all.map((t) => t.tableName), ...Object.keys(OFFICE_ROW_TABLES)])
  if ([...tables.keys()].some((t) => !known.has(t))) throw unreadable()
  for (const meta of [...ordered].reverse()) await m.query(`DELETE FROM "${meta.tableName}"`)
  const restored: Record<string, number> = {}
  for (const meta of ordered) {
    restored[meta.tableName] = await insertRows(m, meta.tableName, meta.columns.map((c) => c.databaseName), tables.get(meta.tableName) ?? [])
  }
  return restored
}

/** Rows as stored into `table`, 200 at a time; a column the table does not have: BACKUP_UNREADABLE. */
async function insertRows(m: EntityManager, table: string, columns: string[], rows: Record<string, unknown>[]): Promise<number> {
  if (rows.some((r) => Object.keys(r).some((k) => !columns.includes(k)))) throw unreadable()
  const names = columns.map((c) => `"${c}"`).join(', ')
  for (let i = 0; i < rows.length; i += 200) {
    const page = rows.slice(i, i + 200)
    const params: unknown[] = []
    const values = page.map((row) => `(${columns.map((c) => (params.push(row[c] ?? null), `$${params.length}`)).join(', ')})`).join(', ')
    await m.query(`INSERT INTO "${table}" (${names}) VALUES ${values}`, params)
  }
  return rows.length
}

function unreadable(): DossierError {
  return new DossierError('BACKUP_UNREADABLE', 'The backup file is damaged, cut short or not a backup of this office.')
}
