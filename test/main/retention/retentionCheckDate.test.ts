import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newTestApp } from '../../support/testApp'
import { computeRetentionPlan } from '../../../src/main/retention/planRetention'
import { currentPolicy } from '../../../src/main/retention/policyStore'
import { computeRetentionPreview } from '../../../src/main/retention/previewRetention'
import { CHECKED_UNDER_POLICY } from '../../../src/main/retention/retentionWalk'
import { seed, sweepOn, termsOf, type TestApp } from './retentionTestKit'

let t: TestApp
beforeEach(async () => {
  t = await newTestApp({ start: '2026-01-05T10:00:00Z' })
})
afterEach(async () => {
  await t.dispose()
})
const checkOn = async (personId: string) => (await t.sql<{ retentionCheckOn: string | null }>('SELECT "retentionCheckOn" FROM "person" WHERE "id" = :personId', { personId }))[0]!.retentionCheckOn

/** A candidate with a W&S procedure, an ID copy, a consent and a role: every kind of fact row. */
async function datedPerson(): Promise<string> {
  const { id } = await seed(t, {
    roles: ['candidate'],
    recruitment: [{ start: '2026-01-05', end: null }],
    attachments: [{ kind: 'id-copy', addedOn: '2026-01-05' }, { kind: 'cv', addedOn: '2026-01-05' }],
    consents: [{ category: 'health', endsOn: '2030-01-01' }]
  })
  await sweepOn(t, '2026-02-01')
  await sweepOn(t, '2026-02-01') // dated now, whatever the first run applied
  expect(await checkOn(id)).not.toBeNull()
  return id
}

describe('the retention check date (issue 18): any change of a fact brings the record back to the next run', () => {
  it('is cleared by the database itself when a fact row is added, changed or removed, by whatever path', async () => {
    const id = await datedPerson()
    const changes: [string, string][] = [
      ['person: unsubscribe', `UPDATE "person" SET "unsubscribedOn" = '2026-02-01' WHERE "id" = :id`],
      ['person: last activity', `UPDATE "person" SET "lastActivityOn" = '2026-02-01' WHERE "id" = :id`],
      ['role added', `INSERT INTO "person_role" ("personId", "role") VALUES (:id, 'flexworker')`],
      ['employment added', `INSERT INTO "employment" ("id", "personId", "start", "end", "kind") VALUES ('e-1', :id, '2026-02-01', NULL, 'uitzenden')`],
      ['employment ended', `UPDATE "employment" SET "end" = '2026-02-01' WHERE "personId" = :id`],
      ['procedure removed', `DELETE FROM "recruitment_procedure" WHERE "personId" = :id`],
      ['consent withdrawn', `UPDATE "consent" SET "withdrawnOn" = '2026-02-01' WHERE "personId" = :id`],
      ['attachment removed', `DELETE FROM "attachment" WHERE "personId" = :id AND "kind" = 'cv'`]
    ]
    for (const [what, change] of changes) {
      await t.sql(`UPDATE "person" SET "retentionCheckOn" = '2099-01-01' WHERE "id" = :id`, { id })
      await t.sql(change, { id })
      expect(await checkOn(id), what).toBeNull()
    }
  })

  it('is kept when nothing the engine reads changes (a phone number, a note)', async () => {
    const id = await datedPerson()
    const before = await checkOn(id)
    await t.sql(`UPDATE "person" SET "phone" = '0612345678', "city" = 'Breda' WHERE "id" = :id`, { id })
    expect(await checkOn(id)).toBe(before)
  })

  it('is computed again for everyone after a change of policy: the next run reads every record once', async () => {
    await datedPerson()
    await seed(t, {})
    await sweepOn(t, '2026-02-01')
    expect((await sweepOn(t, '2026-02-01')).evaluated).toBe(0)
    const { current } = await t.call('getRetentionPolicy', {})
    await t.call('updateRetentionPolicy', { terms: { ...termsOf(current), 'unsubscribed-never-worked': { amount: 2, unit: 'months' } }, note: 'Two months' })
    expect((await sweepOn(t, '2026-02-01')).evaluated).toBe(2)
    expect((await sweepOn(t, '2026-02-01')).evaluated).toBe(0)
  })

  it('lets the dashboard preview and a run plan read only what can fall due, and say what a walk of everyone says', async () => {
    // Records whose actions fall due over the following year, some of them beyond the windows.
    const ids = [
      (await seed(t, { person: { unsubscribedOn: '2026-03-01' } })).id,
      (await seed(t, { person: { unsubscribedOn: '2026-06-20' } })).id,
      (await seed(t, { attachments: [{ kind: 'id-copy', addedOn: '2026-01-05' }] })).id,
      (await seed(t, { consents: [{ category: 'health', endsOn: '2026-05-01' }] })).id,
      (await seed(t, { roles: ['flexworker'], person: { unsubscribedOn: '2026-02-01' }, employments: [{ start: '2025-01-01', end: '2026-02-01' }] })).id,
      (await seed(t, { recruitment: [{ start: '2026-01-05', end: '2026-02-15' }] })).id,
      (await seed(t, {})).id
    ]
    await sweepOn(t, '2026-02-01')
    await sweepOn(t, '2026-02-01')
    expect(await t.sqlCount('SELECT count(*) AS "n" FROM "person" WHERE "retentionCheckOn" IS NULL')).toBe(0)
    const policy = await t.app.read(({ manager }) => currentPolicy(manager, t.app.clock))
    const dates = ['2026-02-02', '2026-03-15', '2026-05-20', '2026-08-01', '2026-12-01', '2027-03-01']
    const both = async () => {
      const out = []
      for (const asOf of dates) {
        out.push({
          preview: await computeRetentionPreview(t.app, { asOf, horizonDays: 90 }),
          plan: (await computeRetentionPlan(t.app, asOf, policy)).digest
        })
      }
      return out
    }
    const fromDates = await both()
    expect(fromDates.some((d) => d.preview.items.length > 0 && d.preview.counts.length > 0)).toBe(true)
    // Without the policy mark the stored dates are not trusted: every record is read.
    const [{ value: mark }] = (await t.sql<{ value: string }>('SELECT "value" FROM "setting" WHERE "key" = :key', { key: CHECKED_UNDER_POLICY })) as [{ value: string }]
    await t.sql('DELETE FROM "setting" WHERE "key" = :key', { key: CHECKED_UNDER_POLICY })
    expect(await both()).toEqual(fromDates)

    // It is the date that decides: a record dated past the horizon is not read (here wrongly, by hand).
    await t.sql('INSERT INTO "setting" ("key", "value") VALUES (:key, :mark)', { key: CHECKED_UNDER_POLICY, mark })
    const asOf = dates[2]!
    const listed = (await computeRetentionPreview(t.app, { asOf, horizonDays: 90 })).items.map((i) => i.id)
    expect(listed.length).toBeGreaterThan(0)
    await t.sql(`UPDATE "person" SET "retentionCheckOn" = '2099-01-01' WHERE "id" = :id`, { id: listed[0] })
    expect((await computeRetentionPreview(t.app, { asOf, horizonDays: 90 })).items.map((i) => i.id)).not.toContain(listed[0])
    // The full listing (no horizon) and every clock still read everyone.
    expect((await computeRetentionPreview(t.app, { asOf })).items.map((i) => i.id)).toContain(listed[0])
    expect((await computeRetentionPreview(t.app, { asOf, horizonDays: 90, clocks: true })).clocks?.map((c) => c.id).sort()).toEqual([...ids].sort())
  })
})
