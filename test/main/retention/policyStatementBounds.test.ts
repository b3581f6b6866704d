import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newTestApp } from '../../support/testApp'
import { seed, termsOf, type TestApp } from './retentionTestKit'

/**
 * Issue 13 point 6: the privacy statement's terms are maxima for the policy (R-11..R-13, R-24),
 * the law's are bounds for the legal holds, and every text that words a term follows the
 * policy in force.
 */
let t: TestApp
beforeEach(async () => {
  t = await newTestApp({ start: '2027-02-10T10:00:00Z' })
})
afterEach(async () => {
  await t.dispose()
})
type Failure = { code: string; message: string; issues: { path: string; key: string; params?: Record<string, unknown> }[] }
const failure = (p: Promise<unknown>) => p.then(() => null, (e: Failure) => e)
const text = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&#39;|&rsquo;/g, '’').replace(/\s+/g, ' ')

async function baseTerms(): Promise<ReturnType<typeof termsOf>> {
  return termsOf((await t.call('getRetentionPolicy', {})).current)
}
const policyChanges = () => t.sqlCount(`SELECT count(*) AS "n" FROM "audit_entry" WHERE "action" = 'policy.change'`)

describe('the policy editor is bounded by the privacy statement in force', () => {
  it('refuses R-12 = 120 months and R-11 = 50 years, naming the rule, the statement version and its maximum; nothing is written', async () => {
    const base = await baseTerms()
    const e = await failure(
      t.call('updateRetentionPolicy', {
        terms: { ...base, 'unsubscribed-never-worked': { amount: 120, unit: 'months' }, 'worked-stopped': { amount: 50, unit: 'years' } },
        note: 'langer'
      })
    )
    expect(e).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [
        { path: 'terms.unsubscribed-never-worked', key: 'retention.policy.aboveStatement', params: { rule: 'unsubscribed-never-worked', version: '2018-05', amount: 3, unit: 'months' } },
        { path: 'terms.worked-stopped', key: 'retention.policy.aboveStatement', params: { rule: 'worked-stopped', version: '2018-05', amount: 2, unit: 'years' } }
      ]
    })
    expect(e?.message).toContain('Registered, never worked, unsubscribed: the privacy statement (version 2018-05) states at most 3 calendar months')
    expect(e?.message).toContain('Worked, mediation stopped: the privacy statement (version 2018-05) states at most 2 years')
    expect((await t.call('getRetentionPolicy', {})).versions.map((v) => v.version)).toEqual([1])
    expect(await policyChanges()).toBe(0)
  })

  it('refuses a longer term in another unit (R-12 as 100 days, R-13 as 3 years) and one month more than 24', async () => {
    const base = await baseTerms()
    const e = await failure(
      t.call('updateRetentionPolicy', { terms: { ...base, 'unsubscribed-never-worked': { amount: 100, unit: 'days' }, 'ws-procedure-ended': { amount: 3, unit: 'years' } }, note: 'x' })
    )
    expect(e?.issues.map((i) => [i.path, i.key])).toEqual([
      ['terms.unsubscribed-never-worked', 'retention.policy.aboveStatement'],
      ['terms.ws-procedure-ended', 'retention.policy.aboveStatement']
    ])
    const r13 = await failure(t.call('updateRetentionPolicy', { terms: { ...base, 'ws-procedure-ended': { amount: 25, unit: 'months' } }, note: 'x' }))
    expect(r13).toMatchObject({ issues: [{ path: 'terms.ws-procedure-ended', params: { amount: 24, unit: 'months', version: '2018-05' } }] })
  })

  it('accepts shorter terms, and the statement term itself', async () => {
    const base = await baseTerms()
    const saved = await t.call('updateRetentionPolicy', {
      terms: { ...base, 'unsubscribed-never-worked': { amount: 1, unit: 'months' }, 'ws-procedure-ended': { amount: 12, unit: 'months' }, 'worked-stopped': { amount: 18, unit: 'months' } },
      note: 'korter dan de verklaring'
    })
    expect(saved).toMatchObject({ version: 2, changedRules: ['unsubscribed-never-worked', 'ws-procedure-ended', 'worked-stopped'] })
    // Back to the statement's own terms: equal is not longer.
    await expect(t.call('updateRetentionPolicy', { terms: base, note: 'terug' })).resolves.toMatchObject({ version: 3 })
  })

  it('keeps the law’s bounds on the legal holds, naming the law and its term', async () => {
    const base = await baseTerms()
    const shorter = await failure(t.call('updateRetentionPolicy', { terms: { ...base, 'legal-hold-payroll': { amount: 6, unit: 'years' } }, note: 'x' }))
    expect(shorter).toMatchObject({ issues: [{ path: 'terms.legal-hold-payroll', key: 'retention.policy.belowLegalMinimum', params: { law: 'AWR art. 52', amount: 7, unit: 'fullCalendarYearsAfterYearEnd' } }] })
    expect(shorter?.message).toContain('Legal hold: payroll records: AWR art. 52 requires at least 7 full calendar years after the end of the year')
    const idCopy = await failure(t.call('updateRetentionPolicy', { terms: { ...base, 'id-copy-registration': { amount: 29, unit: 'days' } }, note: 'x' }))
    expect(idCopy).toMatchObject({ issues: [{ path: 'terms.id-copy-registration', key: 'retention.policy.aboveLegalMaximum', params: { law: 'Waadi art. 7c', amount: 28, unit: 'days' } }] })
    expect(idCopy?.message).toContain('Waadi art. 7c allows at most 4 weeks')
  })

  it('keeps R-11a\'s re-confirmation terms as maxima: a shorter silence is fine, a longer one or a longer reply window is refused', async () => {
    const base = await baseTerms()
    const later = await failure(t.call('updateRetentionPolicy', { terms: { ...base, 'inactivity-reconfirm': { amount: 13, unit: 'months' } }, note: 'x' }))
    expect(later).toMatchObject({ issues: [{ path: 'terms.inactivity-reconfirm', key: 'retention.policy.aboveLegalMaximum', params: { law: 'R-11a', amount: 12, unit: 'months' } }] })
    const slowReply = await failure(t.call('updateRetentionPolicy', { terms: { ...base, 'reconfirm-no-reply': { amount: 45, unit: 'days' } }, note: 'x' }))
    expect(slowReply).toMatchObject({ issues: [{ path: 'terms.reconfirm-no-reply', key: 'retention.policy.aboveLegalMaximum', params: { law: 'R-11a', amount: 1, unit: 'months' } }] })
    await expect(t.call('updateRetentionPolicy', { terms: { ...base, 'inactivity-reconfirm': { amount: 9, unit: 'months' } }, note: 'korter' })).resolves.toMatchObject({ changedRules: ['inactivity-reconfirm'] })
  })
})

describe('every text that words a term follows the policy in force', () => {
  it('the access report and the processing register say the new, shorter term and nowhere the old one', async () => {
    const { id } = await seed(t, { person: { unsubscribedOn: '2027-01-31' } })
    const report = async (lang: 'nl' | 'en') => text((await t.call('getAccessReportHtml', { personId: id, lang })).html)
    const register = async (lang: 'nl' | 'en') => text((await t.call('getProcessingRegisterHtml', { lang })).html)
    expect(await report('nl')).toContain('uw gegevens blijven nog 3 kalendermaanden afgeschermd bewaard')
    expect(await report('en')).toContain('your data stays shielded for another 3 calendar months')

    const base = await baseTerms()
    await t.call('updateRetentionPolicy', { terms: { ...base, 'unsubscribed-never-worked': { amount: 2, unit: 'months' }, 'ws-procedure-ended': { amount: 18, unit: 'months' } }, note: 'korter' })

    const nl = await report('nl')
    expect(nl).toContain('uw gegevens blijven nog 2 kalendermaanden afgeschermd bewaard')
    expect(nl).not.toMatch(/\b3 kalendermaanden|drie kalendermaanden/)
    const en = await report('en')
    expect(en).toContain('your data stays shielded for another 2 calendar months')
    expect(en).not.toMatch(/\b3 calendar months|three (more )?calendar months/)

    const regNl = await register('nl')
    expect(regNl).toContain('na uitschrijving, als de persoon nooit heeft gewerkt: 2 kalendermaanden (R-12)')
    expect(regNl).toContain('na afloop van de laatste wervings- en selectieprocedure: 18 kalendermaanden (R-13)')
    expect(regNl).not.toMatch(/\b3 kalendermaanden|\b24 kalendermaanden/)
    const regEn = await register('en')
    expect(regEn).toContain('after unsubscribing, when the person never worked: 2 calendar months (R-12)')
    expect(regEn).not.toMatch(/\b3 calendar months|\b24 calendar months/)
  })
})
