import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, lstatSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { CliFailure } from './cliContext'

/**
 * Writes an output the user asked for (an access report, an export, a register) readable by its
 * owner only, whatever was there before (issue 15 point 6): the bytes go to a new 0600 file beside
 * the target (created exclusively, so a link planted at that name is never followed), are synced,
 * and the file is renamed into place — an existing 0644 file is replaced, not rewritten with its
 * old mode, and a symbolic link at the target is refused rather than followed. The temporary name
 * is random and says nothing about the content.
 */
export function writePrivateFile(target: string, data: string | Uint8Array): void {
  const path = resolve(target)
  const existing = lstatSync(path, { throwIfNoEntry: false })
  if (existing?.isSymbolicLink()) throw new CliFailure('USAGE', 'the output path is a symbolic link; name a plain file')
  if (existing && !existing.isFile()) throw new CliFailure('USAGE', 'the output path is not a file')
  const tmp = join(dirname(path), `.dossier-${randomBytes(8).toString('hex')}.tmp`)
  let fd: number
  try {
    fd = openSync(tmp, 'wx', 0o600)
  } catch {
    throw new CliFailure('USAGE', 'cannot write the output file')
  }
  try {
    writeFileSync(fd, data)
    fsyncSync(fd)
    closeSync(fd)
    renameSync(tmp, path)
  } catch {
    rmSync(tmp, { force: true })
    throw new CliFailure('USAGE', 'cannot write the output file')
  }
}
