import { describe, expect, it } from 'vitest'
import { evaluateRetention, type RetentionFacts } from '../../../src/main/retention/evaluateRetention'
import { DEFAULT_POLICY, parseRetentionPolicy } from '../../../src/main/retention/policy'
import policyJson from '../../../resources/retention-policy.json'
import { retentionFacts } from './retentionFacts'

const evaluate = (facts: RetentionFacts, today: string) => evaluateRetention(facts, DEFAULT_POLICY, today)
const kinds = (facts: RetentionFacts, today: string) => evaluate(facts, today).due.map((a) => `${a.kind}@${a.dueDate}`)

describe('an active person (no clock running)', () => {
  it('keeps a registered candidate who never unsubscribed active, with no deletion date', () => {
    const e = evaluate(retentionFacts(), '2090-01-01')
    expect(e).toEqual({ state: 'active', rule: null, due: [], next: null, deletionDate: null, policyVersion: 1 })
  })

  it('stops every person-level clock while an employment is open, even after unsubscribing', () => {
    const facts = retentionFacts({ unsubscribedOn: '2026-02-01', employments: [{ start: '2025-01-01', end: '2025-06-30' }, { start: '2025-09-01', end: null }] })
    const e = evaluate(facts, '2090-01-01')
    expect(e.state).toBe('active')
    expect(e.rule).toBeNull()
    expect(e.due).toEqual([])
    expect(e.deletionDate).toBeNull()
  })

  it('keeps a former worker who is still registered active: mediation goes on, nothing is purged', () => {
    const facts = retentionFacts({ roles: ['candidate', 'flexworker'], employments: [{ start: '2025-01-01', end: '2026-03-15' }] })
    const e = evaluate(facts, '2090-01-01')
    expect(e).toMatchObject({ state: 'active', rule: null, due: [], deletionDate: null })
  })
})

describe('R-12 registered, never worked, unsubscribes', () => {
  const facts = retentionFacts({ unsubscribedOn: '2027-01-31' })

  it('leaves the record alone the day before unsubscribing takes effect', () => {
    const e = evaluate(retentionFacts({ unsubscribedOn: '2027-01-31' }), '2027-01-30')
    expect(e.state).toBe('active')
    expect(e.due).toEqual([])
    expect(e.next).toEqual({ kind: 'shield', rule: 'unsubscribed-never-worked', dueDate: '2027-01-31' })
  })

  it('shields a never-worked candidate on the day they unsubscribe (R-14)', () => {
    const e = evaluate(facts, '2027-01-31')
    expect(e.state).toBe('shielded')
    expect(e.rule).toBe('unsubscribed-never-worked')
    expect(e.due).toEqual([{ kind: 'shield', rule: 'unsubscribed-never-worked', dueDate: '2027-01-31' }])
    expect(e.deletionDate).toBe('2027-04-30')
  })

  it('keeps the shielded record on the day before three calendar months have passed', () => {
    const e = evaluate({ ...facts, state: 'shielded' }, '2027-04-29')
    expect(e.state).toBe('shielded')
    expect(e.due).toEqual([])
    expect(e.next).toEqual({ kind: 'delete', rule: 'unsubscribed-never-worked', dueDate: '2027-04-30' })
  })

  it('deletes a never-worked candidate three calendar months after unsubscribing: 31 Jan → 30 Apr', () => {
    const e = evaluate({ ...facts, state: 'shielded' }, '2027-04-30')
    expect(e.state).toBe('due-for-deletion')
    expect(e.due).toEqual([{ kind: 'delete', rule: 'unsubscribed-never-worked', dueDate: '2027-04-30' }])
    expect(e.next).toBeNull()
  })

  it('uses the term from the policy data, not a constant', () => {
    const sixMonths = parseRetentionPolicy({
      ...policyJson,
      rules: policyJson.rules.map((r) => (r.id === 'unsubscribed-never-worked' ? { ...r, term: { amount: 6, unit: 'months' } } : r)),
      version: 2
    })
    const e = evaluateRetention(facts, sixMonths, '2027-04-30')
    expect(e.deletionDate).toBe('2027-07-31')
    expect(e.policyVersion).toBe(2)
  })
})

describe('R-13 recruitment & selection', () => {
  const ws = retentionFacts({ roles: ['ws-candidate'], recruitment: [{ start: '2026-01-10', end: '2026-03-01' }, { start: '2026-02-01', end: '2026-06-15' }] })

  it('does not shield a W&S candidate the day before the last procedure ends', () => {
    expect(evaluate(ws, '2026-06-14')).toMatchObject({ state: 'active', due: [], next: { kind: 'shield', dueDate: '2026-06-15' } })
  })

  it('shields a W&S candidate on the day the last procedure ends', () => {
    const e = evaluate(ws, '2026-06-15')
    expect(e.state).toBe('shielded')
    expect(e.rule).toBe('ws-procedure-ended')
    expect(e.due).toEqual([{ kind: 'shield', rule: 'ws-procedure-ended', dueDate: '2026-06-15' }])
    expect(e.deletionDate).toBe('2028-06-15')
  })

  it('deletes a W&S candidate 24 months after the last procedure ended, not a day earlier', () => {
    expect(evaluate({ ...ws, state: 'shielded' }, '2028-06-14').due).toEqual([])
    expect(evaluate({ ...ws, state: 'shielded' }, '2028-06-15').due).toEqual([{ kind: 'delete', rule: 'ws-procedure-ended', dueDate: '2028-06-15' }])
  })

  it('runs no W&S clock while a procedure is still open', () => {
    const open = { ...ws, recruitment: [...ws.recruitment, { start: '2026-05-01', end: null }] }
    expect(evaluate(open, '2090-01-01')).toMatchObject({ state: 'active', rule: null, due: [] })
  })

  it('runs no W&S clock for a W&S candidate who is also an active registered candidate', () => {
    const alsoCandidate = { ...ws, roles: ['ws-candidate' as const, 'candidate' as const] }
    expect(evaluate(alsoCandidate, '2090-01-01')).toMatchObject({ state: 'active', rule: null, due: [] })
  })

  it('lets the later deletion win when R-12 and R-13 both apply (W&S claim risk covers the R-12 data)', () => {
    const both = { ...ws, roles: ['ws-candidate' as const, 'candidate' as const], unsubscribedOn: '2026-09-01' }
    const e = evaluate(both, '2026-09-01')
    expect(e.rule).toBe('ws-procedure-ended')
    expect(e.deletionDate).toBe('2028-06-15') // not 2026-12-01
    // A registered candidate is shielded when they unsubscribe, not retroactively at the procedure end.
    expect(e.due).toEqual([{ kind: 'shield', rule: 'unsubscribed-never-worked', dueDate: '2026-09-01' }])
  })

  it('lets R-12 win when its deletion comes later than the W&S term', () => {
    const both = { ...ws, unsubscribedOn: '2028-05-01' }
    const e = evaluate(both, '2028-05-01')
    expect(e.rule).toBe('unsubscribed-never-worked')
    expect(e.deletionDate).toBe('2028-08-01')
    expect(e.due.map((a) => `${a.kind}@${a.dueDate}`)).toEqual(['shield@2026-06-15']) // shielded since the procedure ended
  })

  it('counts R-12 from the end of a procedure that was still running when the person unsubscribed', () => {
    const facts = retentionFacts({ roles: ['candidate'], unsubscribedOn: '2026-01-15', recruitment: [{ start: '2026-01-01', end: '2026-02-20' }] })
    expect(evaluate(facts, '2026-02-20')).toMatchObject({ rule: 'unsubscribed-never-worked', deletionDate: '2026-05-20', due: [{ kind: 'shield', dueDate: '2026-02-20' }] })
  })
})

describe('R-11 worked, stops mediation', () => {
  const worker = retentionFacts({
    roles: ['candidate', 'flexworker'],
    unsubscribedOn: '2026-04-01',
    employments: [{ start: '2024-05-01', end: '2025-01-31' }, { start: '2025-03-01', end: '2026-03-15' }]
  })

  it('keeps a worker who stopped available and not shielded until the day before two years after the last employment', () => {
    const e = evaluate(worker, '2028-03-14')
    expect(e.state).toBe('active')
    expect(e.rule).toBe('worked-stopped')
    expect(e.due).toEqual([])
    expect(e.next).toEqual({ kind: 'reduce-to-legal-hold', rule: 'worked-stopped', dueDate: '2028-03-15' })
    expect(e.deletionDate).toBe('2034-01-01')
  })

  it('reduces to the legal-hold data two years after the last employment ended', () => {
    const e = evaluate(worker, '2028-03-15')
    expect(e.state).toBe('legal-hold')
    expect(e.rule).toBe('legal-hold-payroll')
    expect(e.due).toEqual([{ kind: 'reduce-to-legal-hold', rule: 'worked-stopped', dueDate: '2028-03-15' }])
  })

  it('counts two years from 29 February 2024 to 28 February 2026', () => {
    const leap = { ...worker, employments: [{ start: '2023-01-01', end: '2024-02-29' }], unsubscribedOn: '2024-03-01' }
    expect(evaluate(leap, '2026-02-27').due).toEqual([])
    expect(kinds(leap, '2026-02-28')).toEqual(['reduce-to-legal-hold@2026-02-28'])
  })

  it('acts on the unsubscribe date when the person unsubscribes more than two years after working', () => {
    const late = { ...worker, unsubscribedOn: '2029-06-01' }
    expect(evaluate(late, '2029-05-31').due).toEqual([])
    expect(kinds(late, '2029-06-01')).toEqual(['reduce-to-legal-hold@2029-06-01'])
  })

  it('deletes at once, without a legal hold, when every legal term has already run out', () => {
    const longAgo = { ...worker, employments: [{ start: '2008-01-01', end: '2010-01-01' }], unsubscribedOn: '2020-06-01' }
    const e = evaluate(longAgo, '2020-06-01')
    expect(e).toMatchObject({ state: 'due-for-deletion', rule: 'worked-stopped', deletionDate: '2020-06-01' })
    expect(kinds(longAgo, '2020-06-01')).toEqual(['delete@2020-06-01'])
  })

  it('reduces and purges the expired ID record on the same day when only the payroll hold still runs', () => {
    // ID/BSN hold ended 2016-01-01, payroll hold runs to 2017-12-31 (R-16a: 7 years after the end of 2010).
    const facts = { ...worker, employments: [{ start: '2008-01-01', end: '2010-01-01' }], unsubscribedOn: '2016-06-01' }
    expect(kinds(facts, '2016-06-01')).toEqual(['reduce-to-legal-hold@2016-06-01', 'purge-id-record@2016-06-01'])
    expect(evaluate(facts, '2016-06-01').deletionDate).toBe('2018-01-01')
  })
})

describe('R-16 legal holds after employment', () => {
  const held = retentionFacts({
    roles: ['flexworker'],
    unsubscribedOn: '2026-03-15',
    employments: [{ start: '2025-03-01', end: '2026-03-15' }],
    state: 'legal-hold',
    reducedToLegalHoldOn: '2028-03-15'
  })

  it('keeps BSN and ID record of an employment ending 2026-03-15 until 2031-12-31 (Wet LB art. 28)', () => {
    const e = evaluate(held, '2031-12-31')
    expect(e.due).toEqual([])
    expect(e.state).toBe('legal-hold')
    expect(e.next).toEqual({ kind: 'purge-id-record', rule: 'legal-hold-id-bsn', dueDate: '2032-01-01' })
  })

  it('purges BSN, identity-document record and ID copies on 2032-01-01', () => {
    expect(evaluate(held, '2032-01-01').due).toEqual([{ kind: 'purge-id-record', rule: 'legal-hold-id-bsn', dueDate: '2032-01-01' }])
  })

  it('keeps payroll data seven years after the end of the calendar year the last employment ended in, then deletes the record (AWR art. 52, R-16a)', () => {
    const purged = { ...held, idRecordPurgedOn: '2032-01-01' }
    expect(evaluate(purged, '2033-12-31')).toMatchObject({ due: [], state: 'legal-hold', rule: 'legal-hold-payroll' })
    const e = evaluate(purged, '2034-01-01')
    expect(e.due).toEqual([{ kind: 'delete', rule: 'legal-hold-payroll', dueDate: '2034-01-01' }])
    expect(e.state).toBe('due-for-deletion')
  })

  it('purges nothing of an active worker, however long ago the employment ended', () => {
    const active = { ...held, unsubscribedOn: null, state: 'active' as const, reducedToLegalHoldOn: null }
    expect(evaluate(active, '2040-01-01').due).toEqual([])
  })
})

describe('R-16a conservative legal terms at the calendar boundaries', () => {
  /** A former worker who unsubscribed when the employment ended, already reduced to the legal hold. */
  const endedOn = (end: string) =>
    retentionFacts({
      roles: ['flexworker'],
      unsubscribedOn: end,
      employments: [{ start: '2020-01-01', end }],
      state: 'legal-hold',
      reducedToLegalHoldOn: end,
      idRecordPurgedOn: end
    })
  /** Kept through `keptUntil`, deleted under the payroll hold the day after. */
  const payrollKeptUntil = (end: string, keptUntil: string, deletedOn: string) => {
    const facts = endedOn(end)
    expect(evaluate(facts, keptUntil)).toMatchObject({ state: 'legal-hold', rule: 'legal-hold-payroll', due: [], deletionDate: deletedOn })
    expect(evaluate(facts, deletedOn)).toMatchObject({ state: 'due-for-deletion', due: [{ kind: 'delete', rule: 'legal-hold-payroll', dueDate: deletedOn }] })
  }

  it('keeps payroll records of an employment ending 2025-10-30 until 2032-12-31 (AWR art. 52: 7 years from the end of the fiscal year)', () => {
    payrollKeptUntil('2025-10-30', '2032-12-31', '2033-01-01')
  })

  it('counts an employment ending on 31 December from the end of that same year', () => {
    payrollKeptUntil('2025-12-31', '2032-12-31', '2033-01-01')
  })

  it('counts an employment ending on 1 January from the end of the year it just began', () => {
    payrollKeptUntil('2026-01-01', '2033-12-31', '2034-01-01')
  })

  it('counts an employment ending on 29 February from the end of the leap year', () => {
    payrollKeptUntil('2024-02-29', '2031-12-31', '2032-01-01')
  })

  it('keeps the Wet LB term as it was: an employment ending 2026-03-15 keeps the BSN and ID record until 2031-12-31', () => {
    const facts = { ...endedOn('2026-03-15'), idRecordPurgedOn: null }
    expect(evaluate(facts, '2031-12-31')).toMatchObject({ due: [], next: { kind: 'purge-id-record', rule: 'legal-hold-id-bsn', dueDate: '2032-01-01' } })
    expect(evaluate(facts, '2032-01-01').due).toEqual([{ kind: 'purge-id-record', rule: 'legal-hold-id-bsn', dueDate: '2032-01-01' }])
  })
})

describe('R-3a ID copy taken at registration (Waadi art. 7c)', () => {
  const copy = { attachmentId: 'att-1', addedOn: '2026-01-05' }

  it('purges an ID copy four weeks after it was added, not a day earlier, whatever the record’s state', () => {
    const facts = retentionFacts({ idCopies: [copy] })
    expect(evaluate(facts, '2026-02-01').due).toEqual([])
    const e = evaluate(facts, '2026-02-02')
    expect(e.due).toEqual([{ kind: 'purge-attachment', rule: 'id-copy-registration', dueDate: '2026-02-02', targetId: 'att-1' }])
    expect(e.state).toBe('active')
    expect(e.rule).toBeNull()
  })

  it('keeps a registration copy as a wage-tax record when employment started within the four weeks', () => {
    const facts = retentionFacts({ idCopies: [copy], employments: [{ start: '2026-02-01', end: null }] })
    expect(evaluate(facts, '2026-03-01').due).toEqual([])
  })

  it('still purges a registration copy when employment started only after the four weeks', () => {
    const facts = retentionFacts({ idCopies: [copy], employments: [{ start: '2026-02-02', end: null }] })
    expect(kinds(facts, '2026-03-01')).toEqual(['purge-attachment@2026-02-02'])
  })

  it('leaves an ID copy taken during employment to the Wet LB hold', () => {
    const facts = retentionFacts({ idCopies: [{ attachmentId: 'att-2', addedOn: '2026-03-01' }], employments: [{ start: '2026-02-01', end: null }] })
    expect(evaluate(facts, '2030-01-01').due).toEqual([])
  })
})

describe('R-4 expired consent', () => {
  it('keeps special data through the consent’s last day and purges it the day after', () => {
    const facts = retentionFacts({ consents: [{ consentId: 'c-1', endsOn: '2026-06-30', withdrawnOn: null }] })
    expect(evaluate(facts, '2026-06-30').due).toEqual([])
    expect(evaluate(facts, '2026-07-01').due).toEqual([{ kind: 'purge-consent-data', rule: 'consent-expired', dueDate: '2026-07-01', targetId: 'c-1' }])
  })

  it('ignores open-ended, withdrawn and already purged consents', () => {
    const facts = retentionFacts({
      consents: [
        { consentId: 'open', endsOn: null, withdrawnOn: null },
        { consentId: 'withdrawn', endsOn: '2026-06-30', withdrawnOn: '2026-05-01' },
        { consentId: 'done', endsOn: '2026-06-30', withdrawnOn: null, dataPurgedOn: '2026-07-01' }
      ]
    })
    expect(evaluate(facts, '2090-01-01').due).toEqual([])
  })
})

describe('R-17 catch-up and idempotence', () => {
  it('gives every overdue action of a never-worked candidate in order when the app was closed for years', () => {
    const facts = retentionFacts({ unsubscribedOn: '2026-05-10', idCopies: [{ attachmentId: 'att-1', addedOn: '2026-01-05' }] })
    expect(kinds(facts, '2040-01-01')).toEqual(['purge-attachment@2026-02-02', 'shield@2026-05-10', 'delete@2026-08-10'])
  })

  it('gives reduce, then purge-id, then delete for a former worker when every date has passed', () => {
    const facts = retentionFacts({
      roles: ['flexworker'],
      unsubscribedOn: '2026-04-01',
      employments: [{ start: '2025-03-01', end: '2026-03-15' }],
      consents: [{ consentId: 'c-1', endsOn: '2029-12-31', withdrawnOn: null }, { consentId: 'c-late', endsOn: '2060-01-01', withdrawnOn: null }]
    })
    const e = evaluate(facts, '2050-01-01')
    expect(e.due.map((a) => `${a.kind}@${a.dueDate}`)).toEqual([
      'reduce-to-legal-hold@2028-03-15',
      'purge-consent-data@2030-01-01',
      'purge-id-record@2032-01-01',
      'delete@2034-01-01'
    ])
    expect(e.state).toBe('due-for-deletion')
    expect(e.next).toBeNull() // nothing happens to a record after its deletion
  })

  it('does not shield again a record that is already shielded', () => {
    const facts = retentionFacts({ unsubscribedOn: '2027-01-31', state: 'shielded' })
    expect(evaluate(facts, '2027-02-15')).toMatchObject({ state: 'shielded', due: [] })
  })

  it('does not reduce or purge the ID record again once done', () => {
    const facts = retentionFacts({
      roles: ['flexworker'],
      unsubscribedOn: '2026-04-01',
      employments: [{ start: '2025-03-01', end: '2026-03-15' }],
      state: 'legal-hold',
      reducedToLegalHoldOn: '2028-03-20',
      idRecordPurgedOn: '2032-01-05'
    })
    expect(evaluate(facts, '2033-01-01')).toMatchObject({ state: 'legal-hold', due: [], next: { kind: 'delete', dueDate: '2034-01-01' } })
  })

  it('stops the R-12 clock when the person starts working after unsubscribing', () => {
    const before = retentionFacts({ unsubscribedOn: '2027-01-10' })
    expect(evaluate(before, '2027-04-10').rule).toBe('unsubscribed-never-worked')
    const hired = { ...before, state: 'shielded' as const, employments: [{ start: '2027-02-01', end: null }] }
    expect(evaluate(hired, '2027-04-10')).toMatchObject({ state: 'active', rule: null, due: [], deletionDate: null })
    const stopped = { ...hired, employments: [{ start: '2027-02-01', end: '2027-03-31' }] }
    expect(evaluate(stopped, '2027-04-10')).toMatchObject({ state: 'active', rule: 'worked-stopped', deletionDate: '2035-01-01' })
  })
})
