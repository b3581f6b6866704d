import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCliVault } from '../support/cliVault'
import { tempDir } from '../support/testApp'
import { calendarDateOf } from '../../src/main/clock'
import { deskArgs } from '../support/cliDesk'
import { TEST_ENGINE } from '../support/serverTestApp'

/**
 * The built CLI (`npm test` builds first): `node bin/dossier.js …` against a fresh vault, made
 * in-process as `dossier init` and `dossier user add` make it but at the test key-derivation cost
 * (cliVault.ts; those commands have their tests in foundation.test.ts).
 */
const ROOT = join(__dirname, '../..')
const PASSPHRASE = 'correct horse battery staple'
const EXAMPLE = join(ROOT, 'resources/examples/import-example.json')

let dir: string
let cleanup: () => void
let vault: string

function dossier(args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/dossier.js'), ...deskArgs(['--vault', vault, ...args])], {
    env: { ...process.env, DOSSIER_PASSPHRASE: PASSPHRASE, ...env },
    encoding: 'utf8',
    timeout: 120_000
  })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}
const asAdmin = (args: string[]) => dossier(['--user', 'beheerder', ...args])

function writeJson(name: string, value: unknown): string {
  const file = join(dir, name)
  writeFileSync(file, JSON.stringify(value))
  return file
}
/**
 * The shipped example, with every person's last contact moved to today: the CLI runs on the real
 * clock, and these tests are about importing and listing, not about an example that has aged past
 * its re-confirmation deadline (R-11a; that clock has tests of its own).
 */
function example(): Record<string, any> {
  const file = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, any>
  for (const p of file.persons) p.lastContactOn = calendarDateOf(new Date())
  return file
}
function withoutSpecial(): Record<string, any> {
  const file = example()
  for (const p of file.persons) delete p.special
  return file
}
function list(args: string[] = []): { id: string; ref: string; givenName: string; familyName: string; roles: string[]; state: string }[] {
  const r = asAdmin(['--json', 'person', 'list', ...args])
  expect(r.status, r.stderr).toBe(0)
  return JSON.parse(r.stdout)
}

beforeAll(async () => {
  ;({ dir, cleanup } = tempDir('dossier-cli-'))
  vault = join(dir, 'vault')
  await createCliVault(vault, {
    admin: { username: 'beheerder', passphrase: PASSPHRASE },
    users: [{ username: 'medewerker', roles: ['staff'], passphrase: 'medewerker passphrase 1' }]
  })
})
afterAll(() => cleanup())

describe('dossier CLI: people', () => {
  it('refuses a bad file with exit 1, lists each problem by position and field on stderr, and writes nothing', () => {
    const file = withoutSpecial()
    file.persons[1].email = 'daan-at-example'
    file.persons[0].address.postcode = '0000 XX'
    const r = asAdmin(['import', writeJson('bad.json', file)])
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('persons[1].email: validation.email.invalid')
    expect(r.stderr).toContain('persons[0].address.postcode: validation.postcode.invalid')
    expect(r.stderr).toContain('error IMPORT_INVALID')
    expect(r.stderr).not.toContain('daan-at-example')
    expect(list()).toEqual([])

    // R-24 (issue 14 point 7): a privacy-statement version that is not registered.
    const unknownVersion = withoutSpecial()
    unknownVersion.persons[0].statementVersion = 'does-not-exist-9'
    const v = asAdmin(['import', writeJson('unknown-version.json', unknownVersion)])
    expect(v.status).toBe(1)
    expect(v.stderr).toMatch(/^error IMPORT_INVALID: /m)
    expect(v.stderr).toContain('persons[0].statementVersion: validation.statement.unknown')
    expect(list()).toEqual([])
  })

  it('refuses a BSN for an employment that starts in 2031 with exit 1, naming the row and the field, writing nothing (R-16a)', () => {
    const file = withoutSpecial()
    const bsn = file.persons[1].bsn as string
    file.persons[1].employments = [{ start: '2031-01-05', end: null, kind: 'uitzenden' }]
    const r = asAdmin(['import', writeJson('bsn-2031.json', file)])
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/^error IMPORT_INVALID: /m)
    expect(r.stderr).toContain('persons[1].bsn: validation.bsn.employmentNotStarted')
    expect(r.stderr).not.toContain(bsn)
    expect(list()).toEqual([])
  })

  it('refuses a file whose special-category row has no valid basis, writing nothing (R-4)', () => {
    const bad = JSON.parse(readFileSync(EXAMPLE, 'utf8'))
    bad.persons[1].special[0].legalBasis = 'no-such-basis'
    const r = asAdmin(['import', writeJson('bad-special.json', bad)])
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('persons[1].special[0]: validation.special.basis')
    expect(list()).toEqual([])
  })

  it('imports a good file and lists the persons as JSON', () => {
    const r = asAdmin(['--json', 'import', writeJson('good.json', withoutSpecial())])
    expect(r.status, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({ persons: 2, doNotContact: 1, clients: 1, warnings: [] })
    const persons = list()
    expect(persons.map((p) => p.ref).sort()).toEqual(['LEG-0001', 'LEG-0002'])
    for (const p of persons) expect(Object.keys(p).sort()).toEqual(['familyName', 'givenName', 'id', 'ref', 'roles', 'state'])
    expect(persons.find((p) => p.ref === 'LEG-0002')).toMatchObject({ givenName: 'Daan', familyName: 'Jansen', roles: ['candidate', 'flexworker'], state: 'active' })
  })

  it('imports free text that looks like special data, warning per row and field on stderr without the text (R-4a)', () => {
    const file = withoutSpecial()
    file.persons = file.persons.filter((p: Record<string, unknown>) => p.doNotContact !== true)
    file.persons.forEach((p: Record<string, unknown>, i: number) => {
      p.ref = `FT-${i}`
      p.email = `vrije.tekst.${i}@example.org`
      delete p.phone
    })
    file.persons[1].particulars = 'Hernia; lid FNV'
    delete file.clients
    for (const p of file.persons) delete p.recruitment
    const r = asAdmin(['import', writeJson('free-text.json', file)])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toContain('Imported 2 persons')
    expect(r.stderr).toContain('persons[1].particulars: warning.specialDataInFreeText (health)')
    expect(r.stderr).toContain('persons[1].particulars: warning.specialDataInFreeText (union)')
    expect(r.stderr).not.toMatch(/hernia|fnv/i)
    expect(r.stdout).not.toMatch(/hernia|fnv/i)
  })

  it('shows one person by --ref or by id, with the BSN masked', () => {
    const byRef = asAdmin(['--json', 'person', 'show', '--ref', 'LEG-0002'])
    expect(byRef.status, byRef.stderr).toBe(0)
    const detail = JSON.parse(byRef.stdout)
    expect(detail).toMatchObject({ ref: 'LEG-0002', givenName: 'Daan', employmentData: { bsn: '******782' } })
    expect(byRef.stdout).not.toContain('123456782')
    const byId = asAdmin(['--json', 'person', 'show', detail.id])
    expect(JSON.parse(byId.stdout).id).toBe(detail.id)
    const missing = asAdmin(['person', 'show', '--ref', 'NOPE'])
    expect(missing.status).toBe(1)
    expect(missing.stderr).toContain('NOT_FOUND')
  })

  it('seeds demo persons (admin only); never into an office server', () => {
    if (TEST_ENGINE === 'postgres') {
      // Made-up people have no place in an office's real data set: a desk of the server refuses.
      const before = list().length
      const refused = asAdmin(['--json', 'seed-demo', '--persons', '5', '--seed', '9'])
      expect(refused.status).toBe(1)
      expect(JSON.parse(refused.stderr)).toMatchObject({ error: { code: 'NOT_ON_SERVER' } })
      expect(list()).toHaveLength(before)
      return
    }
    const r = asAdmin(['--json', 'seed-demo', '--persons', '250', '--seed', '9'])
    expect(r.status, r.stderr).toBe(0)
    const summary = JSON.parse(r.stdout)
    expect(summary.persons + summary.doNotContact).toBe(250)
    // The retention sweep runs at every sign-in: demo persons who unsubscribed long ago are
    // shielded or deleted by then, so they leave the normal list — that is the demo's point.
    const active = list().length
    expect(active).toBeGreaterThan(2 + summary.persons / 2)
    expect(active).toBeLessThan(2 + summary.persons)
    expect(list(['--include-shielded']).length).toBeGreaterThan(active)

    const staff = (args: string[]) => dossier(['--user', 'medewerker', ...args], { DOSSIER_PASSPHRASE: 'medewerker passphrase 1' })
    expect(staff(['seed-demo', '--persons', '5', '--seed', '10']).stderr).toContain('FORBIDDEN')
    const shielded = staff(['person', 'list', '--include-shielded'])
    expect(shielded.status).toBe(1)
    expect(shielded.stderr).toContain('FORBIDDEN')
    expect(staff(['--json', 'person', 'list']).status).toBe(0)
  })
})
