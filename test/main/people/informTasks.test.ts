import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { informTaskFor } from '../../../src/main/people/informTasks'
import { InformTask1796640000000 } from '../../../src/main/vault/migrations/InformTask1796640000000'
import { TEST_ENGINE } from '../../support/serverTestApp'
import { newTestApp } from '../../support/testApp'
import { TODAY, type TestApp, count, create, failure, fullIntake, prospect, rows, signInAs } from './peopleFixtures'

let t: TestApp
beforeEach(async () => {
  t = await newTestApp()
})
afterEach(async () => {
  await t.dispose()
})

const tasks = () => t.call('listInformTasks', {})

describe('the duty to inform (R-27, GDPR art. 14(3))', () => {
  it('is due one calendar month after the data came in, only for a public website or a third party', () => {
    expect(informTaskFor('p', 'public-website', '2026-01-31')?.dueOn).toBe('2026-02-28')
    expect(informTaskFor('p', 'third-party', '2026-11-27')?.dueOn).toBe('2026-12-27')
    for (const kind of ['walk-in', 'website', 'mailing', 'phone'] as const) expect(informTaskFor('p', kind, TODAY)).toBeNull()
  })

  it('an intake from a public website or a third party creates a task on the list; a walk-in none', async () => {
    const noor = await create(t, prospect())
    await create(t, fullIntake())
    const referred = await create(t, prospect({ givenName: 'Daan', familyName: 'Smit', email: 'daan.smit@example.com', source: { kind: 'third-party', detail: 'Doorverwezen door het UWV' }, registeredOn: '2026-10-20', statementShownOn: '2026-10-20' }))
    const list = await tasks()
    // Overdue first (the earliest due date), highlighted by the screen.
    expect(list).toMatchObject({ asOf: TODAY, total: 2, overdue: 1 })
    expect(list.items).toEqual([
      expect.objectContaining({ personId: referred, sourceKind: 'third-party', obtainedOn: '2026-10-20', dueOn: '2026-11-20', overdue: true }),
      { personId: noor, ref: null, givenName: 'Noor', familyName: 'El Amrani', sourceKind: 'public-website', obtainedOn: TODAY, dueOn: '2026-12-27', overdue: false }
    ])
    // Listing names is a view of personal data: audited, without values.
    expect(await t.sql('SELECT "reason" FROM "audit_entry" WHERE "action" = :action', { action: 'inform.list' })).toEqual([{ reason: 'records=2' }])
  })

  it('is overdue the day after its due date, and due at the first contact if that comes first', async () => {
    const noor = await create(t, prospect())
    t.clock.set('2026-12-27T10:00:00Z')
    expect((await tasks()).items[0]).toMatchObject({ dueOn: '2026-12-27', overdue: false })
    t.clock.set('2026-12-28T10:00:00Z')
    expect((await tasks()).items[0]).toMatchObject({ overdue: true })
    expect((await tasks()).overdue).toBe(1)

    t.clock.set('2026-11-28T10:00:00Z')
    const daan = await create(t, prospect({ givenName: 'Daan', familyName: 'Smit', email: 'daan.smit@example.com', source: { kind: 'public-website', detail: 'https://profielen.example.nl/daan' }, registeredOn: '2026-11-28', statementShownOn: '2026-11-28' }))
    t.clock.set('2026-12-02T10:00:00Z')
    // A W&S procedure started with Daan: a contact, so he is to be told now.
    await t.call('addRecruitmentProcedure', { personId: daan, clientName: 'Bouwbedrijf Example', start: '2026-12-02', end: null })
    const items = (await tasks()).items
    expect(items.find((i) => i.personId === daan)).toMatchObject({ dueOn: '2026-12-02' })
    expect(items.find((i) => i.personId === noor)).toMatchObject({ dueOn: '2026-12-27' })
  })

  it('recording how and when the person was informed closes the task, audited without values; only once', async () => {
    const noor = await create(t, prospect())
    t.clock.set('2026-12-03T10:00:00Z')
    const e = await failure(t.call('recordInformed', { personId: noor, how: 'email', informedOn: '2026-12-04' }))
    expect(e).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'informedOn', key: 'validation.date.future' }] })
    expect((await failure(t.call('recordInformed', { personId: noor, how: 'email', informedOn: '2026-11-26' }))).issues).toEqual([
      { path: 'informedOn', key: 'validation.date.beforeRegistration' }
    ])
    expect(await t.call('recordInformed', { personId: noor, how: 'phone', informedOn: '2026-12-01' })).toEqual({ personId: noor, how: 'phone', informedOn: '2026-12-01' })
    expect(await tasks()).toMatchObject({ total: 0, items: [] })
    expect(await rows(t, 'inform_task')).toEqual([expect.objectContaining({ personId: noor, doneOn: '2026-12-01', doneHow: 'phone', recordedAt: '2026-12-03T10:00:00.000Z' })])
    const entries = await t.sql('SELECT "subjectId", "fields", "reason" FROM "audit_entry" WHERE "action" = :action', { action: 'inform.record' })
    expect(entries).toHaveLength(1)
    expect(entries[0]).toEqual({ subjectId: noor, fields: JSON.stringify(['doneHow', 'doneOn', 'lastActivityOn']), reason: 'how=phone' })
    // Informing is contact (R-11a).
    expect(await t.sql('SELECT "lastActivityOn" FROM "person" WHERE "id" = :noor', { noor })).toEqual([{ lastActivityOn: '2026-12-01' }])
    expect((await failure(t.call('recordInformed', { personId: noor, how: 'email', informedOn: '2026-12-02' }))).code).toBe('CONFLICT')
    const walkIn = await create(t, fullIntake())
    expect((await failure(t.call('recordInformed', { personId: walkIn, how: 'email', informedOn: '2026-12-02' }))).code).toBe('CONFLICT')
  })

  it('import and a rectified source create the task too; the task goes with the person (erasure, do-not-contact)', async () => {
    const file = {
      format: 'dossier-import/1',
      persons: [
        { ref: 'LEG-1', givenName: 'Sem', familyName: 'de Wit', gender: 'male', email: 'sem@example.com', source: { kind: 'public-website', detail: 'https://profielen.example.nl/sem' }, registeredOn: '2026-11-01', roles: ['prospect'], purposes: ['mediation'] },
        { ref: 'LEG-2', givenName: 'Lot', familyName: 'Bakker', gender: 'female', birthDate: '1990-01-01', email: 'lot@example.com', source: { kind: 'third-party' }, registeredOn: '2026-06-01', unsubscribedOn: '2026-07-01', roles: ['candidate'], purposes: ['mediation'] },
        { ref: 'LEG-3', givenName: 'Bo', familyName: 'Visser', gender: 'female', birthDate: '1991-01-01', email: 'bo@example.com', source: { kind: 'walk-in' }, registeredOn: '2026-06-01', roles: ['candidate'], purposes: ['mediation'] }
      ]
    }
    await t.call('importPersons', { text: JSON.stringify(file) })
    expect((await tasks()).items.map((i) => [i.ref, i.dueOn])).toEqual([['LEG-1', '2026-12-01']])
    const bo = await t.call('getPerson', { ref: 'LEG-3' })
    await t.call('updatePerson', { personId: bo.id, changes: { source: { kind: 'third-party', detail: 'Aangemeld door haar vorige werkgever' } }, reason: 'Bron gecorrigeerd' })
    expect((await tasks()).items.map((i) => [i.ref, i.dueOn])).toEqual([['LEG-3', '2026-07-01'], ['LEG-1', '2026-12-01']])

    await t.call('requestAndApplyErasure', { personId: bo.id, reason: 'Verzoek van betrokkene' })
    const sem = await t.call('getPerson', { ref: 'LEG-1' })
    await t.call('markDoNotContact', { personId: sem.id, reasonCategory: 'no-approach' })
    expect(await count(t, 'inform_task')).toBe(0)
  })

  it('is for the people who contact persons, and only for an active record', async () => {
    const noor = await create(t, prospect())
    await t.call('setUnsubscribed', { personId: noor, unsubscribedOn: TODAY })
    await t.call('runRetention', {})
    await signInAs(t, 'beheer2', ['admin'])
    expect((await failure(tasks())).code).toBe('FORBIDDEN')
    await signInAs(t, 'medewerker', ['staff'])
    const state = (await t.sql<{ state: string }>('SELECT "state" FROM "person" WHERE "id" = :noor', { noor }))[0]?.state
    expect(state).toBe('shielded')
    expect(await tasks()).toMatchObject({ total: 0 })
    expect((await failure(t.call('recordInformed', { personId: noor, how: 'email', informedOn: TODAY }))).code).toBe('RETENTION_SHIELDED')
  })

  // An older local vault's upgrade: an office database is made with every migration at once (no person predates inform_task).
  it.skipIf(TEST_ENGINE === 'postgres')('the migration gives the active public-website persons of an older vault their task, due a month after registration', async () => {
    const noor = await create(t, prospect({ registeredOn: '2026-08-31', statementShownOn: '2026-08-31' }))
    await create(t, fullIntake())
    await t.sql('DROP TABLE "inform_task"')
    const runner = t.app.vault.dataSource.createQueryRunner()
    await new InformTask1796640000000().up(runner)
    await runner.release()
    expect(await rows(t, 'inform_task')).toEqual([expect.objectContaining({ personId: noor, sourceKind: 'public-website', obtainedOn: '2026-08-31', dueOn: '2026-09-30', doneOn: null })])
  })
})
