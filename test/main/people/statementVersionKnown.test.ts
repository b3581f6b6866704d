import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { generateDemoImport } from '../../../src/main/demo/generateDemo'
import { newTestApp } from '../../support/testApp'
import { TODAY, type TestApp, count, create, detail, failure, fullIntake } from './peopleFixtures'

let t: TestApp
beforeEach(async () => {
  t = await newTestApp()
})
afterEach(async () => {
  await t.dispose()
})

const unknown = { code: 'STATEMENT_VERSION_UNKNOWN', issues: [{ path: 'statementVersion', key: 'validation.statement.unknown' }] }

describe('privacy-statement versions must exist (R-24, issue 14 point 7)', () => {
  it('refuses an intake naming a version that is not registered, writing nothing', async () => {
    const e = await failure(create(t, fullIntake({ statementVersion: 'does-not-exist-9' })))
    expect(e).toMatchObject(unknown)
    expect(await count(t, 'person')).toBe(0)
  })

  it('gives a new intake without a version the one in force on the day it was shown, not the oldest', async () => {
    await t.call('addStatementVersion', { version: '2026-11', validFrom: '2026-11-01', text: 'Versie november 2026.' })
    await t.call('addStatementVersion', { version: '2027-01', validFrom: '2027-01-01', text: 'Versie 2027 (nog niet in werking).' })
    const { statementVersion: _omitted, ...intake } = fullIntake({ ref: 'K-2001', email: 'nieuw@example.nl', phone: '0611111111' })
    const id = await create(t, intake)
    expect(await detail(t, id)).toMatchObject({ statementVersion: '2026-11', statementShownOn: TODAY })
    const older = await create(t, { ...intake, ref: 'K-2002', email: 'ouder@example.nl', phone: '0622222222', birthDate: '1980-01-01', statementShownOn: '2026-10-15' })
    expect((await detail(t, older)).statementVersion).toBe('2018-05')
  })

  it('refuses a rectification to an unknown version and keeps the recorded one', async () => {
    const id = await create(t, fullIntake())
    const e = await failure(t.call('updatePerson', { personId: id, changes: { statementVersion: '2099-99' }, reason: 'Andere versie getoond' }))
    expect(e).toMatchObject({ code: 'STATEMENT_VERSION_UNKNOWN', issues: [{ path: 'changes.statementVersion', key: 'validation.statement.unknown' }] })
    expect((await detail(t, id)).statementVersion).toBe('2018-05')
    await t.call('addStatementVersion', { version: '2026-11', validFrom: '2026-11-01', text: 'Versie november 2026.' })
    await t.call('updatePerson', { personId: id, changes: { statementVersion: '2026-11' }, reason: 'Nieuwe versie getoond' })
    expect((await detail(t, id)).statementVersion).toBe('2026-11')
  })

  it('refuses an import naming an unknown version, per row, importing nothing; the demo data names registered versions only', async () => {
    const file = generateDemoImport({ persons: 40, seed: 7, today: TODAY })
    expect(new Set(file.persons.map((p) => p.statementVersion))).toEqual(new Set(['2018-05']))
    const bad = { ...file, persons: file.persons.map((p, i) => (i === 3 ? { ...p, statementVersion: 'does-not-exist-9' } : p)) }
    const e = await failure(t.call('importPersons', { text: JSON.stringify(bad) }))
    expect(e).toMatchObject({ code: 'IMPORT_INVALID', issues: [{ path: 'persons[3].statementVersion', key: 'validation.statement.unknown' }] })
    expect(await count(t, 'person')).toBe(0)
    const summary = await t.call('importPersons', { text: JSON.stringify(file) })
    expect(summary.persons).toBeGreaterThan(30)
  })
})
