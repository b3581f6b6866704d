import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sweepDue } from '../../../src/main/retention/sweep'
import { newTestApp } from '../../support/testApp'
import { dataSnapshot, seed, type TestApp } from './retentionTestKit'

/** Issue 16 point 3: the retention run shows what it will do, is confirmed, and does no more. */
let t: TestApp
beforeEach(async () => {
  t = await newTestApp({ start: '2027-02-10T10:00:00Z' })
})
afterEach(async () => {
  await t.dispose()
})
const failure = (p: Promise<unknown>) => p.then(() => null, (e: { code: string }) => e)

/** A varied vault: a shield due, a deletion due (with an overdue shield it replaces), an ID copy to purge, nothing. */
async function variedVault() {
  const shield = await seed(t, { person: { ref: 'K-1', givenName: 'Anna', familyName: 'Bakker', unsubscribedOn: '2027-01-31' } })
  const remove = await seed(t, { person: { ref: 'K-2', givenName: 'Bram', familyName: 'Claes', unsubscribedOn: '2026-09-01' } })
  const copy = await seed(t, { person: { ref: 'K-3', givenName: 'Cor', familyName: 'Dekker' }, attachments: [{ kind: 'id-copy', addedOn: '2027-01-05' }] })
  await seed(t, { person: { ref: 'K-4' } })
  return { shield, remove, copy }
}

describe('planRetention: the dry run', () => {
  it('names exactly what the run then does — counts per action, persons with names — and changes nothing', async () => {
    const { shield, remove, copy } = await variedVault()
    await t.call('getRetentionPolicy', {})
    const before = await dataSnapshot(t)

    const plan = await t.call('planRetention', {})
    expect(await dataSnapshot(t)).toEqual(before)
    expect(plan.asOf).toBe('2027-02-10')
    expect(plan.counts).toEqual([
      { action: 'delete', rule: 'unsubscribed-never-worked', count: 1 },
      { action: 'purge-attachment', rule: 'id-copy-registration', count: 1 },
      { action: 'shield', rule: 'unsubscribed-never-worked', count: 1 }
    ])
    expect(plan.persons.map((p) => [p.personId, p.ref, `${p.givenName} ${p.familyName}`, p.actions.map((a) => a.action)])).toEqual([
      [shield.id, 'K-1', 'Anna Bakker', ['shield']],
      [remove.id, 'K-2', 'Bram Claes', ['delete']],
      [copy.id, 'K-3', 'Cor Dekker', ['purge-attachment']]
    ])

    const run = await t.call('runRetention', { digest: plan.digest })
    expect(run.counts).toEqual(Object.fromEntries(plan.counts.map((c) => [`${c.action}:${c.rule}`, c.count])))
    expect(run.changedSincePlan).toBe(0)
    expect(run.persons?.map((p) => [p.personId, p.ref, p.actions.map((a) => a.action)]).sort()).toEqual(
      plan.persons.map((p) => [p.personId, p.ref, p.actions.map((a) => a.action)]).sort()
    )
    // Done: the next plan is empty.
    expect((await t.call('planRetention', {})).persons).toEqual([])
  })

  it('refuses a date in the future, and is for privacy officers only', async () => {
    expect(await failure(t.call('planRetention', { asOf: '2027-02-11' }))).toMatchObject({ code: 'FUTURE_DATE_NOT_ALLOWED' })
    await t.call('addAccount', { username: 'medewerker', displayName: 'Medewerker', passphrase: 'medewerker wachtwoordzin', roles: ['staff'] })
    await t.app.signIn('medewerker', 'medewerker wachtwoordzin')
    expect(await failure(t.call('planRetention', {}))).toMatchObject({ code: 'FORBIDDEN' })
    expect(await failure(t.call('getRetentionProgress', {}))).toMatchObject({ code: 'FORBIDDEN' })
  })
})

describe('runRetention with a confirmed plan', () => {
  it('refuses a plan that no longer holds — the data changed, or the day did — and changes nothing', async () => {
    await variedVault()
    const plan = await t.call('planRetention', {})
    // Meanwhile a record becomes due as well: the confirmed plan did not show it.
    const late = await seed(t, { person: { ref: 'K-5', unsubscribedOn: '2027-02-01' } })
    const before = await dataSnapshot(t)
    expect(await failure(t.call('runRetention', { digest: plan.digest }))).toMatchObject({ code: 'RETENTION_PLAN_CHANGED' })
    expect(await dataSnapshot(t)).toEqual(before)

    // The plan shown again includes it, and runs.
    const again = await t.call('planRetention', {})
    expect(again.persons.map((p) => p.personId)).toContain(late.id)
    // The next day the same digest no longer matches either (another as-of date).
    t.clock.set('2027-02-11T10:00:00Z')
    expect(await failure(t.call('runRetention', { digest: again.digest }))).toMatchObject({ code: 'RETENTION_PLAN_CHANGED' })
    expect((await t.call('runRetention', { asOf: '2027-02-10', digest: again.digest })).personsChanged).toBe(4)
  })

  it('leaves a person whose actions changed while the run went for the next run, never doing more than was shown', async () => {
    const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`
    await seed(t, { id: id(1), person: { ref: 'K-1', unsubscribedOn: '2027-01-31' } }) // shield
    await seed(t, { id: id(2), person: { ref: 'K-2', unsubscribedOn: '2026-09-01' } }) // delete
    const plan = await t.call('planRetention', {})
    let changed = false
    // The correction is made with SQL on either engine; the sweep awaits it before its next
    // transaction (it awaits `betweenBatchTransactions` before each one), as if made in between.
    let correction: Promise<unknown> = Promise.resolve()
    const vault = t.app.vault
    const between = vault.betweenBatchTransactions.bind(vault)
    vault.betweenBatchTransactions = async () => {
      await correction
      return between()
    }
    const run = await sweepDue(t.app, {
      asOf: '2027-02-10',
      trigger: 'manual',
      confirmed: { digest: plan.digest },
      maxPerTransaction: 1,
      onProgress: () => {
        // After K-1's commit, K-2's unsubscribe is corrected to a later date: now a shield, not the deletion shown.
        if (!changed) correction = t.sql(`UPDATE "person" SET "unsubscribedOn" = '2027-02-01' WHERE "id" = :id`, { id: id(2) })
        changed = true
      }
    })
    expect(run.counts).toEqual({ 'shield:unsubscribed-never-worked': 1 })
    expect(run.changedSincePlan).toBe(1)
    expect(await t.sql('SELECT "id", "state" FROM "person" ORDER BY "id"')).toEqual([
      { id: id(1), state: 'shielded' },
      { id: id(2), state: 'active' }
    ])
  })

  it('applies everything due without a digest (the CLI and the scheduler), listing persons only for a manual run', async () => {
    await variedVault()
    const run = await t.call('runRetention', {})
    expect(run.personsChanged).toBe(3)
    expect(run.changedSincePlan).toBeUndefined()
    expect(run.persons).toHaveLength(3)
    expect(await t.call('getRetentionProgress', {})).toEqual({ running: false, done: 0, total: 0 })
  })
})
