import { randomBytes, randomUUID } from 'node:crypto'
import type { EntityManager } from 'typeorm'
import type { AttachmentKind, CalendarDate, PersonRole, Purpose, SpecialCategory } from '../../../src/shared/domain'
import { AttachmentContentEntity, AttachmentEntity } from '../../../src/main/vault/entities/Attachment'
import { AbsenceEntity, ConsentEntity, SpecialDataEntity } from '../../../src/main/vault/entities/Consent'
import { DisclosureEntity } from '../../../src/main/vault/entities/Disclosure'
import { EmploymentEntity, RecruitmentProcedureEntity } from '../../../src/main/vault/entities/Employment'
import { FieldChangeEntity } from '../../../src/main/vault/entities/FieldChange'
import { type Person, PersonEntity } from '../../../src/main/vault/entities/Person'
import { PersonPurposeEntity, PersonRoleEntity } from '../../../src/main/vault/entities/PersonRoleRow'
import { sealedRow } from '../../support/sealedRows'

/**
 * Builds persons straight into the vault with the entities' repositories (the retention tests do
 * not depend on the people service). Synthetic data only. `markedPerson` fills every text field
 * and child row with one unique marker, so the raw-page tests can look for it in the stored bytes.
 */
export interface PersonSpec {
  id?: string
  person?: Partial<Person>
  roles?: PersonRole[]
  purposes?: { purpose: Purpose; legalBasis: string }[]
  employments?: { start: CalendarDate; end: CalendarDate | null }[]
  recruitment?: { start: CalendarDate; end: CalendarDate | null; clientName?: string }[]
  attachments?: { kind: AttachmentKind; addedOn: CalendarDate; fileName?: string; content?: Buffer }[]
  consents?: { category: SpecialCategory; endsOn?: CalendarDate | null; withdrawnOn?: CalendarDate | null; wording?: string; specialValue?: string }[]
  disclosures?: { recipientName: string; reason?: string }[]
  fieldChanges?: { reason: string }[]
  absence?: { startOn: CalendarDate; availability?: string }[]
}

export interface InsertedPerson {
  id: string
  attachmentIds: string[]
  consentIds: string[]
}

const AT = '2026-01-05T09:00:00.000Z'

export function personRow(id: string, p: Partial<Person> = {}): Person {
  const givenName = p.givenName ?? 'Testa'
  const familyName = p.familyName ?? 'Persoon'
  return {
    id,
    ref: null,
    givenName,
    familyName,
    birthDate: '1990-05-17',
    gender: null,
    street: null,
    houseNumber: null,
    postcode: null,
    city: null,
    email: null,
    phone: null,
    otherContact: null,
    education: null,
    internships: null,
    workExperience: null,
    availability: null,
    deployability: null,
    leave: null,
    particulars: null,
    nationality: null,
    bsn: null,
    idDocumentType: null,
    idDocumentNumber: null,
    idDocumentExpiry: null,
    idVerifiedOn: null,
    workPermitNumber: null,
    workPermitExpiry: null,
    vogDate: null,
    iban: null,
    maritalStatus: null,
    sourceKind: 'walk-in',
    sourceDetail: null,
    registeredOn: '2026-01-05',
    unsubscribedOn: null,
    // R-11a: fixture persons stay in touch with the agency (activity through 2099), so the
    // inactivity clock never overtakes the rule a test is about; R-11a tests set their own date.
    lastActivityOn: '2099-12-31',
    statementVersion: null,
    statementShownOn: null,
    state: 'active',
    shieldedOn: null,
    retentionRule: null,
    reducedToLegalHoldOn: null,
    idRecordPurgedOn: null,
    retentionCheckOn: null,
    createdAt: AT,
    updatedAt: AT,
    version: 1,
    searchGiven: givenName.toLowerCase(),
    searchFamily: familyName.toLowerCase(),
    ...p
  }
}

export async function insertPerson(manager: EntityManager, spec: PersonSpec = {}): Promise<InsertedPerson> {
  const id = spec.id ?? randomUUID()
  await manager.getRepository(PersonEntity).insert(sealedRow(manager, 'person', id, personRow(id, spec.person)))
  const roles = spec.roles ?? ['candidate']
  if (roles.length) await manager.getRepository(PersonRoleEntity).insert(roles.map((role) => ({ personId: id, role })))
  const purposes = spec.purposes ?? [{ purpose: 'mediation' as const, legalBasis: 'consent' }]
  if (purposes.length) await manager.getRepository(PersonPurposeEntity).insert(purposes.map((p) => ({ personId: id, ...p })))
  for (const e of spec.employments ?? []) {
    await manager.getRepository(EmploymentEntity).insert({ id: randomUUID(), personId: id, start: e.start, end: e.end, kind: 'uitzenden', clientId: null })
  }
  for (const r of spec.recruitment ?? []) {
    await manager.getRepository(RecruitmentProcedureEntity).insert({ id: randomUUID(), personId: id, clientId: null, clientName: r.clientName ?? 'Opdrachtgever BV', start: r.start, end: r.end })
  }
  const attachmentIds: string[] = []
  for (const a of spec.attachments ?? []) {
    const attachmentId = randomUUID()
    const content = a.content ?? Buffer.from('%PDF-1.4 synthetic')
    await manager.getRepository(AttachmentEntity).insert(
      sealedRow(manager, 'attachment', attachmentId, {
        id: attachmentId,
        personId: id,
        kind: a.kind,
        fileName: a.fileName ?? `${a.kind}.pdf`,
        mimeType: 'application/pdf',
        sizeBytes: content.length,
        addedOn: a.addedOn,
        deleteOn: null,
        addedBy: null,
        createdAt: AT
      })
    )
    await manager.getRepository(AttachmentContentEntity).insert(sealedRow(manager, 'attachment_content', attachmentId, { attachmentId, content }))
    attachmentIds.push(attachmentId)
  }
  const consentIds: string[] = []
  for (const c of spec.consents ?? []) {
    const consentId = randomUUID()
    await manager.getRepository(ConsentEntity).insert({
      id: consentId,
      personId: id,
      category: c.category,
      purpose: 'suitability',
      basis: 'consent',
      legalBasisKey: null,
      givenOn: '2026-01-05',
      how: 'signed-form',
      wording: c.wording ?? 'Ik geef toestemming.',
      statementVersion: null,
      endsOn: c.endsOn ?? null,
      recordedBy: null,
      recordedAt: AT,
      withdrawnOn: c.withdrawnOn ?? null,
      withdrawnBy: null,
      expiredPurgedOn: null
    })
    await manager.getRepository(SpecialDataEntity).insert({
      id: randomUUID(),
      personId: id,
      consentId,
      category: c.category,
      purpose: 'suitability',
      value: c.specialValue ?? 'synthetisch bijzonder gegeven',
      createdAt: AT,
      createdBy: null
    })
    consentIds.push(consentId)
  }
  for (const d of spec.disclosures ?? []) {
    await manager.getRepository(DisclosureEntity).insert({
      id: randomUUID(),
      personId: id,
      clientId: null,
      recipientName: d.recipientName,
      purpose: 'present-candidate',
      fields: ['givenName', 'familyName'],
      reason: d.reason ?? null,
      disclosedAt: AT,
      actorId: null
    })
  }
  for (const f of spec.fieldChanges ?? []) {
    await manager.getRepository(FieldChangeEntity).insert({ id: randomUUID(), personId: id, fields: ['email'], changedAt: AT, actorId: null, reason: f.reason })
  }
  for (const a of spec.absence ?? []) {
    await manager.getRepository(AbsenceEntity).insert({ id: randomUUID(), personId: id, startOn: a.startOn, endOn: null, expectedDuration: null, availability: a.availability ?? null, createdAt: AT })
  }
  return { id, attachmentIds, consentIds }
}

/** A marker nobody else's data contains: letters only, so it is easy to spot in raw bytes. */
export function newMarker(): string {
  return `QZX${randomBytes(6).toString('hex').toUpperCase().replace(/[0-9]/g, (d) => 'GHIJKLMNOP'[Number(d)]!)}`
}

/**
 * A person whose every text field and child row carries `marker` — including an attachment big
 * enough to need overflow pages — for the stored-bytes tests.
 */
export function markedPerson(marker: string, overrides: PersonSpec = {}): PersonSpec {
  const big = Buffer.from(`${marker}-cv `.repeat(2000))
  return {
    roles: ['candidate'],
    ...overrides,
    person: {
      ref: `${marker}-ref`,
      givenName: `${marker}-given`,
      familyName: `${marker}-family`,
      searchGiven: `${marker.toLowerCase()}-given`,
      searchFamily: `${marker.toLowerCase()}-family`,
      street: `${marker}-street`,
      houseNumber: '12',
      postcode: '1234AB',
      city: `${marker}-city`,
      email: `${marker.toLowerCase()}@example.nl`,
      otherContact: `${marker}-other`,
      education: `${marker}-education`,
      workExperience: `${marker}-experience`,
      particulars: `${marker}-particulars`,
      sourceDetail: `${marker}-source`,
      ...overrides.person
    },
    attachments: overrides.attachments ?? [
      { kind: 'cv', addedOn: '2026-01-05', fileName: `${marker}-cv.pdf`, content: big },
      { kind: 'reference', addedOn: '2026-01-05', fileName: `${marker}-ref.pdf`, content: Buffer.from(`${marker}-reference-letter`) }
    ],
    consents: overrides.consents ?? [{ category: 'health', specialValue: `${marker}-special`, wording: `${marker}-wording` }],
    disclosures: overrides.disclosures ?? [{ recipientName: `${marker}-recipient`, reason: `${marker}-disclosure-reason` }],
    fieldChanges: overrides.fieldChanges ?? [{ reason: `${marker}-change-reason` }],
    absence: overrides.absence ?? [{ startOn: '2026-02-01', availability: `${marker}-availability` }],
    recruitment: overrides.recruitment ?? [],
    employments: overrides.employments ?? []
  }
}
