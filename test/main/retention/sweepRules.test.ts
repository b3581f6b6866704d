import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newTestApp } from '../../support/testApp'
import { markedPerson, newMarker } from './personFixture'
import { auditOf, personRow, rowsOf, seed, sweepOn, type TestApp } from './retentionTestKit'

/**
 * Each retention rule end-to-end through the sweep on a real encrypted vault: nothing happens the
 * day before the due date, the action happens on it (R-11..R-17).
 */
let t: TestApp
beforeEach(async () => {
  t = await newTestApp({ start: '2026-01-05T10:00:00Z' })
})
afterEach(async () => {
  await t.dispose()
})

const tombstones = (personId: string) => t.sql('SELECT * FROM "tombstone" WHERE "personId" = :personId', { personId })
const emptyRows = async (personId: string) => Object.fromEntries(Object.keys(await rowsOf(t, personId)).map((k) => [k, 0]))

describe('R-12 registered, never worked, unsubscribes', () => {
  it('shields on the unsubscribe date and deletes three calendar months later: 31 Jan → 30 Apr, not a day earlier', async () => {
    const { id } = await seed(t, markedPerson(newMarker(), { person: { unsubscribedOn: '2027-01-31' } }))

    await sweepOn(t, '2027-01-30')
    expect(await personRow(t, id)).toMatchObject({ state: 'active', shieldedOn: null })

    const shieldRun = await sweepOn(t, '2027-01-31')
    expect(shieldRun.counts).toEqual({ 'shield:unsubscribed-never-worked': 1 })
    expect(await personRow(t, id)).toMatchObject({ state: 'shielded', shieldedOn: '2027-01-31', retentionRule: 'unsubscribed-never-worked' })

    await sweepOn(t, '2027-04-29')
    expect(await personRow(t, id)).toMatchObject({ state: 'shielded' })
    expect(await tombstones(id)).toEqual([])

    const deleteRun = await sweepOn(t, '2027-04-30')
    expect(deleteRun.counts).toEqual({ 'delete:unsubscribed-never-worked': 1 })
    expect(await rowsOf(t, id)).toEqual(await emptyRows(id))
    expect(await tombstones(id)).toEqual([
      { id: expect.any(String), personId: id, rule: 'unsubscribed-never-worked', policyVersion: 1, deletedOn: '2027-04-30', cause: 'retention' }
    ])
    expect((await auditOf(t, id)).map((a) => a.action)).toEqual(['retention.shield', 'retention.delete'])
  })

  it('deletes on the first run after the due date when the app was closed on it (R-17)', async () => {
    const { id } = await seed(t, { person: { unsubscribedOn: '2027-01-31' } })
    const run = await sweepOn(t, '2027-06-15')
    expect(run.counts).toEqual({ 'delete:unsubscribed-never-worked': 1 })
    expect(await tombstones(id)).toMatchObject([{ rule: 'unsubscribed-never-worked', deletedOn: '2027-06-15' }])
  })
})

describe('R-13 recruitment & selection', () => {
  it('shields at the end of the last procedure and deletes 24 months later, not a day earlier', async () => {
    const { id } = await seed(t, { roles: ['ws-candidate'], recruitment: [{ start: '2026-01-10', end: '2026-03-10' }] })
    await sweepOn(t, '2026-03-09')
    expect(await personRow(t, id)).toMatchObject({ state: 'active' })
    await sweepOn(t, '2026-03-10')
    expect(await personRow(t, id)).toMatchObject({ state: 'shielded', shieldedOn: '2026-03-10', retentionRule: 'ws-procedure-ended' })
    await sweepOn(t, '2028-03-09')
    expect(await personRow(t, id)).toMatchObject({ state: 'shielded' })
    await sweepOn(t, '2028-03-10')
    expect(await personRow(t, id)).toBeUndefined()
    expect(await tombstones(id)).toMatchObject([{ rule: 'ws-procedure-ended', deletedOn: '2028-03-10' }])
  })
})

describe('R-11 then R-16: worked, stopped, legal holds', () => {
  const worker = (marker: string, unsubscribedOn: string) =>
    markedPerson(marker, {
      roles: ['candidate', 'flexworker'],
      employments: [{ start: '2025-01-06', end: '2026-03-15' }],
      person: {
        unsubscribedOn,
        birthDate: '1990-05-17',
        nationality: 'NL',
        iban: 'NL91ABNA0417164300',
        bsn: '111222333',
        idDocumentType: 'passport',
        idDocumentNumber: 'XN1234567',
        idDocumentExpiry: '2030-01-01',
        idVerifiedOn: '2025-01-06',
        workPermitNumber: 'WP-1',
        workPermitExpiry: '2027-01-01',
        vogDate: '2025-01-02',
        maritalStatus: 'married',
        gender: 'female',
        phone: '+31612345678'
      },
      attachments: [
        { kind: 'cv', addedOn: '2025-01-06', content: Buffer.from(`${marker}-cv`) },
        { kind: 'id-copy', addedOn: '2025-01-06', content: Buffer.from(`${marker}-idcopy`) },
        { kind: 'vog', addedOn: '2025-01-06', content: Buffer.from(`${marker}-vog`) }
      ]
    })

  it('keeps a former worker available for 2 years, then reduces to the legal-hold data, purges the ID/BSN record on 2032-01-01 and deletes 7 years after the end of the year employment ended (2034-01-01)', async () => {
    const marker = newMarker()
    const { id } = await seed(t, worker(marker, '2026-04-01'))

    // available until 2 years after the employment ended (2026-03-15 → 2028-03-15).
    await sweepOn(t, '2028-03-14')
    expect(await personRow(t, id)).toMatchObject({ state: 'active', email: expect.any(String), reducedToLegalHoldOn: null })

    const reduceRun = await sweepOn(t, '2028-03-15')
    expect(reduceRun.counts).toEqual({ 'reduce-to-legal-hold:worked-stopped': 1 })
    const reduced = (await personRow(t, id))!
    expect(reduced).toMatchObject({
      state: 'legal-hold',
      reducedToLegalHoldOn: '2028-03-15',
      retentionRule: 'legal-hold-payroll',
      // kept: payroll basic data (AWR art. 52) and the ID/BSN record (Wet LB art. 28)
      givenName: `${marker}-given`,
      familyName: `${marker}-family`,
      birthDate: '1990-05-17',
      street: `${marker}-street`,
      city: `${marker}-city`,
      nationality: 'NL',
      iban: 'NL91ABNA0417164300',
      bsn: '111222333',
      idDocumentNumber: 'XN1234567',
      workPermitNumber: 'WP-1',
      // cleared: contact, intake and personnel data
      email: null,
      phone: null,
      otherContact: null,
      education: null,
      workExperience: null,
      particulars: null,
      gender: null,
      maritalStatus: null,
      vogDate: null,
      sourceDetail: null
    })
    const kinds = (await t.sql<{ kind: string }>('SELECT "kind" FROM "attachment" WHERE "personId" = :id ORDER BY "kind"', { id })).map((r) => r.kind)
    expect(kinds).toEqual(['id-copy'])
    expect(await rowsOf(t, id)).toMatchObject({ consent: 0, special_data: 0, disclosure: 0, field_change: 0, absence: 0, employment: 1 })
    expect(await t.sql('SELECT "purpose", "legalBasis" FROM "person_purpose" WHERE "personId" = :id', { id })).toEqual([{ purpose: 'payroll', legalBasis: 'legal-obligation' }])
    const reduceAudit = (await auditOf(t, id)).find((a) => a.action === 'retention.reduce')!
    expect(JSON.parse(reduceAudit.fields)).toEqual(expect.arrayContaining(['email', 'education', 'attachments', 'consents', 'specialData', 'disclosures']))
    expect(JSON.stringify(await auditOf(t, id))).not.toContain(marker)

    // Wet LB art. 28: employment ended 2026-03-15 → kept to 2031-12-31, purged 2032-01-01.
    await sweepOn(t, '2031-12-31')
    expect(await personRow(t, id)).toMatchObject({ bsn: '111222333', idRecordPurgedOn: null })
    const purgeRun = await sweepOn(t, '2032-01-01')
    expect(purgeRun.counts).toEqual({ 'purge-id-record:legal-hold-id-bsn': 1 })
    expect(await personRow(t, id)).toMatchObject({
      state: 'legal-hold',
      bsn: null,
      idDocumentType: null,
      idDocumentNumber: null,
      idDocumentExpiry: null,
      idVerifiedOn: null,
      workPermitNumber: null,
      workPermitExpiry: null,
      idRecordPurgedOn: '2032-01-01',
      iban: 'NL91ABNA0417164300'
    })
    expect((await rowsOf(t, id)).attachment).toBe(0)

    // AWR art. 52 (R-16a): 7 years after the end of the fiscal year 2026 → kept to 2033-12-31.
    await sweepOn(t, '2033-12-31')
    expect(await personRow(t, id)).toBeDefined()
    const deleteRun = await sweepOn(t, '2034-01-01')
    expect(deleteRun.counts).toEqual({ 'delete:legal-hold-payroll': 1 })
    expect(await rowsOf(t, id)).toEqual(await emptyRows(id))
    expect(await tombstones(id)).toMatchObject([{ rule: 'legal-hold-payroll', deletedOn: '2034-01-01', policyVersion: 1, cause: 'retention' }])
  })

  it('when holds overlap, the longest keeps the record and the ID/BSN hold that already ended is purged in the same run', async () => {
    // Still registered until 2032-06-01: past the ID/BSN hold (2031-12-31), within payroll (2033-12-31).
    const { id } = await seed(t, worker(newMarker(), '2032-06-01'))
    await sweepOn(t, '2032-05-31')
    expect(await personRow(t, id)).toMatchObject({ state: 'active', bsn: '111222333' })
    const run = await sweepOn(t, '2032-06-01')
    expect(run.counts).toEqual({ 'reduce-to-legal-hold:worked-stopped': 1, 'purge-id-record:legal-hold-id-bsn': 1 })
    expect(await personRow(t, id)).toMatchObject({ state: 'legal-hold', bsn: null, idRecordPurgedOn: '2032-06-01', iban: 'NL91ABNA0417164300', retentionRule: 'legal-hold-payroll' })
  })

  it('deletes a former worker at once when every legal hold has already ended by the time mediation stops', async () => {
    const { id } = await seed(t, worker(newMarker(), '2034-01-10'))
    await sweepOn(t, '2034-01-09')
    expect(await personRow(t, id)).toMatchObject({ state: 'active' })
    await sweepOn(t, '2034-01-10')
    expect(await personRow(t, id)).toBeUndefined()
    expect(await tombstones(id)).toMatchObject([{ rule: 'worked-stopped', deletedOn: '2034-01-10' }])
  })

  it('touches nothing of a person who still works, however old their other data is', async () => {
    const { id } = await seed(t, { roles: ['flexworker'], person: { unsubscribedOn: '2026-02-01', bsn: '111222333' }, employments: [{ start: '2020-01-01', end: '2021-01-01' }, { start: '2021-06-01', end: null }] })
    const run = await sweepOn(t, '2040-01-01')
    expect(run.counts).toEqual({})
    expect(await personRow(t, id)).toMatchObject({ state: 'active', bsn: '111222333' })
  })
})

describe('R-3a ID copy taken at registration', () => {
  it('deletes the copy and its content 4 weeks after it was added, and nothing else', async () => {
    const { id, attachmentIds } = await seed(t, { attachments: [{ kind: 'id-copy', addedOn: '2026-01-05' }, { kind: 'cv', addedOn: '2026-01-05' }] })
    await sweepOn(t, '2026-02-01')
    expect((await rowsOf(t, id)).attachment).toBe(2)
    const run = await sweepOn(t, '2026-02-02')
    expect(run.counts).toEqual({ 'purge-attachment:id-copy-registration': 1 })
    expect(await t.sql('SELECT "kind" FROM "attachment" WHERE "personId" = :id', { id })).toEqual([{ kind: 'cv' }])
    expect(await t.sqlCount('SELECT count(*) AS "n" FROM "attachment_content" WHERE "attachmentId" = :id', { id: attachmentIds[0] })).toBe(0)
    expect(await personRow(t, id)).toMatchObject({ state: 'active' })
    expect(await auditOf(t, id)).toMatchObject([{ action: 'retention.purge', fields: '["attachment.id-copy"]', reason: 'id-copy-registration' }])
  })
})

describe('R-4 consent with an end date', () => {
  it('keeps the special data through the last valid day and deletes it the day after, keeping the consent record', async () => {
    const { id, consentIds } = await seed(t, { consents: [{ category: 'health', endsOn: '2026-06-30' }, { category: 'religion' }] })
    await sweepOn(t, '2026-06-30')
    expect((await rowsOf(t, id)).special_data).toBe(2)
    const run = await sweepOn(t, '2026-07-01')
    expect(run.counts).toEqual({ 'purge-consent-data:consent-expired': 1 })
    expect(await t.sql('SELECT "category" FROM "special_data" WHERE "personId" = :id', { id })).toEqual([{ category: 'religion' }])
    expect(await t.sql('SELECT "expiredPurgedOn" FROM "consent" WHERE "id" = :id', { id: consentIds[0] })).toEqual([{ expiredPurgedOn: '2026-07-01' }])
    expect(await auditOf(t, id)).toMatchObject([{ action: 'consent.expire' }])
  })
})
