import { existsSync, statSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { evaluateRetention } from '../../../src/main/retention/evaluateRetention'
import { loadRetentionFacts } from '../../../src/main/retention/loadFacts'
import { DEFAULT_POLICY } from '../../../src/main/retention/policy'
import { CLEARED_AT_REDUCTION, ID_RECORD_FIELDS, PAYROLL_HOLD_FIELDS } from '../../../src/main/retention/legalHoldData'
import { AttachmentContentEntity, AttachmentEntity } from '../../../src/main/vault/entities/Attachment'
import { AuditEntryEntity } from '../../../src/main/vault/entities/AuditEntry'
import { AbsenceEntity, ConsentEntity, SpecialDataEntity } from '../../../src/main/vault/entities/Consent'
import { DisclosureEntity } from '../../../src/main/vault/entities/Disclosure'
import { EmploymentEntity, RecruitmentProcedureEntity } from '../../../src/main/vault/entities/Employment'
import { FieldChangeEntity } from '../../../src/main/vault/entities/FieldChange'
import { SubjectRequestEntity } from '../../../src/main/vault/entities/Governance'
import { PersonEntity } from '../../../src/main/vault/entities/Person'
import { PersonPurposeEntity } from '../../../src/main/vault/entities/PersonRoleRow'
import { TombstoneEntity } from '../../../src/main/vault/entities/Retention'
import { vaultPaths } from '../../../src/main/vault/vaultFiles'
import type { ErasureResult } from '../../../src/shared/contract/rights'
import { newTestApp } from '../../support/testApp'
import { insertRichPerson, writeSettings } from './richPerson'
import { signInAs, type TestApp } from './support'

async function erase(t: TestApp, personId: string, reason = 'Verzoek van betrokkene per brief'): Promise<ErasureResult> {
  const approval = await t.call('requestErasure', { personId, reason })
  expect(approval.status).toBe('approved')
  return t.call('applyErasure', { approvalId: approval.approvalId })
}

async function rowsOf(t: TestApp, personId: string) {
  const ds = t.app.vault.dataSource
  const where = { personId }
  return {
    attachments: await ds.getRepository(AttachmentEntity).find({ where }),
    consents: await ds.getRepository(ConsentEntity).countBy(where),
    specialData: await ds.getRepository(SpecialDataEntity).countBy(where),
    disclosures: await ds.getRepository(DisclosureEntity).countBy(where),
    fieldChanges: await ds.getRepository(FieldChangeEntity).countBy(where),
    absence: await ds.getRepository(AbsenceEntity).countBy(where),
    procedures: await ds.getRepository(RecruitmentProcedureEntity).countBy(where),
    employments: await ds.getRepository(EmploymentEntity).countBy(where),
    purposes: await ds.getRepository(PersonPurposeEntity).find({ where })
  }
}

describe('erasure on request (R-19, R-16)', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await newTestApp({ start: '2026-11-27T10:00:00Z' })
  })
  afterEach(async () => {
    await t.dispose()
  })

  it('deletes a never-employed candidate completely: tombstone, nothing left, WAL checkpointed', async () => {
    const { personId, attachmentIds } = await insertRichPerson(t.app.vault.dataSource, { employmentEnd: 'none' })
    const request = await t.call('createRequest', { personId, kind: 'erasure', receivedOn: '2026-11-26', identityCheck: 'Identiteitskaart gezien' })
    const preview = await t.call('previewErasure', { personId })
    expect(preview).toMatchObject({ outcome: 'delete', kept: [], blockedBy: null, fourEyes: false })
    // Issue 16: the preview names whose record it is (the screen shows it and asks for the reference or family name).
    expect(preview).toMatchObject({ givenName: 'Fenna', familyName: 'Vliegenthart-Oosterbeek', birthDate: '1991-03-14', ref: `K-${personId.slice(0, 6)}` })
    expect(preview.deleted.fields).toEqual(expect.arrayContaining(['givenName', 'email', 'particulars', 'sourceDetail']))
    expect(preview.deleted.records).toEqual(expect.arrayContaining([{ kind: 'attachments', count: 1 }, { kind: 'idCopies', count: 1 }, { kind: 'disclosures', count: 3 }]))

    const result = await erase(t, personId)
    expect(result).toMatchObject({ personId, outcome: 'deleted', kept: [] })
    const ds = t.app.vault.dataSource
    expect(await ds.getRepository(PersonEntity).existsBy({ id: personId })).toBe(false)
    const left = await rowsOf(t, personId)
    expect(left).toEqual({ attachments: [], consents: 0, specialData: 0, disclosures: 0, fieldChanges: 0, absence: 0, procedures: 0, employments: 0, purposes: [] })
    for (const id of attachmentIds) expect(await ds.getRepository(AttachmentContentEntity).existsBy({ attachmentId: id })).toBe(false)

    const tombstone = await ds.getRepository(TombstoneEntity).findOneByOrFail({ personId })
    expect(tombstone).toMatchObject({ id: result.tombstoneId, cause: 'erasure', rule: 'erasure-request', deletedOn: '2026-11-27', policyVersion: 1 })
    const wal = `${vaultPaths(t.vaultDir).db}-wal`
    if (existsSync(wal)) expect(statSync(wal).size).toBe(0)

    const actions = (await ds.getRepository(AuditEntryEntity).find({ where: { subjectId: personId }, order: { seq: 'ASC' } })).map((e) => e.action)
    expect(actions).toEqual(expect.arrayContaining(['erasure.preview', 'erasure.request', 'erasure.apply']))
    const documents = (await ds.getRepository(SubjectRequestEntity).findOneByOrFail({ id: request.id })).documents
    expect(documents).toEqual([expect.objectContaining({ kind: 'erasure', reference: tombstone.id })])
  })

  it('keeps only the legal-hold subset of a former employee, restricted to payroll, until the law’s dates', async () => {
    // Employment ended 30 Sep 2026: ID/BSN until 31 Dec 2031 (Wet LB art. 28), payroll data until 31 Dec 2033 (AWR art. 52, R-16a: 7 years after the end of 2026).
    const { personId } = await insertRichPerson(t.app.vault.dataSource)
    const preview = await t.call('previewErasure', { personId })
    expect(preview.outcome).toBe('legal-hold')
    expect(preview.kept).toEqual([
      expect.objectContaining({ rule: 'legal-hold-payroll', law: 'AWR art. 52', keptUntil: '2033-12-31', deletedOn: '2034-01-01', records: [{ kind: 'employments', count: 1 }] }),
      expect.objectContaining({ rule: 'legal-hold-id-bsn', keptUntil: '2031-12-31', deletedOn: '2032-01-01', records: [{ kind: 'idCopies', count: 1 }] })
    ])
    expect(preview.kept[0]!.fields).toEqual([...PAYROLL_HOLD_FIELDS])
    expect(preview.kept[1]!.fields).toEqual([...ID_RECORD_FIELDS])
    expect(preview.deleted.fields.sort()).toEqual([...CLEARED_AT_REDUCTION].sort())

    const result = await erase(t, personId)
    expect(result).toMatchObject({ outcome: 'legal-hold', tombstoneId: null })

    // What the preview promised is exactly what is left.
    const person = await t.app.vault.dataSource.getRepository(PersonEntity).findOneByOrFail({ id: personId })
    expect(person.state).toBe('legal-hold')
    expect(person.unsubscribedOn).toBe('2026-11-27')
    for (const field of [...PAYROLL_HOLD_FIELDS, ...ID_RECORD_FIELDS]) expect(person[field], field).not.toBeNull()
    for (const field of CLEARED_AT_REDUCTION) expect(person[field], field).toBeNull()
    const left = await rowsOf(t, personId)
    expect(left.attachments.map((a) => a.kind)).toEqual(['id-copy'])
    expect(left).toMatchObject({ consents: 0, specialData: 0, disclosures: 0, fieldChanges: 0, absence: 0, procedures: 0, employments: 1 })
    expect(left.purposes).toEqual([{ personId, purpose: 'payroll', legalBasis: 'legal-obligation' }])
    expect(await t.app.vault.dataSource.getRepository(TombstoneEntity).countBy({ personId })).toBe(0)

    // The retention sweep takes it from here: ID record purged on 1 Jan 2032, the record deleted on 1 Jan 2034.
    const facts = (await loadRetentionFacts(t.app.vault.dataSource.manager, personId))!.facts
    const evaluation = evaluateRetention(facts, DEFAULT_POLICY, '2032-01-01')
    expect(evaluation.state).toBe('legal-hold')
    expect(evaluation.due.map((a) => [a.kind, a.dueDate])).toEqual([['purge-id-record', '2032-01-01']])
    expect(evaluation.deletionDate).toBe('2034-01-01')
  })

  it('purges the ID/BSN record at once when only the payroll term still runs', async () => {
    // Ended 15 Mar 2020: ID/BSN term ended 1 Jan 2026; payroll runs until 31 Dec 2027 (R-16a).
    const { personId } = await insertRichPerson(t.app.vault.dataSource, { employmentStart: '2019-01-01', employmentEnd: '2020-03-15' })
    const preview = await t.call('previewErasure', { personId })
    expect(preview.kept.map((h) => [h.rule, h.keptUntil])).toEqual([['legal-hold-payroll', '2027-12-31']])
    expect(preview.deleted.fields).toEqual(expect.arrayContaining([...ID_RECORD_FIELDS]))
    expect(preview.deleted.records).toEqual(expect.arrayContaining([{ kind: 'idCopies', count: 1 }]))

    await erase(t, personId)
    const person = await t.app.vault.dataSource.getRepository(PersonEntity).findOneByOrFail({ id: personId })
    for (const field of ID_RECORD_FIELDS) expect(person[field], field).toBeNull()
    expect(person.idRecordPurgedOn).toBe('2026-11-27')
    expect(person.familyName).toBe('Vliegenthart-Oosterbeek')
    expect((await rowsOf(t, personId)).attachments).toEqual([])
  })

  it('deletes a former employee completely once every legal term has run out', async () => {
    const { personId } = await insertRichPerson(t.app.vault.dataSource, { employmentStart: '2017-01-01', employmentEnd: '2018-06-30' })
    expect((await t.call('previewErasure', { personId })).outcome).toBe('delete')
    expect((await erase(t, personId)).outcome).toBe('deleted')
    expect(await t.app.vault.dataSource.getRepository(PersonEntity).existsBy({ id: personId })).toBe(false)
  })

  it('waits while the person is still employed', async () => {
    const { personId } = await insertRichPerson(t.app.vault.dataSource, { employmentEnd: null })
    expect(await t.call('previewErasure', { personId })).toMatchObject({ outcome: 'blocked', blockedBy: 'employment-ongoing' })
    await expect(t.call('requestErasure', { personId, reason: 'Verzoek' })).rejects.toMatchObject({ code: 'CONFLICT', detail: { blockedBy: 'employment-ongoing' } })
  })

  it('is for privacy officers only', async () => {
    const { personId } = await insertRichPerson(t.app.vault.dataSource, { employmentEnd: 'none' })
    await signInAs(t, 'medewerker', ['staff'])
    await expect(t.call('previewErasure', { personId })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(t.call('requestErasure', { personId, reason: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('requires a reason', async () => {
    const { personId } = await insertRichPerson(t.app.vault.dataSource, { employmentEnd: 'none' })
    await expect(t.call('requestErasure', { personId, reason: '   ' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
  })

  describe('four eyes (setting fourEyesErasure)', () => {
    it('needs a second privacy officer; the requester can neither approve nor apply alone', async () => {
      await writeSettings(t.app, { fourEyesErasure: true })
      const { personId } = await insertRichPerson(t.app.vault.dataSource, { employmentEnd: 'none' })
      const anna = await signInAs(t, 'anna', ['privacy_officer'])
      expect((await t.call('previewErasure', { personId })).fourEyes).toBe(true)
      const approval = await t.call('requestErasure', { personId, reason: 'Verzoek per e-mail' })
      expect(approval).toMatchObject({ status: 'awaiting-approval', approvedBy: null, requestedBy: 'Medewerker anna' })
      await expect(t.call('approveErasure', { approvalId: approval.approvalId })).rejects.toMatchObject({ code: 'APPROVAL_REQUIRED' })
      await expect(t.call('applyErasure', { approvalId: approval.approvalId })).rejects.toMatchObject({ code: 'APPROVAL_REQUIRED' })
      expect(await t.app.vault.dataSource.getRepository(PersonEntity).existsBy({ id: personId })).toBe(true)

      const bram = await signInAs(t, 'bram', ['privacy_officer'])
      expect(await t.call('listErasureApprovals')).toEqual([expect.objectContaining({ approvalId: approval.approvalId, status: 'awaiting-approval' })])
      const approved = await t.call('approveErasure', { approvalId: approval.approvalId })
      expect(approved).toMatchObject({ status: 'approved', approvedBy: 'Medewerker bram' })
      await expect(t.call('approveErasure', { approvalId: approval.approvalId })).rejects.toMatchObject({ code: 'CONFLICT' })

      await signInAs(t, 'anna', ['privacy_officer'])
      expect((await t.call('applyErasure', { approvalId: approval.approvalId })).outcome).toBe('deleted')
      expect(await t.call('listErasureApprovals')).toEqual([])

      const audit = await t.app.vault.dataSource.getRepository(AuditEntryEntity).find({ where: { subjectId: personId }, order: { seq: 'ASC' } })
      const byAction = (action: string) => audit.find((e) => e.action === action)?.actorId
      expect([byAction('erasure.request'), byAction('erasure.approve'), byAction('erasure.apply')]).toEqual([anna, bram, anna])
    })

    it('"erase" as the screen and the CLI run it: one operation that requests, then applies when no second officer is needed', async () => {
      const { personId: first } = await insertRichPerson(t.app.vault.dataSource, { employmentEnd: 'none' })
      const direct = await t.call('requestAndApplyErasure', { personId: first, reason: 'Verzoek per brief' })
      expect(direct.approval.status).toBe('approved')
      expect(direct.result).toMatchObject({ personId: first, outcome: 'deleted' })
      expect(await t.app.vault.dataSource.getRepository(PersonEntity).existsBy({ id: first })).toBe(false)

      await writeSettings(t.app, { fourEyesErasure: true })
      const { personId } = await insertRichPerson(t.app.vault.dataSource, { employmentEnd: 'none' })
      await signInAs(t, 'anna', ['privacy_officer'])
      const asked = await t.call('requestAndApplyErasure', { personId, reason: 'Verzoek per e-mail' })
      expect(asked).toMatchObject({ approval: { status: 'awaiting-approval' }, result: null })
      await expect(t.call('approveAndApplyErasure', { approvalId: asked.approval.approvalId })).rejects.toMatchObject({ code: 'APPROVAL_REQUIRED' })
      expect(await t.app.vault.dataSource.getRepository(PersonEntity).existsBy({ id: personId })).toBe(true)

      await signInAs(t, 'bram', ['privacy_officer'])
      expect((await t.call('approveAndApplyErasure', { approvalId: asked.approval.approvalId })).outcome).toBe('deleted')
      expect(await t.app.vault.dataSource.getRepository(PersonEntity).existsBy({ id: personId })).toBe(false)
      expect(await t.call('listErasureApprovals')).toEqual([])
    })

    it('does not accept an approval given by the requester alone before four eyes was switched on', async () => {
      const { personId } = await insertRichPerson(t.app.vault.dataSource, { employmentEnd: 'none' })
      const approval = await t.call('requestErasure', { personId, reason: 'Verzoek' })
      await writeSettings(t.app, { fourEyesErasure: true })
      await expect(t.call('applyErasure', { approvalId: approval.approvalId })).rejects.toMatchObject({ code: 'APPROVAL_REQUIRED' })
      await expect(t.call('requestErasure', { personId, reason: 'Nog een keer' })).rejects.toMatchObject({ code: 'CONFLICT' })
    })
  })
})
