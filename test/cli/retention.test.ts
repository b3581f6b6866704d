import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemClock } from '../../src/main/clock'
import { addCalendarDays } from '../../src/shared/time'
import { insertPerson } from '../main/retention/personFixture'
import { cliJsonAs } from '../support/cli'
import { ADMIN, newTestApp } from '../support/testApp'

/**
 * The retention CLI as an operator runs it: the BUILT CLI (`npm run build`), a real vault, the
 * real clock. Dates are relative to today because the CLI cannot be given another "today".
 */
const ROOT = resolve(__dirname, '../..')
const today = systemClock.today()
const STAFF = { username: 'medewerker', displayName: 'Medewerker', passphrase: 'medewerker wachtwoordzin' }

let vaultDir = ''
let dispose: () => Promise<void> = async () => {}
const ids: Record<string, string> = {}

const dossier = (args: string[], user = ADMIN) => cliJsonAs(vaultDir, user, args)

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'out/main/cli.js'))) throw new Error('CLI not built: run `npm run build` first')
  const t = await newTestApp({ start: `${today}T10:00:00Z` })
  await t.call('addAccount', { ...STAFF, roles: ['staff'] })
  await t.app.vault.dataSource.transaction(async (m) => {
    ids['soon'] = (await insertPerson(m, { person: { ref: 'CLI-1', unsubscribedOn: addCalendarDays(today, 10) } })).id
    ids['overdue'] = (await insertPerson(m, { person: { ref: 'CLI-2', unsubscribedOn: addCalendarDays(today, -200) } })).id
    ids['idle'] = (await insertPerson(m, { person: { ref: 'CLI-3' } })).id
  })
  vaultDir = t.vaultDir
  await t.app.close()
  dispose = t.dispose
})
afterAll(async () => {
  await dispose()
})

describe('dossier retention / policy', () => {
  it('previews as of any date, as JSON [{id, ref, state, rule, action, dueDate, pending}], after the unlock catch-up did what was overdue', () => {
    const r = dossier(['retention', 'preview', '--as-of', addCalendarDays(today, 30)])
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    const rows = r.out as { id: string; pending: boolean; dueDate: string }[]
    // the sweep's work by then first; then every other person's next step (R-11a: nobody without a date)
    expect(rows[0]).toEqual({ id: ids['soon'], ref: 'CLI-1', state: 'active', rule: 'unsubscribed-never-worked', action: 'shield', dueDate: addCalendarDays(today, 10), pending: true })
    expect(rows.filter((i) => i.pending)).toHaveLength(1)
    // the overdue one was deleted by the catch-up at unlock; the idle one has its re-confirmation date
    expect(rows.map((i) => i.id)).toEqual([ids['soon'], ids['idle']])
    expect(rows[1]).toMatchObject({ id: ids['idle'], action: 'reconfirm', rule: 'inactivity-reconfirm', pending: false })
    const far = dossier(['retention', 'preview', '--as-of', '2099-01-01', '--within', '0']).out as { id: string }[]
    expect(far.map((i) => i.id)).toEqual([ids['soon']])
  })

  it('runs as of today or a past date, never a future one', () => {
    const future = dossier(['retention', 'run', '--as-of', addCalendarDays(today, 1)])
    expect(future.code).toBe(1)
    expect(JSON.parse(future.err)).toMatchObject({ error: { code: 'FUTURE_DATE_NOT_ALLOWED' } })

    const run = dossier(['retention', 'run'])
    expect(run.code).toBe(0)
    expect(run.out).toMatchObject({ asOf: today, trigger: 'manual', counts: {}, policyVersion: 1, finishedAt: expect.any(String) })

    const backdated = dossier(['retention', 'run', '--as-of', addCalendarDays(today, -5)])
    expect(backdated.out).toMatchObject({ asOf: addCalendarDays(today, -5), counts: {} })

    const runs = dossier(['retention', 'runs']).out as { trigger: string; counts: Record<string, number> }[]
    // every CLI session's unlock ran the catch-up; the first one deleted the overdue record
    expect(runs.filter((r) => r.trigger === 'unlock').some((r) => r.counts['delete:unsubscribed-never-worked'] === 1)).toBe(true)
    expect(runs.filter((r) => r.trigger === 'manual')).toHaveLength(2)
  })

  it('refuses a run to a staff account without the privacy officer role', () => {
    const r = dossier(['retention', 'run'], STAFF)
    expect(r.code).toBe(1)
    expect(JSON.parse(r.err)).toMatchObject({ error: { code: 'FORBIDDEN' } })
  })

  it('shows the policy in force', () => {
    const r = dossier(['policy', 'show'])
    expect(r.code).toBe(0)
    expect(r.out).toMatchObject({ version: 1, rules: expect.arrayContaining([expect.objectContaining({ id: 'legal-hold-payroll', law: 'AWR art. 52', term: { amount: 7, unit: 'fullCalendarYearsAfterYearEnd' } })]) })
    expect(((r.out as { rules: unknown[] }).rules).length).toBe(9) // R-11..R-16, R-3a, R-4 and the two R-11a rules
  })
})
