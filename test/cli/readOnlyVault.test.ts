import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmodSync, chownSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { CLI } from '../support/cli'
import { tempDir } from '../support/testApp'

/**
 * Issue 15 point 6: a read-only open leaves no files behind. File modes only bind an ordinary
 * user, so when the suite runs as root the built CLI runs as `nobody` (setpriv), on a vault that
 * account owns.
 */
const NOBODY = 65534
const asRoot = process.getuid?.() === 0
const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p))
const canDropPrivileges = !asRoot || setpriv !== undefined

function cli(vault: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
  const argv = [process.execPath, CLI, '--vault', vault, ...args]
  const [cmd, ...rest] = asRoot ? [setpriv!, `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', ...argv] : argv
  const env = { ...process.env, DOSSIER_USER: 'beheer', DOSSIER_PASSPHRASE: 'beheer wachtwoordzin 1', DOSSIER_VAULT: undefined, HOME: '/tmp' }
  const r = spawnSync(cmd!, rest, { env, encoding: 'utf8', timeout: 120_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** The folder's mode and each file's name, mode and SHA-256: equal means byte-for-byte as it was. */
function folderState(dir: string): Record<string, string> {
  const out: Record<string, string> = { '.': (statSync(dir).mode & 0o777).toString(8) }
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f)
    out[f] = `${(statSync(p).mode & 0o777).toString(8)} ${createHash('sha256').update(readFileSync(p)).digest('hex')}`
  }
  return out
}

describe.skipIf(!canDropPrivileges)('dossier CLI: a read-only vault is refused and left as it was', () => {
  let dir: string
  let cleanup: () => void
  let vault: string
  // One vault for the cases in turn: each leaves it writable again (afterEach makes sure of the folder).
  beforeAll(() => {
    ;({ dir, cleanup } = tempDir('dossier-cli-readonly-'))
    chmodSync(dir, 0o711) // `nobody` passes through to its own vault folder
    vault = join(dir, 'vault')
    if (asRoot) chownSync(dir, 0, 0)
    const init = asRoot ? cliInitAsNobody() : cli(vault, ['init', '--admin', 'beheer'])
    expect(init.code).toBe(0)
  })
  afterEach(() => {
    if (existsSync(vault)) chmodSync(vault, 0o700)
  })
  afterAll(() => cleanup())

  function cliInitAsNobody() {
    // The vault folder is made by `nobody` itself, as an office user's would be.
    spawnSync('/usr/bin/install', ['-d', '-m', '700', '-o', String(NOBODY), '-g', String(NOBODY), vault])
    return cli(vault, ['init', '--admin', 'beheer'])
  }

  const expectReadOnlyRefusal = () => {
    const before = folderState(vault)
    const r = cli(vault, ['status', '--json'])
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stderr)).toMatchObject({ error: { code: 'VAULT_READ_ONLY' } })
    expect(folderState(vault)).toEqual(before)
  }
  const expectOpensCleanly = () => {
    const r = cli(vault, ['status', '--json'])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(readdirSync(vault).filter((f) => f.startsWith('dossier.db-'))).toEqual([])
  }

  it('a 0444 dossier.db: VAULT_READ_ONLY, no -wal or -shm left, and it opens once made writable again', () => {
    chmodSync(join(vault, 'dossier.db'), 0o444)
    expectReadOnlyRefusal()
    chmodSync(join(vault, 'dossier.db'), 0o644)
    expectOpensCleanly()
  })

  it('a read-only vault folder: VAULT_READ_ONLY, nothing changed, and it opens once writable again', () => {
    chmodSync(vault, 0o500)
    expectReadOnlyRefusal()
    chmodSync(vault, 0o700)
    expectOpensCleanly()
  })

  it('opens past 0444 -wal/-shm files an earlier version left after a read-only open', () => {
    for (const [name, bytes] of [['dossier.db-wal', 0], ['dossier.db-shm', 32768]] as const) {
      const p = join(vault, name)
      writeFileSync(p, Buffer.alloc(bytes))
      if (asRoot) chownSync(p, NOBODY, NOBODY)
      chmodSync(p, 0o444)
    }
    expectOpensCleanly()
  })
})
