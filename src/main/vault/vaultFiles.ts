import { accessSync, chmodSync, closeSync, constants, existsSync, fsyncSync, lstatSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { DossierError } from '../../shared/errors'
import { LEDGER_FILE } from './erasureLedger'

/**
 * A vault is a folder: `dossier.db` (encrypted SQLite), `keyring.json` (wrapped data keys),
 * `vault.json` (a manifest without secrets or personal data), `erasures.ledger` (keyed hashes only)
 * and, while open, `dossier.lock`.
 * No file name ever contains personal data.
 */
export interface VaultPaths {
  dir: string
  db: string
  keyring: string
  manifest: string
  lock: string
  signInJournal: string
  /** held during one sign-in attempt (accounts/signInLock.ts) */
  signInLock: string
  /** keyed hashes of every erasure and retention deletion (erasureLedger.ts); survives a restore */
  erasureLedger: string
  /** present from a restore until its ledger entries are re-applied (retention/reapplyErasures.ts) */
  reapplyPending: string
}

export function vaultPaths(dir: string): VaultPaths {
  return {
    dir,
    db: join(dir, 'dossier.db'),
    keyring: join(dir, 'keyring.json'),
    manifest: join(dir, 'vault.json'),
    lock: join(dir, 'dossier.lock'),
    signInJournal: join(dir, 'signin-failures.json'),
    signInLock: join(dir, 'signin.lock'),
    erasureLedger: join(dir, LEDGER_FILE),
    reapplyPending: join(dir, 'reapply.pending')
  }
}

export const MANIFEST_FORMAT = 'dossier-vault/1'
const manifestSchema = z.object({ format: z.literal(MANIFEST_FORMAT), vaultId: z.uuid(), createdAt: z.string() })
export type Manifest = z.infer<typeof manifestSchema>

export function readManifest(paths: VaultPaths): Manifest {
  if (!existsSync(paths.manifest) && !existsSync(paths.keyring)) {
    throw new DossierError('VAULT_MISSING', 'No Dossier vault in this folder.')
  }
  let json: unknown
  try {
    json = JSON.parse(readFileSync(paths.manifest, 'utf8'))
  } catch {
    throw new DossierError('VAULT_NOT_A_VAULT', 'This folder is not a Dossier vault (no readable manifest).')
  }
  const parsed = manifestSchema.safeParse(json)
  if (!parsed.success) throw new DossierError('VAULT_NOT_A_VAULT', 'This folder is not a Dossier vault (unknown manifest).')
  return parsed.data
}

/**
 * The vault folder 0700 and every file in it 0600 (issue 15 point 6): a vault created in a 0777
 * folder, or a database file SQLite created under a loose umask, is tightened at creation and at
 * every open. SQLite gives the -wal and -shm files the database file's mode, so they follow.
 * Returns how many modes were changed (0 on a vault that was already tight).
 */
export function tightenVaultPermissions(dir: string): number {
  let changed = 0
  const tighten = (path: string, mode: number) => {
    const st = statSync(path, { throwIfNoEntry: false })
    if (!st || (st.mode & 0o777) === mode) return
    try {
      chmodSync(path, mode)
      changed++
    } catch {
      // Not ours to change (another owner, a read-only medium): the vault still opens; the modes
      // are the file system's business then, not a reason to refuse the office its data.
    }
  }
  tighten(dir, 0o700)
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    const st = lstatSync(path)
    if (st.isFile()) tighten(path, 0o600)
    else if (st.isDirectory()) tighten(path, 0o700)
  }
  return changed
}

/** The files SQLite keeps beside `dossier.db` while a connection is open (WAL mode). */
function sidecarPaths(paths: VaultPaths): string[] {
  return [`${paths.db}-wal`, `${paths.db}-shm`]
}

const writable = (path: string) => {
  try {
    accessSync(path, constants.W_OK)
    return true
  } catch {
    return false
  }
}

/**
 * A read-only open leaves no files behind (issue 15 point 6). SQLite opens a database file it may
 * not write read-only without a word, creates `-wal` and `-shm` beside it with that file's mode
 * (0444), and cannot remove them when it closes: files that then block the vault even after the
 * owner made `dossier.db` writable again. So a vault is opened only when its folder and database
 * file can be written; otherwise VAULT_READ_ONLY before SQLite touches anything. Companions an
 * earlier version left that way (the database itself writable again) get the owner's write
 * permission back, when they are ours to change.
 */
export function assertVaultWritable(paths: VaultPaths, creating: boolean): void {
  const refuse = () => new DossierError('VAULT_READ_ONLY', 'The vault folder or its database file cannot be written to. Nothing was changed.')
  if (!writable(paths.dir) || (!creating && !writable(paths.db))) throw refuse()
  for (const sidecar of sidecarPaths(paths)) {
    if (!existsSync(sidecar) || writable(sidecar)) continue
    try {
      chmodSync(sidecar, 0o600)
    } catch {
      throw refuse()
    }
    if (!writable(sidecar)) throw refuse()
  }
}

/** Which of SQLite's companion files exist now (call before opening; see `removeSidecarsLeftSince`). */
export function existingSidecars(paths: VaultPaths): Set<string> {
  return new Set(sidecarPaths(paths).filter((p) => existsSync(p)))
}

/**
 * After a failed open, with the connection closed and the vault lock still held: the companion
 * files this open created and could not remove (a connection that turned out read-only) go, so the
 * folder is as it was. Only an empty WAL is removed — it holds nothing — and the shared-memory
 * index only with it (SQLite rebuilds it; no connection is open).
 */
export function removeSidecarsLeftSince(paths: VaultPaths, before: Set<string>): void {
  const [wal, shm] = sidecarPaths(paths) as [string, string]
  if (before.has(wal) || (statSync(wal, { throwIfNoEntry: false })?.size ?? 0) > 0) return
  try {
    rmSync(wal, { force: true })
    if (!before.has(shm)) rmSync(shm, { force: true })
  } catch {
    // A folder that refuses even this: the files stay; the open's own error is what the caller reports.
  }
}

/** Write a small file atomically: temp file in the same folder, fsync, rename. */
export function writeFileAtomic(path: string, content: string): void {
  const tmp = `${path}.tmp-${process.pid}`
  const fd = openSync(tmp, 'w', 0o600)
  try {
    writeFileSync(fd, content)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(tmp, path)
}

/** Make renames and removals in `dir` durable (the folder's entries are flushed like a file's content). */
export function syncDir(dir: string): void {
  const fd = openSync(dir, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** SQLite's plain header: a database that is not encrypted is not a Dossier vault. */
export function looksLikePlainSqlite(path: string): boolean {
  const fd = openSync(path, 'r')
  try {
    const buf = Buffer.alloc(16)
    const n = readSync(fd, buf, 0, buf.length, 0)
    return n === 16 && buf.toString('latin1') === 'SQLite format 3\0'
  } finally {
    closeSync(fd)
  }
}

/** One process per vault: a second app instance (or the CLI while the app runs) is refused. */
export function acquireLock(paths: VaultPaths): () => void {
  const mine = JSON.stringify({ pid: process.pid, host: hostname() })
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(paths.lock, 'wx', 0o600)
      writeFileSync(fd, mine)
      closeSync(fd)
      return () => {
        try {
          if (readFileSync(paths.lock, 'utf8') === mine) unlinkSync(paths.lock)
        } catch {
          /* already gone */
        }
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') throw new DossierError('VAULT_READ_ONLY', 'The vault folder cannot be written to.')
      if (code === 'ENOSPC') throw new DossierError('DISK_FULL', 'The disk is full.')
      if (code !== 'EEXIST') throw e
      if (!isStale(paths.lock)) throw new DossierError('VAULT_BUSY', 'The vault is open in another Dossier window or process.')
      unlinkSync(paths.lock)
    }
  }
  throw new DossierError('VAULT_BUSY', 'The vault is open in another Dossier window or process.')
}

function isStale(lockPath: string): boolean {
  try {
    const { pid, host } = JSON.parse(readFileSync(lockPath, 'utf8')) as { pid: number; host: string }
    if (host !== hostname()) return false
    if (pid === process.pid) return false
    process.kill(pid, 0)
    return false
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    return code === 'ESRCH' || code === undefined
  }
}
