import { spawnSync } from 'node:child_process'
import { existsSync, lstatSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemClock } from '../../src/main/clock'
import { insertPerson } from '../main/retention/personFixture'
import { cliAs } from '../support/cli'
import { ADMIN, newTestApp } from '../support/testApp'

/**
 * Issue 15 points 6 and 7 through the BUILT CLI: text stored before validation refused hidden
 * characters (or written by another tool) is printed escaped, never raw; a file with every row bad
 * lists the first 100 problems and counts all of them; an output file is the owner's alone and a
 * symbolic link is never followed.
 */
const ROOT = resolve(__dirname, '../..')
const today = systemClock.today()
let vaultDir = ''
let dir = ''
let dispose: () => Promise<void> = async () => {}
// ESC + "clear screen", BEL, a right-to-left override, a C1 CSI.
const NASTY_GIVEN = 'Jan\u001b[2J\u0007'
const NASTY_FAMILY = 'Vos\u202elasrever\u009b31m'

const dossier = (args: string[]) => cliAs(vaultDir, ADMIN, args)

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'out/main/cli.js'))) throw new Error('CLI not built: run `npm run build` first')
  const t = await newTestApp({ start: `${today}T10:00:00Z` })
  await t.app.vault.dataSource.transaction((m) => insertPerson(m, { person: { ref: 'T-1', givenName: NASTY_GIVEN, familyName: NASTY_FAMILY } }))
  vaultDir = t.vaultDir
  dir = resolve(vaultDir, '..')
  await t.app.close()
  dispose = t.dispose
})
afterAll(async () => {
  await dispose()
})

const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/u // eslint-disable-line no-control-regex

describe('dossier CLI: what it prints is safe on a terminal (issue 15 point 7)', () => {
  it('person list escapes control and bidi characters in stored names, for people and in JSON', () => {
    const human = dossier(['person', 'list'])
    expect(human.err).toBe('')
    expect(human.code).toBe(0)
    expect(human.out).not.toMatch(RAW)
    expect(human.out).toContain('Jan\\u{001B}[2J\\u{0007} Vos\\u{202E}lasrever\\u{009B}31m')

    const json = dossier(['--json', 'person', 'list'])
    expect(json.code).toBe(0)
    expect(json.out).not.toMatch(RAW)
    // JSON escapes: a program reads back exactly what is stored.
    expect(JSON.parse(json.out)).toMatchObject([{ ref: 'T-1', givenName: NASTY_GIVEN, familyName: NASTY_FAMILY }])
  })

  it('import of a file with 250 bad rows lists the first 100 problems and counts all 250, writing nothing', () => {
    const persons = Array.from({ length: 250 }, (_, i) => ({ ref: `B-${i}`, givenName: 'Bad', familyName: 'Row', birthDate: '1990-01-01', email: `not-an-address-${i}`, source: { kind: 'walk-in' }, registeredOn: '2026-01-05', roles: ['candidate'], purposes: ['mediation'] }))
    const file = join(dir, 'bad-rows.json')
    writeFileSync(file, JSON.stringify({ format: 'dossier-import/1', persons }))
    const r = dossier(['import', file])
    expect(r.code).toBe(1)
    const lines = r.err.trim().split('\n')
    expect(lines.filter((l) => l.startsWith('persons['))).toHaveLength(100)
    expect(lines.at(-1)).toBe('error IMPORT_INVALID: The import file has errors; nothing was imported (250 problems; the first 100 are listed).')
    expect(r.err).not.toContain('not-an-address')
    expect(JSON.parse(dossier(['--json', 'person', 'list']).out)).toHaveLength(1)
  })
})

describe('dossier CLI: output files are the owner’s alone (issue 15 point 6)', () => {
  const personId = () => (JSON.parse(dossier(['--json', 'person', 'list']).out) as { id: string }[])[0]!.id

  it('replaces an existing 0644 file with a 0600 one, and leaves no temporary file behind', () => {
    const out = join(dir, 'inzage.html')
    writeFileSync(out, 'old', { mode: 0o644 })
    const r = dossier(['report', 'access', personId(), '--out', out])
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    expect(statSync(out).mode & 0o777).toBe(0o600)
    expect(readFileSync(out, 'utf8')).toContain('<html')
    expect(existsSync(out) && !readFileSync(out, 'utf8').startsWith('old')).toBe(true)
    expect(spawnSync('ls', ['-a', dir], { encoding: 'utf8' }).stdout).not.toMatch(/\.dossier-.*\.tmp/)
  })

  it('refuses a symbolic link as the output and leaves what it points to untouched', () => {
    const victim = join(dir, 'victim.txt')
    writeFileSync(victim, 'keep me', { mode: 0o644 })
    const link = join(dir, 'link.html')
    symlinkSync(victim, link)
    const r = dossier(['report', 'access', personId(), '--out', link])
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/^error USAGE: the output path is a symbolic link/)
    expect(readFileSync(victim, 'utf8')).toBe('keep me')
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
  })
})
