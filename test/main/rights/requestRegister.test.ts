import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addCalendarDays, addCalendarMonths, compareDates } from '../../../src/shared/time'
import { DUE_SOON_DAYS, extendedDeadline, isDueSoon, isOverdue, requestDeadline } from '../../../src/main/rights/requestDeadlines'
import { AuditEntryEntity } from '../../../src/main/vault/entities/AuditEntry'
import { SubjectRequestEntity } from '../../../src/main/vault/entities/Governance'
import { PersonEntity } from '../../../src/main/vault/entities/Person'
import { newTestApp } from '../../support/testApp'
import { insertRichPerson } from './richPerson'
import { signInAdmin, signInAs, type TestApp } from './support'

const day = fc.integer({ min: 0, max: 365 * 20 }).map((n) => addCalendarDays('2016-01-01', n))

describe('request deadlines (GDPR art. 12(3), R-17 calendar months)', () => {
  it('answers within one calendar month: 31 Jan → 28 Feb, 31 Jan 2028 → 29 Feb', () => {
    expect(requestDeadline('2026-01-31')).toBe('2026-02-28')
    expect(requestDeadline('2028-01-31')).toBe('2028-02-29')
    expect(requestDeadline('2026-11-27')).toBe('2026-12-27')
  })

  it('extends by two further calendar months from the first deadline: 28 Feb → 28 Apr', () => {
    expect(extendedDeadline(requestDeadline('2026-01-31'))).toBe('2026-04-28')
    expect(extendedDeadline('2026-12-31')).toBe('2027-02-28')
  })

  it('never gives more time than the law: at most one month, and three with the extension', () => {
    fc.assert(
      fc.property(day, (received) => {
        const deadline = requestDeadline(received)
        expect(compareDates(deadline, received)).toBeGreaterThan(0)
        expect(compareDates(deadline, addCalendarMonths(received, 1))).toBe(0)
        const extended = extendedDeadline(deadline)
        expect(compareDates(extended, deadline)).toBeGreaterThan(0)
        expect(compareDates(extended, addCalendarMonths(received, 3))).toBeLessThanOrEqual(0)
      })
    )
  })

  it('is overdue the day after the deadline, not on it', () => {
    const r = { status: 'open', deadline: '2026-02-28', extendedTo: null }
    expect(isOverdue(r, '2026-02-28')).toBe(false)
    expect(isOverdue(r, '2026-03-01')).toBe(true)
    expect(isOverdue({ ...r, extendedTo: '2026-04-28' }, '2026-03-01')).toBe(false)
    expect(isOverdue({ ...r, status: 'done' }, '2026-03-01')).toBe(false)
  })
})

describe('the request register', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await newTestApp({ start: '2026-02-10T10:00:00Z' })
  })
  afterEach(async () => {
    await t.dispose()
  })

  it('registers a request with its deadline, extends it with a reason, and closes it', async () => {
    const { personId } = await insertRichPerson(t.app.vault.dataSource)
    const created = await t.call('createRequest', { personId, kind: 'access', receivedOn: '2026-01-31', identityCheck: 'Paspoort gezien' })
    expect(created).toMatchObject({ deadline: '2026-02-28', dueOn: '2026-02-28', status: 'open', overdue: false, personName: 'Fenna Vliegenthart-Oosterbeek', personState: 'active' })

    await expect(t.call('extendRequest', { id: created.id, reason: '' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    const extended = await t.call('extendRequest', { id: created.id, reason: 'Veel gegevens uit het archief' })
    expect(extended).toMatchObject({ extendedTo: '2026-04-28', dueOn: '2026-04-28', extensionReason: 'Veel gegevens uit het archief' })
    await expect(t.call('extendRequest', { id: created.id, reason: 'Nog eens' })).rejects.toMatchObject({ code: 'CONFLICT' })

    const closed = await t.call('closeRequest', { id: created.id, status: 'done' })
    expect(closed).toMatchObject({ status: 'done', closedOn: '2026-02-10', overdue: false })
    await expect(t.call('closeRequest', { id: created.id, status: 'rejected' })).rejects.toMatchObject({ code: 'CONFLICT' })
    const actions = (await t.app.vault.dataSource.getRepository(AuditEntryEntity).find({ where: { subjectId: personId } })).map((e) => e.action)
    expect(actions.filter((a) => a.startsWith('request.'))).toEqual(['request.create', 'request.update', 'request.update'])
  })

  it('lists open requests by deadline and flags the overdue ones', async () => {
    const a = await t.call('createRequest', { kind: 'erasure', receivedOn: '2026-01-05', identityCheck: 'ID-kaart' })
    const b = await t.call('createRequest', { kind: 'access', receivedOn: '2025-12-20', identityCheck: 'Rijbewijs' })
    const c = await t.call('createRequest', { kind: 'portability', receivedOn: '2026-02-01', identityCheck: 'Paspoort' })
    await t.call('closeRequest', { id: c.id, status: 'rejected' })
    const { asOf, requests } = await t.call('listRequests', {})
    expect(asOf).toBe('2026-02-10')
    expect(requests.map((r) => [r.id, r.dueOn, r.overdue])).toEqual([
      [b.id, '2026-01-20', true],
      [a.id, '2026-02-05', true]
    ])
    const all = await t.call('listRequests', { includeClosed: true })
    expect(all.requests.map((r) => r.id)).toEqual([b.id, a.id, c.id])
  })

  it('refuses an extension after the first deadline has passed', async () => {
    const r = await t.call('createRequest', { kind: 'access', receivedOn: '2026-01-05', identityCheck: 'ID-kaart' })
    await expect(t.call('extendRequest', { id: r.id, reason: 'Te laat' })).rejects.toMatchObject({ code: 'CONFLICT' })
  })

  it('refuses a request received in the future', async () => {
    await expect(t.call('createRequest', { kind: 'access', receivedOn: '2026-02-11', identityCheck: 'ID-kaart' })).rejects.toMatchObject({ code: 'FUTURE_DATE_NOT_ALLOWED' })
  })

  it('lets office staff log an access request, and nothing else of the register', async () => {
    const { personId } = await insertRichPerson(t.app.vault.dataSource)
    await signInAs(t, 'medewerker', ['staff'])
    await expect(t.call('createRequest', { personId, kind: 'access', receivedOn: '2026-02-10', identityCheck: 'Paspoort' })).resolves.toMatchObject({ kind: 'access' })
    await expect(t.call('createRequest', { personId, kind: 'erasure', receivedOn: '2026-02-10', identityCheck: 'Paspoort' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(t.call('listRequests', {})).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await signInAdmin(t)
    expect((await t.call('listRequests', {})).requests).toHaveLength(1)
  })

  it('shows no name for a shielded or deleted person (R-14)', async () => {
    const { personId } = await insertRichPerson(t.app.vault.dataSource)
    await t.call('createRequest', { personId, kind: 'access', receivedOn: '2026-02-01', identityCheck: 'Paspoort' })
    await t.app.vault.dataSource.getRepository(PersonEntity).update({ id: personId }, { state: 'shielded' })
    const [shielded] = (await t.call('listRequests', {})).requests
    expect(shielded).toMatchObject({ personName: null, personRef: null, personState: 'shielded' })
    await t.app.vault.dataSource.getRepository(PersonEntity).delete({ id: personId })
    const [deleted] = (await t.call('listRequests', {})).requests
    expect(deleted).toMatchObject({ personName: null, personState: 'deleted' })
  })
})

describe('requests name their person, or the identity is being checked (R-29), and the extension is recorded (art. 12(3))', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await newTestApp({ start: '2026-02-10T10:00:00Z' })
  })
  afterEach(async () => {
    await t.dispose()
  })
  const count = () => t.app.vault.dataSource.getRepository(SubjectRequestEntity).count()

  it('registers a request while the identity is being checked, received today by default, and links the person later, once', async () => {
    const pending = await t.call('createRequest', { kind: 'restriction' })
    expect(pending).toMatchObject({ personId: null, identityPending: true, kind: 'restriction', receivedOn: '2026-02-10', deadline: '2026-03-10', identityCheck: '' })
    const { personId } = await insertRichPerson(t.app.vault.dataSource)
    await expect(t.call('linkRequestPerson', { id: pending.id, personId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    const linked = await t.call('linkRequestPerson', { id: pending.id, personId, identityCheck: 'Paspoort gezien aan de balie' })
    expect(linked).toMatchObject({ personId, identityPending: false, personName: 'Fenna Vliegenthart-Oosterbeek', identityCheck: 'Paspoort gezien aan de balie' })
    await expect(t.call('linkRequestPerson', { id: pending.id, personId })).rejects.toMatchObject({ code: 'CONFLICT' })
    const audit = await t.app.vault.dataSource.getRepository(AuditEntryEntity).findOneByOrFail({ subjectId: personId, action: 'request.update' })
    expect(audit).toMatchObject({ fields: ['identityCheck', 'personId'], reason: 'link' })
  })

  it('refuses an unknown person and an unknown kind, writing nothing', async () => {
    await expect(t.call('createRequest', { personId: '00000000-0000-4000-8000-000000000000', kind: 'access' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      issues: [{ path: 'personId', key: 'validation.request.unknownPerson' }]
    })
    await expect(t.callUnchecked('createRequest', { kind: 'complaint' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'kind' }] })
    expect(await count()).toBe(0)
  })

  it('records the date the person was told; refuses a date in the future or outside the first month, a second extension, and writes nothing then', async () => {
    const r = await t.call('createRequest', { kind: 'access', receivedOn: '2026-01-20' })
    const refused = async (toldOn: string, code: string) => {
      await expect(t.call('extendRequest', { id: r.id, reason: 'Veel archief', toldOn })).rejects.toMatchObject({ code })
      expect((await t.call('listRequests', {})).requests[0]).toMatchObject({ extendedTo: null, extensionReason: null, extensionToldOn: null })
    }
    await refused('2026-02-11', 'FUTURE_DATE_NOT_ALLOWED')
    await refused('2026-01-19', 'VALIDATION_FAILED')
    const extended = await t.call('extendRequest', { id: r.id, reason: 'Veel archief', toldOn: '2026-02-09' })
    expect(extended).toMatchObject({ deadline: '2026-02-20', extendedTo: '2026-04-20', dueOn: '2026-04-20', extensionToldOn: '2026-02-09', extendable: false })
    await expect(t.call('extendRequest', { id: r.id, reason: 'Nog eens', toldOn: '2026-02-10' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/extended already/) })
    expect((await t.call('listRequests', {})).requests[0]).toMatchObject({ extensionReason: 'Veel archief', extensionToldOn: '2026-02-09' })
  })

  it('puts overdue requests and those due within a week on the dashboard, not later or closed ones', async () => {
    const overdue = await t.call('createRequest', { kind: 'erasure', receivedOn: '2026-01-05' })
    const soon = await t.call('createRequest', { kind: 'access', receivedOn: '2026-01-17' }) // due 17 Feb: in 7 days
    await t.call('createRequest', { kind: 'access', receivedOn: '2026-01-18' }) // due 18 Feb: 8 days
    const closed = await t.call('createRequest', { kind: 'objection', receivedOn: '2026-01-06' })
    await t.call('closeRequest', { id: closed.id, status: 'done' })
    const due = await t.call('listRequestsDue', {})
    expect(due.requests.map((r) => [r.id, r.overdue, r.dueSoon])).toEqual([
      [overdue.id, true, false],
      [soon.id, false, true]
    ])
    await signInAs(t, 'medewerker', ['staff'])
    await expect(t.call('listRequestsDue', {})).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('is never both overdue and due soon; due soon means at most a week ahead', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -60, max: 60 }), (today, offset) => {
        const r = { status: 'open', deadline: addCalendarDays(today, offset), extendedTo: null }
        expect(isOverdue(r, today) && isDueSoon(r, today)).toBe(false)
        expect(isDueSoon(r, today)).toBe(offset >= 0 && offset <= DUE_SOON_DAYS)
        expect(isOverdue(r, today)).toBe(offset < 0)
      })
    )
  })
})
