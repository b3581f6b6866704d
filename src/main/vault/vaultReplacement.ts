import { existsSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { DossierError } from '../../shared/errors'
import { LEDGER_FILE, mergeLedgerText } from './erasureLedger'
import { syncDir, vaultPaths, writeFileAtomic } from './vaultFiles'

/**
 * Replacing a vault's files with a staged backup's, crash-safe (issue 15 point 3): the replacement
 * is written down first (`restore.pending`, naming the staging folder beside the vault), then done
 * with renames only, and rolled forward by the next open when a crash stopped it half-way. There
 * is never a moment after which the vault cannot be opened: before the marker the old vault is
 * whole; after it, every open finishes the move before anything reads the database.
 */
const MARKER = 'restore.pending'
/** The files a backup brings, moved in this order (the database last). */
const BROUGHT = ['vault.json', 'keyring.json', 'dossier.db'] as const
const STAGING_NAME = /^\.dossier-restore-[A-Za-z0-9_-]+$/

export function restorePendingPath(vaultDir: string): string {
  return join(vaultDir, MARKER)
}

/** Starts the replacement of `vaultDir`'s files with `stagingDir`'s (a sibling folder), and finishes it. */
export function replaceVaultFiles(stagingDir: string, vaultDir: string): void {
  const target = vaultPaths(vaultDir)
  if (dirname(stagingDir) !== dirname(vaultDir) || !STAGING_NAME.test(basename(stagingDir))) {
    throw new DossierError('INTERNAL', 'A restore is staged beside the vault.')
  }
  // From here on the re-application of erasures (reapply.pending) and the move itself are owed.
  writeFileAtomic(target.reapplyPending, '')
  writeFileAtomic(restorePendingPath(vaultDir), basename(stagingDir))
  finishInterruptedReplacement(vaultDir)
}

/**
 * Rolls a started replacement forward: every file of the replaced vault goes (its WAL above all,
 * which must never meet the restored database), except the erasure ledger, the markers, the
 * sign-in journal and lock files; the staged files not yet moved are moved in. No-op without the
 * marker; idempotent, so a crash inside it is finished by the next call. Returns whether it ran.
 */
export function finishInterruptedReplacement(vaultDir: string): boolean {
  const marker = restorePendingPath(vaultDir)
  if (!existsSync(marker)) return false
  const stagingName = readFileSync(marker, 'utf8').trim()
  if (!STAGING_NAME.test(stagingName)) throw new DossierError('VAULT_DAMAGED', 'An interrupted restore cannot be finished (its note is damaged). Restore the backup again.')
  const staging = join(dirname(vaultDir), stagingName)
  const target = vaultPaths(vaultDir)
  const stillStaged = (f: string) => existsSync(join(staging, f))
  if (!BROUGHT.some((f) => stillStaged(f)) && !BROUGHT.every((f) => existsSync(join(vaultDir, f)))) {
    throw new DossierError('VAULT_DAMAGED', 'An interrupted restore cannot be finished (its staged files are gone). Restore the backup again.')
  }
  const kept = new Set([basename(target.erasureLedger), basename(target.reapplyPending), MARKER, basename(target.signInJournal), basename(target.lock), basename(target.signInLock)])
  for (const f of readdirSync(vaultDir)) {
    if (kept.has(f)) continue
    if ((BROUGHT as readonly string[]).includes(f) && !stillStaged(f)) continue // already the backup's
    rmSync(join(vaultDir, f), { recursive: true, force: true })
  }
  const stagedLedger = join(staging, LEDGER_FILE)
  if (existsSync(stagedLedger)) {
    mergeLedgerText(readFileSync(stagedLedger, 'utf8'), target.erasureLedger)
    rmSync(stagedLedger)
  }
  for (const f of BROUGHT) if (stillStaged(f)) renameSync(join(staging, f), join(vaultDir, f))
  syncDir(vaultDir)
  rmSync(marker)
  syncDir(vaultDir)
  return true
}
