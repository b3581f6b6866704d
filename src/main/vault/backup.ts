import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync, fsyncSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { DossierError } from '../../shared/errors'
import { parseKeyring } from './keyring'
import { Vault } from './Vault'
import { readManifest, vaultPaths } from './vaultFiles'

/**
 * Encrypted backup of the whole vault to one file: a header line (format, manifest, keyring — no
 * secrets in clear: the keyring holds only wrapped keys) and the database as `VACUUM INTO` writes
 * it (encrypted with the same cipher and key). Restoring needs a passphrase of the backup.
 */
const MAGIC = 'DOSSIER-BACKUP/1\n'

export function writeBackup(vault: Vault, outFile: string): { bytes: number } {
  let work: string
  try {
    work = mkdtempSync(join(dirname(outFile), '.dossier-backup-'))
  } catch (e) {
    const code = (e as { code?: string }).code
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new DossierError('BACKUP_UNWRITABLE', 'The backup cannot be written there: the folder does not exist.')
    throw e
  }
  if (work.includes("'")) {
    rmSync(work, { recursive: true, force: true })
    throw new DossierError('BACKUP_UNWRITABLE', 'The backup cannot be written to a folder whose name holds a quote.')
  }
  try {
    const dbCopy = join(work, 'db')
    vault.vacuumInto(dbCopy)
    const header = JSON.stringify({
      manifest: JSON.parse(readFileSync(vault.paths.manifest, 'utf8')) as unknown,
      keyring: vault.keyring
    })
    const db = readFileSync(dbCopy)
    const tmp = join(work, 'out')
    const fd = openSync(tmp, 'w', 0o600)
    try {
      writeFileSync(fd, Buffer.concat([Buffer.from(MAGIC), Buffer.from(header + '\n'), db]))
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(tmp, outFile)
    return { bytes: MAGIC.length + header.length + 1 + db.length }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

function splitBackup(file: string): { manifest: string; keyring: string; db: Buffer } {
  let buf: Buffer
  try {
    buf = readFileSync(file)
  } catch {
    throw new DossierError('BACKUP_UNREADABLE', 'The backup file cannot be read.')
  }
  if (buf.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) throw new DossierError('BACKUP_UNREADABLE', 'This is not a Dossier backup.')
  const nl = buf.indexOf(10, MAGIC.length)
  if (nl < 0) throw new DossierError('BACKUP_UNREADABLE', 'The backup file is damaged.')
  try {
    const header = JSON.parse(buf.subarray(MAGIC.length, nl).toString('utf8')) as { manifest: unknown; keyring: unknown }
    const keyring = JSON.stringify(header.keyring)
    parseKeyring(keyring)
    return { manifest: JSON.stringify(header.manifest), keyring, db: buf.subarray(nl + 1) }
  } catch {
    throw new DossierError('BACKUP_UNREADABLE', 'The backup file is damaged.')
  }
}

/** A backup unpacked beside the vault and proven to open; `discard` removes it (always call it). */
export interface StagedBackup {
  dir: string
  discard(): void
}

/**
 * First half of a restore: unpacks the backup beside `vaultDir` (never inside it) and opens it with
 * the given credentials plus an integrity check; `accept` sees the opened copy and may refuse it
 * by throwing (services check the restoring account's role in it). Touches nothing of the vault.
 */
export async function stageBackup(
  file: string,
  vaultDir: string,
  credentials: { username: string; passphrase: string },
  accept: (vault: Vault) => Promise<void> = async () => undefined
): Promise<StagedBackup> {
  const parts = splitBackup(file)
  const parent = dirname(vaultDir)
  mkdirSync(parent, { recursive: true })
  const staging = mkdtempSync(join(parent, '.dossier-restore-'))
  const discard = () => rmSync(staging, { recursive: true, force: true })
  try {
    const p = vaultPaths(staging)
    writeFileSync(p.manifest, parts.manifest, { mode: 0o600 })
    writeFileSync(p.keyring, parts.keyring, { mode: 0o600 })
    writeFileSync(p.db, parts.db, { mode: 0o600 })
    readManifest(p)
    let vault: Vault
    try {
      vault = await Vault.open(staging, credentials.username, credentials.passphrase)
    } catch (e) {
      if (e instanceof DossierError && (e.code === 'VAULT_WRONG_PASSPHRASE' || e.code === 'VAULT_UNKNOWN_ACCOUNT')) throw e
      throw new DossierError('BACKUP_UNREADABLE', 'The backup cannot be opened.')
    }
    try {
      const ok = vault.db.pragma('integrity_check', { simple: true })
      if (ok !== 'ok') throw new DossierError('BACKUP_UNREADABLE', 'The backup failed its integrity check.')
      await accept(vault)
    } finally {
      await vault.close()
    }
    return { dir: staging, discard }
  } catch (e) {
    discard()
    throw e
  }
}

/**
 * Second half: replaces the vault's files with the staged ones. The vault must not be open (by
 * this process or another: VAULT_BUSY). The replaced files are removed.
 */
export function replaceVaultWith(staged: StagedBackup, vaultDir: string): void {
  const target = vaultPaths(vaultDir)
  if (existsSync(target.lock)) throw new DossierError('VAULT_BUSY', 'The vault is open; close Dossier before restoring.')
  mkdirSync(vaultDir, { recursive: true, mode: 0o700 })
  // The sign-in journal belongs to the folder, not to the backup: it stays, so a restore neither
  // resets the throttle nor leaves a vault without one (accounts/signInJournal.ts).
  for (const f of readdirSync(vaultDir)) if (join(vaultDir, f) !== target.signInJournal) rmSync(join(vaultDir, f), { recursive: true, force: true })
  for (const f of readdirSync(staged.dir)) renameSync(join(staged.dir, f), join(vaultDir, f))
}

/**
 * Restore into `vaultDir` (which must hold no open vault), with no session: the way back for a
 * vault that no longer opens (tests of damaged files). The app restores through the
 * `restoreVault` operation (services/vaultBackup.ts), which checks the role first. Only a backup
 * that opens replaces the vault.
 */
export async function restoreBackup(file: string, vaultDir: string, credentials: { username: string; passphrase: string }): Promise<void> {
  const staged = await stageBackup(file, vaultDir, credentials)
  try {
    replaceVaultWith(staged, vaultDir)
  } finally {
    staged.discard()
  }
}
