import { afterEach, describe, expect, it } from 'vitest'
import policyJson from '../../../resources/retention-policy.json'
import { newTestApp } from '../../support/testApp'
import { seed, sweepOn, type TestApp } from './retentionTestKit'

/**
 * A vault that stored its policy before R-11a and R-16a: version 1 without the re-confirmation
 * rules and with payroll data kept "7 years" after the end date. The law as it reads now holds from
 * the first day: the policy in force is within it at once, and the first sweep records it as the
 * next version, audited.
 */
let t: TestApp
afterEach(async () => {
  await t.dispose()
})

function oldPolicyDocument(): object {
  const doc = structuredClone(policyJson) as { rules: { id: string; term: { amount: number; unit: string } }[] }
  doc.rules = doc.rules.filter((r) => r.id !== 'inactivity-reconfirm' && r.id !== 'reconfirm-no-reply')
  const payroll = doc.rules.find((r) => r.id === 'legal-hold-payroll')!
  payroll.term = { amount: 7, unit: 'years' }
  return doc
}

describe('a policy stored before R-11a and R-16a', () => {
  it('is in force within the law at once, and the first sweep records that as version 2, audited; later sweeps add nothing', async () => {
    t = await newTestApp({ start: '2026-12-05T10:00:00Z' })
    // Version 1 as such a vault stored it (a vault stores the shipped version at its first write that needs it).
    // (An office server stores the shipped version when the office is prepared: replaced here too.)
    await t.sql('DELETE FROM "retention_policy" WHERE "version" = 1')
    await t.sql('INSERT INTO "retention_policy" ("version", "policy", "createdAt", "createdBy", "note") VALUES (1, :policy, :createdAt, NULL, NULL)', { policy: JSON.stringify(oldPolicyDocument()), createdAt: '2026-01-05T10:00:00.000Z' })

    // An ex-worker whose employment ended 2025-10-30: payroll data until 2032-12-31 (R-16a), not 2032-10-30.
    const worker = await seed(t, { roles: ['flexworker'], person: { unsubscribedOn: '2025-11-01' }, employments: [{ start: '2024-01-08', end: '2025-10-30' }] })
    expect((await t.call('getPersonRetention', { personId: worker.id })).deletionDate).toBe('2033-01-01')

    await sweepOn(t, '2026-12-05')
    const { current, versions: history } = await t.call('getRetentionPolicy', {})
    expect(current.version).toBe(2)
    expect(current.note).toBe('R-11a, R-16a: terms brought within the law')
    expect(current.createdBy).toBeNull()
    expect(current.rules.find((r) => r.id === 'legal-hold-payroll')?.term).toEqual({ amount: 7, unit: 'fullCalendarYearsAfterYearEnd' })
    expect(current.rules.find((r) => r.id === 'inactivity-reconfirm')?.term).toEqual({ amount: 12, unit: 'months' })
    // Version 1 stays as it was stored: the history shows the day the term changed.
    expect(history.find((v) => v.version === 1)?.rules.find((r) => r.id === 'legal-hold-payroll')?.term).toEqual({ amount: 7, unit: 'years' })
    // Audited as the run's actor (here the privacy officer who started the sweep; nobody for the scheduler's runs).
    const audit = await t.sql(`SELECT "fields", "reason" FROM "audit_entry" WHERE "action" = 'policy.change'`)
    expect(audit).toEqual([{ fields: JSON.stringify(['inactivity-reconfirm', 'legal-hold-payroll', 'reconfirm-no-reply']), reason: 'R-11a, R-16a: terms brought within the law' }])

    await sweepOn(t, '2026-12-06')
    expect((await t.call('getRetentionPolicy', {})).current.version).toBe(2)
    expect(await t.sqlCount(`SELECT count(*) AS "n" FROM "audit_entry" WHERE "action" = 'policy.change'`)).toBe(1)
  })
})
