import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemClock } from '../../src/main/clock'
import { specialConsent, insertPerson } from '../main/consent/consentFixtures'
import { ADMIN, newTestApp } from '../support/testApp'
import { deskArgs } from '../support/cliDesk'

/**
 * `dossier consent list|withdraw` as an operator runs them: the BUILT CLI (`npm run build`), a
 * real vault, the real clock (so the fixture's dates are today's).
 */
const ROOT = resolve(__dirname, '../..')
const today = systemClock.today()
const STAFF = { username: 'medewerker', displayName: 'Medewerker', passphrase: 'medewerker wachtwoordzin' }

let vaultDir = ''
let dispose: () => Promise<void> = async () => {}
let personId = ''
let consentId = ''

function dossier(args: string[], user = ADMIN, json = true) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/dossier.js'), ...deskArgs(['--vault', vaultDir]), '--user', user.username, ...(json ? ['--json'] : []), ...args], {
    env: { ...process.env, DOSSIER_PASSPHRASE: user.passphrase },
    encoding: 'utf8',
    timeout: 60_000
  })
  return { code: r.status, stdout: r.stdout, out: json && r.stdout ? (JSON.parse(r.stdout) as unknown) : null, err: r.stderr }
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'out/main/cli.js'))) throw new Error('CLI not built: run `npm run build` first')
  const t = await newTestApp({ start: `${today}T10:00:00Z` })
  await t.call('addAccount', { ...STAFF, roles: ['staff'] })
  personId = await insertPerson(t)
  consentId = (await t.call('recordConsent', specialConsent(personId, { givenOn: today }))).id
  await t.call('recordConsent', specialConsent(personId, { givenOn: today, category: 'ethnicity' }))
  await t.call('saveSpecialData', { personId, category: 'religion', purpose: 'personnel', value: 'CLI-geheim: allergie' })
  vaultDir = t.vaultDir
  await t.app.close()
  dispose = t.dispose
})
afterAll(async () => {
  await dispose()
})

describe('dossier consent', () => {
  it('lists a person\'s consents as JSON with their state, never a special-data value', () => {
    const r = dossier(['consent', 'list', personId], STAFF)
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    const rows = r.out as { id: string; category: string; state: string; specialDataCount: number }[]
    expect(rows.map((c) => [c.category, c.state, c.specialDataCount]).sort()).toEqual([
      ['ethnicity', 'valid', 0],
      ['religion', 'valid', 1]
    ])
    expect(rows.some((c) => c.id === consentId)).toBe(true)
    expect(r.stdout).not.toContain('CLI-geheim')
  })

  it('withdraws by person, category and purpose: the data is deleted and the state is withdrawn', () => {
    const r = dossier(['consent', 'withdraw', personId, '--category', 'religion', '--purpose', 'personnel'], STAFF)
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    expect(r.out).toEqual({ personId, withdrawn: [consentId], deletedSpecialData: 1 })
    const rows = dossier(['consent', 'list', personId]).out as { category: string; state: string; specialDataCount: number }[]
    expect(rows.find((c) => c.category === 'religion')).toMatchObject({ state: 'withdrawn', specialDataCount: 0 })
  })

  it('fails with a stable code and no personal data when there is nothing to withdraw or the input is wrong', () => {
    const again = dossier(['consent', 'withdraw', personId, '--category', 'religion', '--purpose', 'personnel'])
    expect(again.code).toBe(1)
    expect(JSON.parse(again.err)).toMatchObject({ error: { code: 'NOT_FOUND' } })
    const bad = dossier(['consent', 'withdraw', personId, '--category', 'astrology', '--purpose', 'personnel'], ADMIN, false)
    expect(bad.code).toBe(2)
    expect(bad.err).toMatch(/^error USAGE: unknown category/)
    const human = dossier(['consent', 'list', personId], ADMIN, false)
    expect(human.code).toBe(0)
    expect(human.stdout).toMatch(/ethnicity\tpersonnel\tconsent .*\tvalid\t0 item\(s\)/)
  })
})
