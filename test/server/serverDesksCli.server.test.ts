import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { calendarDateOf } from '../../src/main/clock'
import { runCli } from '../support/cli'
import { tempDir } from '../support/testApp'
import { type PgCluster, startPgCluster } from './pgCluster'

const EXAMPLE = join(__dirname, '../../resources/examples/import-example.json')
const ANNET = 'kantoor sleutel voor de beheerder 2026'
const SANNE = 'balie koffie regen fietsbel'
const NOOR = 'noor haar eigen lange wachtwoordzin'

/**
 * Issue 17 point 1 with the built CLI: `--server URL` (or DOSSIER_SERVER_URL) wherever `--vault`
 * goes, each account signing in as its own login on a cluster where every login but the owner's
 * proves its password, as in an office.
 */
describe('the CLI on the office server', () => {
  let cluster: PgCluster
  let dir: string
  let cleanup: () => void
  const owner = () => `postgresql://${cluster.user}@localhost/postgres?host=${encodeURIComponent(cluster.host)}&port=${cluster.port}`
  const desk = () => `postgresql://localhost/postgres?host=${encodeURIComponent(cluster.host)}&port=${cluster.port}`
  const as = (user: string, passphrase: string, args: string[], env: Record<string, string> = {}) => runCli(['--server', desk(), '--user', user, ...args], { DOSSIER_PASSPHRASE: passphrase, ...env })

  beforeAll(async () => {
    ;({ dir, cleanup } = tempDir('dossier-server-cli-'))
    cluster = await startPgCluster({ passwordLogins: 'all' })
    const init = runCli(['server', 'init', '--url', owner(), '--admin', 'annet', '--json'], { DOSSIER_NEW_PASSPHRASE: ANNET })
    expect(init.stderr).toBe('')
    expect(init.json()).toMatchObject({ officeKeys: 'made' })
  })
  afterAll(() => {
    cluster?.stop()
    cleanup?.()
  })

  it("lets the first administrator add a colleague from a desk: the colleague's own login, key slot and account", () => {
    const added = as('annet', ANNET, ['--json', 'user', 'add', 'sanne', '--role', 'staff', '--display-name', 'Sanne'], { DOSSIER_NEW_PASSPHRASE: SANNE })
    expect(added.stderr).toBe('')
    expect(added.json()).toMatchObject({ username: 'sanne', roles: ['staff'], disabled: false })
    const accounts = as('sanne', SANNE, ['--json', 'user', 'list'])
    // Staff may not list accounts: the same role check as with a vault.
    expect(accounts.code).toBe(1)
    expect(accounts.stderr).toMatch(/"code":"FORBIDDEN"/)
    expect(as('annet', ANNET, ['--json', 'user', 'list']).json<{ username: string }[]>().map((a) => a.username)).toEqual(['annet', 'sanne'])
  })

  it('shows what one desk saved at the next desk, through the same services', () => {
    const file = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { persons: { lastContactOn?: string; special?: unknown }[] }
    for (const p of file.persons) {
      p.lastContactOn = calendarDateOf(new Date())
      delete p.special
    }
    const path = join(dir, 'import.json')
    writeFileSync(path, JSON.stringify(file), { mode: 0o600 })
    const imported = as('annet', ANNET, ['--json', 'import', path])
    expect(imported.stderr).toBe('')
    const persons = imported.json<{ persons: number }>().persons
    expect(persons).toBeGreaterThan(0)
    const listed = as('sanne', SANNE, ['--json', 'person', 'list'])
    expect(listed.stderr).toBe('')
    expect(listed.json<unknown[]>().length).toBe(persons)
    const status = as('annet', ANNET, ['--json', 'status'])
    expect(status.json()).toMatchObject({ persons })
  })

  it('server add-login --granted-by makes a login that signs in at a desk; a wrong passphrase is refused as with a vault, naming nobody', () => {
    const made = runCli(['server', 'add-login', 'noor', '--role', 'privacy_officer', '--granted-by', 'annet', '--url', owner(), '--json'], { DOSSIER_NEW_PASSPHRASE: NOOR, DOSSIER_PASSPHRASE: ANNET })
    expect(made.stderr).toBe('')
    expect(made.json()).toEqual({ login: 'noor', groups: ['dossier_privacy_officer'], keySlot: true })
    expect(as('noor', NOOR, ['--json', 'person', 'list']).code).toBe(0)
    const wrong = as('noor', 'niet het goede wachtwoord hoor', ['person', 'list'])
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toMatch(/^error VAULT_WRONG_PASSPHRASE/)
    expect(wrong.stderr).not.toMatch(/noor|localhost|postgres/)
    // The administrator's trail shows who added whom.
    const trail = as('annet', ANNET, ['--json', 'audit', 'list', '--action', 'account.add'])
    expect(trail.stderr).toBe('')
    expect(trail.json<{ actorName: string; subjectLabel: string }[]>().map((e) => [e.actorName, e.subjectLabel])).toEqual([
      ['annet', 'noor'],
      ['annet', 'sanne'],
      ['annet', 'annet']
    ])
  })

  it('refuses a vault and a server at once, and a server address over the network without verify-full', () => {
    const both = runCli(['--server', desk(), '--vault', dir, '--user', 'annet', 'person', 'list'], { DOSSIER_PASSPHRASE: ANNET })
    expect(both.code).toBe(2)
    expect(both.stderr).toMatch(/^error USAGE: both a vault and a server/)
    const plain = runCli(['--server', 'postgres://kantoor.example.nl/dossier', '--user', 'annet', 'person', 'list'], { DOSSIER_PASSPHRASE: ANNET })
    expect(plain.code).toBe(1)
    expect(plain.stderr).toMatch(/^error VALIDATION_FAILED: A server over the network needs sslmode=verify-full/)
  })
  it('server backup and server restore: as the owner with an administrator\'s passphrase; the file opens with neither the owner alone nor a staff passphrase', () => {
    const file = join(dir, 'kantoor.backup')
    const backup = runCli(['--user', 'annet', '--json', 'server', 'backup', '--url', owner(), '--out', file], { DOSSIER_PASSPHRASE: ANNET })
    expect(backup.stderr).toBe('')
    expect(backup.json<{ rows: Record<string, number> }>().rows.person).toBeGreaterThan(0)
    const refused = runCli(['--user', 'sanne', '--json', 'server', 'restore', '--url', owner(), '--in', file], { DOSSIER_PASSPHRASE: SANNE })
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/"code":"FORBIDDEN"/)
    const restored = runCli(['--user', 'annet', '--json', 'server', 'restore', '--url', owner(), '--in', file], { DOSSIER_PASSPHRASE: ANNET })
    expect(restored.stderr).toBe('')
    expect(restored.json()).toMatchObject({ reapplied: 0 })
    expect(as('annet', ANNET, ['--json', 'audit', 'verify']).json()).toMatchObject({ ok: true })
  })

  it('the server lost: a new server prepared without --admin takes the backup whole; the administrator signs in, the others wait to be enabled', async () => {
    const file = join(dir, 'kantoor.backup') // the previous case's
    const persons = as('annet', ANNET, ['--json', 'person', 'list']).json<unknown[]>().length
    const fresh = await startPgCluster({ passwordLogins: 'all' })
    try {
      const ownerOfFresh = `postgresql://${fresh.user}@localhost/postgres?host=${encodeURIComponent(fresh.host)}&port=${fresh.port}`
      const deskOfFresh = `postgresql://localhost/postgres?host=${encodeURIComponent(fresh.host)}&port=${fresh.port}`
      expect(runCli(['server', 'init', '--url', ownerOfFresh]).code).toBe(0)
      const restored = runCli(['--user', 'annet', 'server', 'restore', '--url', ownerOfFresh, '--in', file], { DOSSIER_PASSPHRASE: ANNET })
      expect(restored.stderr).toBe('')
      expect(restored.stdout).toContain('restored onto this new server')
      expect(restored.stdout).toMatch(/Disabled until an administrator enables them with a new passphrase \(which makes their login\): .*sanne/)
      const onFresh = (user: string, passphrase: string, args: string[]) => runCli(['--server', deskOfFresh, '--user', user, ...args], { DOSSIER_PASSPHRASE: passphrase })
      expect(onFresh('annet', ANNET, ['--json', 'person', 'list']).json<unknown[]>()).toHaveLength(persons)
      expect(onFresh('annet', ANNET, ['--json', 'audit', 'verify']).json()).toMatchObject({ ok: true })
      // A colleague has no login on the new server until the administrator enables them again.
      expect(onFresh('sanne', SANNE, ['status']).stderr).toMatch(/^error VAULT_WRONG_PASSPHRASE/)
    } finally {
      fresh.stop()
    }
  })
})
