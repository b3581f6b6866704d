import { chmodSync, closeSync, existsSync, fsyncSync, lstatSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
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
