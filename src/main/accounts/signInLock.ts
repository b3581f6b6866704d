import { closeSync, existsSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'
import { DossierError } from '../../shared/errors'

/** A lock older than this belongs to a process that died mid-attempt (an attempt takes well under a second). */
const STALE_MS = 30_000
const WAIT_MS = 15_000
const POLL_MS = 25

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** The lock's process has ended (killed mid-attempt): its lock is stale at once. Same machine only, as the vault is. */
function holderIsGone(lockPath: string): boolean {
  let pid: number
  try {
    pid = Number(readFileSync(lockPath, 'utf8'))
  } catch {
    return false
  }
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return false
  } catch (e) {
    return (e as { code?: string }).code === 'ESRCH'
  }
}

/**
 * One sign-in attempt at a time per vault, across processes (the app, the CLI, a script): the
 * throttle's check, the key derivation and the failure record happen under an exclusive lock file
 * beside the vault, so sixteen parallel guesses are sixteen attempts in a row and the throttle
 * sees each one (issue 15 point 5). The file holds the owner's pid only.
 */
export async function withSignInLock<T>(lockPath: string, attempt: () => Promise<T>): Promise<T> {
  if (!existsSync(dirname(lockPath))) return attempt() // no vault folder: nothing to guard, the attempt fails anyway
  const deadline = Date.now() + WAIT_MS
  let fd: number | null = null
  while (fd === null) {
    try {
      fd = openSync(lockPath, 'wx', 0o600)
      writeSync(fd, String(process.pid))
    } catch (e) {
      // A folder we cannot write to: no lock to take; opening the vault reports that properly.
      if ((e as { code?: string }).code !== 'EEXIST') return attempt()
      const age = Date.now() - (statSync(lockPath, { throwIfNoEntry: false })?.mtimeMs ?? Date.now())
      if (age > STALE_MS || holderIsGone(lockPath)) rmSync(lockPath, { force: true })
      else if (Date.now() > deadline) throw new DossierError('ACCOUNT_THROTTLED', 'Another sign-in attempt is in progress; try again.', { detail: { retryAfterSeconds: 1 } })
      else await sleep(POLL_MS)
    }
  }
  try {
    return await attempt()
  } finally {
    closeSync(fd)
    rmSync(lockPath, { force: true })
  }
}
