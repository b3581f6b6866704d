import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemClock } from '../../src/main/clock'
import { addCalendarDays, addCalendarMonths, compareDates } from '../../src/shared/time'
import { insertPerson } from '../main/retention/personFixture'
import { cliJsonAs } from '../support/cli'
import { ADMIN, newTestApp } from '../support/testApp'

/**
 * R-11a through the BUILT CLI (`npm run build`): every person has a clock in the preview, the
 * re-confirmation list and the answers. Real clock, so dates are relative to today.
 */
const ROOT = resolve(__dirname, '../..')
const today = systemClock.today()
const STAFF = { username: 'medewerker', displayName: 'Medewerker', passphrase: 'medewerker wachtwoordzin' }
/** twelve months and a few days ago: due for re-confirmation, the reply deadline still ahead */
const idleSince = addCalendarDays(today, -370)

let vaultDir = ''
let dispose: () => Promise<void> = async () => {}
const ids: Record<string, string> = {}

const dossier = (args: string[], user = ADMIN) => cliJsonAs(vaultDir, user, args)

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'out/main/cli.js'))) throw new Error('CLI not built: run `npm run build` first')
  const t = await newTestApp({ start: `${today}T10:00:00Z` })
  await t.call('addAccount', { ...STAFF, roles: ['staff'] })
  await t.app.vault.dataSource.transaction(async (m) => {
    const idle = (ref: string) => insertPerson(m, { person: { ref, givenName: 'Idle', familyName: ref, registeredOn: addCalendarDays(idleSince, -30), lastActivityOn: idleSince } })
    ids['confirm'] = (await idle('RC-1')).id
    ids['leave'] = (await idle('RC-2')).id
    ids['idle'] = (await idle('RC-3')).id
    const ended = addCalendarDays(today, -100)
    ids['exworker'] = (
      await insertPerson(m, {
        roles: ['flexworker'],
        person: { ref: 'RC-4', registeredOn: addCalendarDays(ended, -400), lastActivityOn: ended },
        employments: [{ start: addCalendarDays(ended, -365), end: ended }]
      })
    ).id
    ids['employee'] = (
      await insertPerson(m, {
        roles: ['flexworker'],
        person: { ref: 'RC-5', registeredOn: '2024-01-08', lastActivityOn: '2024-01-08' },
        employments: [{ start: '2024-02-01', end: null }]
      })
    ).id
  })
  vaultDir = t.vaultDir
  await t.app.close()
  dispose = t.dispose
})
afterAll(async () => {
  await dispose()
})

describe('dossier retention: every record has a clock (R-11a)', () => {
  it('preview --clocks --as-of 2099-01-01 gives every person a rule, an action and a due date never before its start', () => {
    const r = dossier(['retention', 'preview', '--clocks', '--as-of', '2099-01-01'])
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    const clocks = r.out as { id: string; rule: string; action: string; dueDate: string; since: string }[]
    expect(clocks.map((c) => c.id).sort()).toEqual(Object.values(ids).sort())
    for (const c of clocks) {
      expect(c.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(compareDates(c.dueDate, c.since)).toBeGreaterThanOrEqual(0)
    }
    // the ex-worker who never unsubscribed: R-11 runs from the employment end
    expect(clocks.find((c) => c.id === ids['exworker'])).toMatchObject({ rule: 'worked-stopped', action: 'reduce-to-legal-hold', since: addCalendarDays(today, -100) })
    // a running employment is activity every day: asked again a year after the preview date
    expect(clocks.find((c) => c.id === ids['employee'])).toMatchObject({ rule: 'inactivity-reconfirm', action: 'reconfirm', dueDate: '2100-01-01' })
    // and the plain preview as of that date lists every person with a date: the sweep's work for
    // everyone not in touch, the next step for the rest
    const far = dossier(['retention', 'preview', '--as-of', '2099-01-01']).out as { id: string; dueDate: string; action: string; pending: boolean }[]
    expect(far.map((i) => i.id).sort()).toEqual(Object.values(ids).sort())
    for (const i of far) expect(i.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(far.filter((i) => i.pending).map((i) => i.id).sort()).toEqual([ids['confirm'], ids['leave'], ids['idle'], ids['exworker']].sort())
    expect(far.find((i) => i.id === ids['employee'])).toMatchObject({ action: 'reconfirm', dueDate: '2100-01-01', pending: false })
    // with --within only the sweep's actions in that window
    const window = dossier(['retention', 'preview', '--as-of', '2099-01-01', '--within', '0']).out as { pending: boolean }[]
    expect(window.every((i) => i.pending)).toBe(true)
  })

  it('due --json lists the persons due for re-confirmation to staff, with last activity and deadline', () => {
    const r = dossier(['retention', 'due'], STAFF)
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    const deadline = addCalendarMonths(addCalendarMonths(idleSince, 12), 1)
    const refs: Record<string, string> = { confirm: 'RC-1', leave: 'RC-2', idle: 'RC-3' }
    const expected = Object.entries(refs).map(([key, ref]) => ({
      personId: ids[key],
      ref,
      givenName: 'Idle',
      familyName: ref,
      lastActivityOn: idleSince,
      dueOn: addCalendarMonths(idleSince, 12),
      deadline
    }))
    const byId = (a: { personId?: string }, b: { personId?: string }) => (a.personId ?? '').localeCompare(b.personId ?? '')
    expect(r.out).toEqual(expected.sort(byId)) // same deadline: in id order
  })

  it('reconfirm records confirmed (the clock restarts) and --leave (unsubscribed today); a wrong --how is refused', () => {
    const confirmed = dossier(['retention', 'reconfirm', ids['confirm']!, '--how', 'phone'], STAFF)
    expect(confirmed.err).toBe('')
    expect(confirmed.out).toEqual({
      personId: ids['confirm'],
      outcome: 'confirmed',
      clock: { rule: 'inactivity-reconfirm', action: 'reconfirm', dueDate: addCalendarMonths(today, 12), since: today }
    })
    const leave = dossier(['retention', 'reconfirm', ids['leave']!, '--how', 'desk', '--leave'], STAFF)
    expect(leave.out).toMatchObject({ outcome: 'wants-to-leave', clock: { rule: 'unsubscribed-never-worked', action: 'shield', dueDate: today } })

    const bad = dossier(['retention', 'reconfirm', ids['idle']!, '--how', 'fax'], STAFF)
    expect(bad.code).toBe(1)
    expect(JSON.parse(bad.err)).toMatchObject({ error: { code: 'VALIDATION_FAILED' } })

    // the leaver was shielded by the next unlock's catch-up; the confirmed one is no longer due
    expect((dossier(['retention', 'due'], STAFF).out as { personId: string }[]).map((i) => i.personId)).toEqual([ids['idle']])
  })
})
