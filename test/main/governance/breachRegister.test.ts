import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OperationInput } from '../../../src/shared/contract/client'
import { newTestApp } from '../../support/testApp'
import { prospect } from '../people/peopleFixtures'

type T = Awaited<ReturnType<typeof newTestApp>>

const breach = {
  discoveredAtLocal: '2026-10-24T10:00',
  description: 'Laptop met geëxporteerde cv-map in de trein laten liggen',
  dataCategories: ['identity', 'contact', 'cv'],
  personsAffected: 140,
  risk: 'high',
  status: 'suspected'
} satisfies OperationInput<'createBreach'>

async function lastAudit(t: T) {
  const list = await t.app.audit.list(t.app.vault.dataSource.manager, { limit: 1 })
  return list[0]!
}

describe('breach register (R-23, GDPR art. 33)', () => {
  let t: T
  beforeEach(async () => {
    t = await newTestApp({ start: '2026-10-25T09:00:00Z' })
  })
  afterEach(async () => t.dispose())

  it('registers a breach typed in Dutch local time, with the 72-hour deadline across the autumn clock change', async () => {
    const b = await t.call('createBreach', breach)
    expect(b.discoveredAt).toBe('2026-10-24T08:00:00.000Z')
    expect(b.discoveredAtLocal).toBe('2026-10-24T10:00')
    expect(b.deadline).toBe('2026-10-27T08:00:00.000Z')
    expect(b.deadlineLocal).toBe('2026-10-27T09:00')
    expect(b).toMatchObject({ regulator: 'due', persons: 'required', createdBy: 'beheerder' })
    const entry = await lastAudit(t)
    expect(entry).toMatchObject({ action: 'breach.create', subjectId: b.id, actorId: t.app.session.accountId })
    expect(entry.fields).toEqual(['dataCategories', 'description', 'discoveredAt', 'personsAffected', 'risk', 'status'])
    expect(JSON.stringify(entry)).not.toContain('Laptop')
  })

  it('lists breaches with the main clock as `asOf`, so the screen counts down from the same time', async () => {
    await t.call('createBreach', breach)
    t.clock.set('2026-10-27T08:00:01Z')
    const list = await t.call('listBreaches')
    expect(list.asOf).toBe('2026-10-27T08:00:01.000Z')
    expect(list.breaches[0]!.regulator).toBe('overdue')
  })

  it('records the reports and audits only the fields that changed', async () => {
    const b = await t.call('createBreach', breach)
    const updated = await t.call('updateBreach', {
      ...breach,
      id: b.id,
      status: 'confirmed',
      reportedToRegulatorAtLocal: '2026-10-25T09:30',
      measures: 'Laptop op afstand gewist; wachtwoorden vervangen'
    })
    expect(updated).toMatchObject({ status: 'confirmed', regulator: 'reported', reportedToRegulatorAt: '2026-10-25T08:30:00.000Z' }) // winter time again after 03:00
    const entry = await lastAudit(t)
    expect(entry).toMatchObject({ action: 'breach.update', subjectId: b.id, fields: ['measures', 'reportedToRegulatorAt', 'status'] })
    const before = (await t.app.audit.list(t.app.vault.dataSource.manager, {})).length
    await t.call('updateBreach', { ...breach, id: b.id, status: 'confirmed', reportedToRegulatorAtLocal: '2026-10-25T09:30', measures: 'Laptop op afstand gewist; wachtwoorden vervangen' })
    expect((await t.app.audit.list(t.app.vault.dataSource.manager, {})).length).toBe(before)
  })

  it('refuses a discovery in the future, a report before the discovery and a time skipped by the spring clock change', async () => {
    const fail = async (input: object) => {
      try {
        await t.callUnchecked('createBreach', { ...breach, ...input })
      } catch (e) {
        return e as { code: string; issues: { path: string; key: string }[] }
      }
      throw new Error('accepted')
    }
    expect((await fail({ discoveredAtLocal: '2026-10-25T11:00' })).issues).toEqual([{ path: 'discoveredAtLocal', key: 'validation.breach.future' }])
    expect((await fail({ reportedToPersonsAtLocal: '2026-10-24T09:59' })).issues).toEqual([{ path: 'reportedToPersonsAtLocal', key: 'validation.breach.beforeDiscovery' }])
    expect((await fail({ discoveredAtLocal: '2026-03-29T02:15' })).issues).toEqual([{ path: 'discoveredAtLocal', key: 'validation.breach.nonexistentTime' }])
    expect((await fail({ discoveredAtLocal: '24-10-2026 10:00' })).issues).toEqual([{ path: 'discoveredAtLocal', key: 'validation.breach.dateTime' }])
    expect((await fail({ discoveredAtLocal: '' })).issues).toEqual([{ path: 'discoveredAtLocal', key: 'validation.required' }])
    const bad = await fail({ dataCategories: [], risk: 'medium', extra: 1 })
    expect(bad.code).toBe('VALIDATION_FAILED')
    expect(bad.issues.map((i) => i.path).sort()).toEqual(['', 'dataCategories', 'risk'])
  })

  it('is for privacy officers only', async () => {
    await t.call('addAccount', { username: 'balie', displayName: 'Balie', roles: ['staff', 'admin'], passphrase: 'balie sneeuw pen 1' })
    await t.app.signIn('balie', 'balie sneeuw pen 1')
    for (const op of ['listBreaches', 'createBreach', 'exportBreaches'] as const) {
      await expect(t.call(op, op === 'createBreach' ? breach : op === 'exportBreaches' ? { format: 'csv' } : {})).rejects.toMatchObject({ code: 'FORBIDDEN' })
    }
  })

  it('exports the register as CSV and as printable HTML, audited', async () => {
    await t.call('createBreach', breach)
    const csv = await t.call('exportBreaches', { format: 'csv', lang: 'nl' })
    expect(csv.fileName).toBe('breach-register-2026-10-25.csv')
    const lines = csv.content.trimEnd().split('\r\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toContain('Uiterste meldtijd AP (72 uur)')
    expect(lines[1]).toContain('2026-10-27 09:00')
    expect(lines[1]).toContain('Hoog risico')
    const html = await t.call('exportBreaches', { format: 'html', lang: 'en' })
    expect(html.content).toContain('<h1>Data breach register</h1>')
    expect(html.content).toContain('To be reported')
    expect((await lastAudit(t)).action).toBe('breach.export')
  })
})

describe('breaches: the persons affected, a late report and who must be told (GDPR art. 33, 34)', () => {
  let t: T
  beforeEach(async () => {
    t = await newTestApp({ start: '2026-11-28T09:00:00Z' })
  })
  afterEach(async () => t.dispose())
  const person = async (givenName: string) =>
    (await t.call('createPerson', prospect({ givenName, familyName: 'Lekkerkerk', email: `${givenName.toLowerCase()}@example.com` }))).personId

  it('requires a reason for a report made after 72 hours, and keeps it', async () => {
    const late = { ...breach, reportedToRegulatorAtLocal: '2026-10-27T09:01' } // deadline 27 Oct 09:00 local
    await expect(t.call('createBreach', late)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'lateReason', key: 'validation.breach.lateReasonRequired' }] })
    expect((await t.call('listBreaches')).breaches).toEqual([])
    const b = await t.call('createBreach', { ...late, lateReason: 'Omvang pas na forensisch onderzoek bekend' })
    expect(b).toMatchObject({ regulator: 'reported-late', lateReason: 'Omvang pas na forensisch onderzoek bekend' })
    // On time: no reason needed.
    await expect(t.call('createBreach', { ...breach, reportedToRegulatorAtLocal: '2026-10-27T09:00' })).resolves.toMatchObject({ regulator: 'reported', lateReason: null })
  })

  it('links persons by id with a note; refuses an unknown id or more links than persons affected, writing nothing', async () => {
    const a = await person('Anouk')
    const b = await person('Bram')
    const unknown = '00000000-0000-4000-8000-000000000000'
    await expect(t.call('createBreach', { ...breach, affected: [{ personId: a }, { personId: unknown }] })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      issues: [{ path: 'affected.1.personId', key: 'validation.breach.unknownPerson' }]
    })
    await expect(t.call('createBreach', { ...breach, personsAffected: 1, affected: [{ personId: a }, { personId: b }] })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'personsAffected', key: 'validation.breach.fewerThanLinked' }]
    })
    expect((await t.call('listBreaches')).breaches).toEqual([])
    const created = await t.call('createBreach', { ...breach, affected: [{ personId: a, note: 'Anouk belde ongerust' }] })
    expect(created.affected).toEqual([expect.objectContaining({ personId: a, personName: 'Anouk Lekkerkerk', note: 'Anouk belde ongerust' })])
    expect((await lastAudit(t)).fields).toContain('affected')
    const updated = await t.call('updateBreach', { ...breach, id: created.id, affected: [{ personId: a, note: 'Anouk belde ongerust' }, { personId: b }] })
    expect(updated.affected.map((x) => x.personId).sort()).toEqual([a, b].sort())
    expect(await lastAudit(t)).toMatchObject({ action: 'breach.update', fields: ['affected'] })
    // Left out on update: the links stay.
    expect((await t.call('updateBreach', { ...breach, id: created.id, status: 'confirmed' })).affected).toHaveLength(2)
  })

  it('shows a breach in the person’s history and access report only when the persons must be told (art. 34)', async () => {
    const a = await person('Anouk')
    const told = await t.call('createBreach', { ...breach, description: 'Cv-map op gestolen laptop', measures: 'Laptop gewist', reportedToPersonsAtLocal: '2026-10-26T12:00', affected: [{ personId: a }] })
    expect(told).toMatchObject({ informPersons: true, persons: 'done' })
    const quiet = await t.call('createBreach', { ...breach, description: 'Versleutelde schijf kwijt', risk: 'high', informPersons: false, affected: [{ personId: a }] })
    expect(quiet).toMatchObject({ informPersons: false, persons: 'not-required' })
    await t.call('createBreach', { ...breach, description: 'Mail naar verkeerde collega', risk: 'low', affected: [{ personId: a }] })

    expect((await t.call('getPersonHistory', { personId: a })).breaches).toEqual([{ discoveredOn: '2026-10-24', toldOn: '2026-10-26' }])
    const { html } = await t.call('getAccessReportHtml', { personId: a, lang: 'nl' })
    expect(html).toContain('Datalekken die u raken')
    expect(html).toContain('Cv-map op gestolen laptop')
    expect(html).not.toContain('Versleutelde schijf kwijt')
    expect(html).not.toContain('Mail naar verkeerde collega')
    const other = await person('Bram')
    expect((await t.call('getAccessReportHtml', { personId: other, lang: 'en' })).html).not.toContain('Data breaches affecting you')
  })
})
