import { execFile } from 'node:child_process'
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tamperWithAuditTrail } from '../main/audit/tamper'
import type { BreachView } from '../../src/shared/contract/governance'
import { prospect } from '../main/people/peopleFixtures'
import { ADMIN, newTestApp } from '../support/testApp'
import { deskArgs } from '../support/cliDesk'

const run = promisify(execFile)
const ROOT = resolve(__dirname, '../..')
const BIN = join(ROOT, 'bin/dossier.js')

/** The built CLI (`node bin/dossier.js`), as an administrator would run it. */
describe('dossier CLI: audit, breach, register, statement (R-22..R-24)', () => {
  let t: Awaited<ReturnType<typeof newTestApp>>
  let staffId: string
  let personId: string

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'out/main/cli.js'))) throw new Error('CLI not built: run `npx electron-vite build` first')
    t = await newTestApp()
    staffId = (await t.call('addAccount', { username: 'balie', displayName: 'Balie', roles: ['staff'], passphrase: 'balie sneeuw pen 1' })).id
    await t.call('createBreach', { discoveredAtLocal: '2026-11-27T09:00', description: 'USB-stick kwijt', dataCategories: ['contact'], personsAffected: 12, risk: 'low', status: 'suspected' })
    personId = (await t.call('createPerson', prospect())).personId
    await t.app.signOut()
  })
  afterAll(async () => t?.dispose())

  async function dossier(args: string[], user = ADMIN.username, passphrase = ADMIN.passphrase): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const r = await run(process.execPath, [BIN, ...deskArgs(['--vault', t.vaultDir]), '--user', user, ...args], { env: { ...process.env, DOSSIER_PASSPHRASE: passphrase }, cwd: t.dir })
      return { code: 0, stdout: r.stdout, stderr: r.stderr }
    } catch (e) {
      const f = e as { code: number; stdout: string; stderr: string }
      return { code: f.code, stdout: f.stdout, stderr: f.stderr }
    }
  }

  it('`audit verify --json` prints {ok, entries, head} and exits 0 on an intact trail', async () => {
    const r = await dossier(['--json', 'audit', 'verify'])
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as { ok: boolean; entries: number; head: string }
    expect(Object.keys(out).slice(0, 3)).toEqual(['ok', 'entries', 'head'])
    expect(out.ok).toBe(true)
    expect(out.entries).toBeGreaterThan(4)
    expect(out.head).toMatch(/^[0-9a-f]{64}$/)
  })

  it('`audit list --person ID --json` lists that record\'s entries with the actor\'s name', async () => {
    const r = await dossier(['--json', 'audit', 'list', '--person', staffId])
    expect(r.code).toBe(0)
    const entries = JSON.parse(r.stdout) as { action: string; actorName: string; subjectLabel: string }[]
    expect(entries).toEqual([expect.objectContaining({ action: 'account.add', actorName: ADMIN.username, subjectLabel: 'balie' })])
    const byActor = await dossier(['--json', 'audit', 'list', '--actor', 'BALIE'])
    expect(JSON.parse(byActor.stdout)).toEqual([])
  })

  it('`audit export` writes the filtered trail to an owner-only file', async () => {
    const file = join(t.dir, 'trail.csv')
    const r = await dossier(['audit', 'export', '--action', 'breach.create', '--format', 'csv', '--out', file])
    expect(r.code).toBe(0)
    const lines = readFileSync(file, 'utf8').trimEnd().split('\r\n')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain('breach.create')
    expect(statSync(file).mode & 0o077).toBe(0)
  })

  it('lists breaches, writes the processing register and lists statement versions', async () => {
    const breaches = JSON.parse((await dossier(['--json', 'breach', 'list'])).stdout) as { deadlineLocal: string; regulator: string }[]
    expect(breaches).toEqual([expect.objectContaining({ deadlineLocal: '2026-11-30T09:00' })])
    const html = join(t.dir, 'register.html')
    expect((await dossier(['register', '--lang', 'en', '--out', html])).code).toBe(0)
    expect(readFileSync(html, 'utf8')).toContain('Record of processing activities')
    const versions = JSON.parse((await dossier(['--json', 'statement', 'list'])).stdout) as { version: string }[]
    expect(versions.map((v) => v.version)).toEqual(['2018-05'])
  })

  it('refuses the audit commands to an account without the privacy-officer role', async () => {
    const r = await dossier(['--json', 'audit', 'verify'], 'balie', 'balie sneeuw pen 1')
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stderr)).toMatchObject({ error: { code: 'FORBIDDEN' } })
  })

  it('`breach add` links persons by id and needs a reason for a late report; `breach list --json` shows it', async () => {
    const late = ['breach', 'add', '--discovered', '2026-11-20T08:00', '--description', 'Cv naar verkeerde opdrachtgever gemaild', '--categories', 'cv,contact', '--risk', 'high']
    const refused = await dossier([...late, '--person', personId, '--reported-regulator', '2026-11-24T08:00'])
    expect(refused.stderr).toMatch(/^error VALIDATION_FAILED: .*lateReason: validation\.breach\.lateReasonRequired/)
    const added = await dossier(['--json', ...late, '--person', personId, '--reported-regulator', '2026-11-24T08:00', '--late-reason', 'Pas na navraag bij de opdrachtgever bekend'])
    expect(added.code).toBe(0)
    const list = JSON.parse((await dossier(['--json', 'breach', 'list'])).stdout) as BreachView[]
    expect(list).toHaveLength(2) // the fixture's and this one: the refused one wrote nothing
    expect(list.find((b) => b.id === (JSON.parse(added.stdout) as BreachView).id)).toMatchObject({
      regulator: 'reported-late',
      lateReason: 'Pas na navraag bij de opdrachtgever bekend',
      informPersons: true,
      personsAffected: 1,
      affected: [expect.objectContaining({ personId })]
    })
  })

  it('`audit anchor` prints a text that later proves a rewritten trail; `audit verify` exits 1 with the first broken entry', async () => {
    const anchor = await dossier(['audit', 'anchor'])
    expect(anchor.code).toBe(0)
    expect(anchor.stdout).toMatch(/^Dossier audit anchor\nvault: [0-9a-f-]{36}\nentry: \d+\nhead: [0-9a-f]{64}\nmade: /)
    const anchorFile = join(t.dir, 'anchor.txt')
    writeFileSync(anchorFile, anchor.stdout)

    await tamperWithAuditTrail(t.vaultDir, `UPDATE "audit_entry" SET "reason" = 'edited' WHERE "seq" = 3`)
    const broken = await dossier(['--json', 'audit', 'verify', '--anchor', anchorFile])
    expect(broken.code).toBe(1)
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, brokenAt: 3, problem: 'hash', entry: { seq: 3 } })
    expect(JSON.parse(broken.stderr)).toMatchObject({ error: { code: 'AUDIT_TRAIL_BROKEN' } })
    const human = await dossier(['audit', 'verify'])
    expect(human.code).toBe(1)
    expect(human.stdout).toContain('AUDIT TRAIL BROKEN at entry 3 (hash)')
  })
  it('keeps the registers of processors and DPIAs (R-28): save, list, change, remove; staff refused', async () => {
    const saved = await dossier(['--json', 'processor', 'save', '--name', 'Salarisbureau Noord', '--purpose', 'Loonadministratie', '--categories', 'identity,financial', '--agreement-on', '2026-01-15', '--location', 'Groningen', '--country', 'Nederland'])
    expect(saved.stderr).toBe('')
    const processor = JSON.parse(saved.stdout) as { id: string; name: string; dataCategories: string[] }
    expect(processor).toMatchObject({ name: 'Salarisbureau Noord', dataCategories: ['identity', 'financial'] })
    const changed = await dossier(['--json', 'processor', 'save', '--id', processor.id, '--name', 'Salarisbureau Noord BV', '--purpose', 'Loonadministratie', '--categories', 'identity', '--location', 'Groningen', '--country', 'Nederland'])
    expect(JSON.parse(changed.stdout)).toMatchObject({ id: processor.id, name: 'Salarisbureau Noord BV', agreementOn: null })
    expect((JSON.parse((await dossier(['--json', 'processor', 'list'])).stdout) as { id: string }[]).map((p) => p.id)).toContain(processor.id)
    const refused = await dossier(['--json', 'processor', 'list'], 'balie', 'balie sneeuw pen 1')
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/"code":"FORBIDDEN"/)
    const badCategory = await dossier(['--json', 'processor', 'save', '--name', 'X', '--purpose', 'Y', '--categories', 'zodiac', '--location', 'Z', '--country', 'NL'])
    expect(badCategory.stderr).toMatch(/"code":"VALIDATION_FAILED"/)

    const dpia = JSON.parse((await dossier(['--json', 'dpia', 'save', '--subject', 'Verzuim- en gezondheidsgegevens', '--assessed-on', '2026-03-01', '--outcome', 'Toegang alleen privacy officer', '--next-review', '2027-03-01'])).stdout) as { id: string; reviewDue: boolean }
    expect(dpia.reviewDue).toBe(false)
    expect(JSON.parse((await dossier(['--json', 'dpia', 'list'])).stdout)).toEqual([expect.objectContaining({ id: dpia.id, subject: 'Verzuim- en gezondheidsgegevens' })])
    expect((await dossier(['--json', 'dpia', 'remove', dpia.id])).code).toBe(0)
    expect((await dossier(['--json', 'processor', 'remove', processor.id])).code).toBe(0)
    expect(JSON.parse((await dossier(['--json', 'dpia', 'list'])).stdout)).toEqual([])
  })
})
