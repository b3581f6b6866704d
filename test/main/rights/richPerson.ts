/**
 * Synthetic fixtures for the rights tests (no real people): a "rich person" with every field, two
 * consents, three disclosures, two attachments, an employment and a W&S procedure, inserted with
 * the entities' repositories so these tests do not depend on the people or consent services.
 */
import { randomUUID } from 'node:crypto'
import type { DataSource } from 'typeorm'
import type { DossierApp } from '../../../src/main/services/DossierApp'
import { DEFAULT_SETTINGS, type Settings } from '../../../src/main/governance/settings'
import { AttachmentContentEntity, AttachmentEntity } from '../../../src/main/vault/entities/Attachment'
import { ClientEntity } from '../../../src/main/vault/entities/Client'
import { AbsenceEntity, ConsentEntity, LegalBasisEntity, SpecialDataEntity } from '../../../src/main/vault/entities/Consent'
import { DisclosureEntity } from '../../../src/main/vault/entities/Disclosure'
import { EmploymentEntity, RecruitmentProcedureEntity } from '../../../src/main/vault/entities/Employment'
import { FieldChangeEntity } from '../../../src/main/vault/entities/FieldChange'
import { type Person, PersonEntity } from '../../../src/main/vault/entities/Person'
import { PersonPurposeEntity, PersonRoleEntity } from '../../../src/main/vault/entities/PersonRoleRow'
import { SettingEntity } from '../../../src/main/vault/entities/Setting'
import type { CalendarDate, PersonRole, RetentionState } from '../../../src/shared/domain'
import { sealedRow } from '../../support/sealedRows'

/** Every data field with a value that is easy to find in a PDF's text. */
export const RICH_FIELDS = {
  givenName: 'Fenna',
  familyName: 'Vliegenthart-Oosterbeek',
  birthDate: '1991-03-14',
  gender: 'female',
  street: 'Lindenlaan',
  houseNumber: '17b',
  postcode: '4811 XZ',
  city: 'Breda',
  email: 'fenna.v@example.test',
  phone: '+31612345678',
  otherContact: 'linkedin.example/fenna',
  education: 'MBO Logistiek niveau 4',
  internships: 'Magazijn Dongen 2012',
  workExperience: 'Orderpicker 2013-2019',
  availability: 'Ma-vr dagdienst',
  deployability: 'Heftruckcertificaat',
  leave: 'Week 31-33',
  particulars: 'Geen nachtdiensten',
  nationality: 'NL',
  bsn: '111222333',
  idDocumentType: 'passport',
  idDocumentNumber: 'NXR7K2P41',
  idDocumentExpiry: '2031-08-02',
  idVerifiedOn: '2026-01-05',
  workPermitNumber: 'TWV-889120',
  workPermitExpiry: '2027-12-31',
  vogDate: '2026-01-12',
  iban: 'NL91ABNA0417164300',
  maritalStatus: 'unmarried'
} as const satisfies Partial<Person>

/** How the fields read in a Dutch report (dates DD-MM-YYYY, vocabularies in words, BSN masked). */
export const RICH_FIELDS_NL: Record<keyof typeof RICH_FIELDS, string> = {
  ...RICH_FIELDS,
  birthDate: '14-03-1991',
  gender: 'Vrouw',
  bsn: '******333',
  idDocumentType: 'Paspoort',
  idDocumentExpiry: '02-08-2031',
  idVerifiedOn: '05-01-2026',
  workPermitExpiry: '31-12-2027',
  vogDate: '12-01-2026',
  maritalStatus: 'Ongehuwd'
}

export const CLIENT_NAMES = ['Bakkerij Vermeulen BV', 'Logistiek Centrum Zuid', 'Techniek Partners NV'] as const
export const ATTACHMENT_NAMES = ['cv-fenna-2026.pdf', 'id-kopie-scan.jpg'] as const
export const SPECIAL_VALUE = 'Geen tilwerk boven 15 kg'
export const DISCLOSURE_REASON = 'Toegangspas terrein'

export interface RichPersonOptions {
  id?: string
  ref?: string
  roles?: PersonRole[]
  state?: RetentionState
  /** Employment end; `null` = still employed; `'none'` = never employed. */
  employmentEnd?: CalendarDate | null | 'none'
  employmentStart?: CalendarDate
  unsubscribedOn?: CalendarDate | null
  /** Extra disclosures and attachments, for the benchmark. */
  disclosures?: number
  attachments?: number
  /** The account that recorded things (field change, disclosures). */
  actorId?: string | null
}

export interface RichPerson {
  personId: string
  clientIds: string[]
  attachmentIds: string[]
  consentIds: string[]
}

/** Inserts the rich person (and its clients) straight into the vault. */
export async function insertRichPerson(ds: DataSource, opts: RichPersonOptions = {}): Promise<RichPerson> {
  const personId = opts.id ?? randomUUID()
  const actorId = opts.actorId ?? null
  const employmentEnd = opts.employmentEnd === undefined ? '2026-09-30' : opts.employmentEnd
  const employed = employmentEnd !== 'none'
  const m = ds.manager
  const clientIds = CLIENT_NAMES.map(() => randomUUID())
  await m.getRepository(ClientEntity).insert(
    CLIENT_NAMES.map((name, i) => ({
      id: clientIds[i]!,
      name,
      street: null,
      houseNumber: null,
      postcode: null,
      city: 'Breda',
      email: null,
      phone: null,
      createdAt: '2026-01-01T09:00:00.000Z'
    }))
  )
  const person: Person = {
    id: personId,
    ref: opts.ref ?? `K-${personId.slice(0, 6)}`,
    ...RICH_FIELDS,
    ...(employed ? {} : { bsn: null, idDocumentType: null, idDocumentNumber: null, idDocumentExpiry: null, idVerifiedOn: null, workPermitNumber: null, workPermitExpiry: null, nationality: null, iban: null }),
    sourceKind: 'public-website',
    sourceDetail: 'werkzoeken.example',
    registeredOn: '2026-01-04',
    unsubscribedOn: opts.unsubscribedOn ?? null,
    lastActivityOn: '2026-01-04',
    statementVersion: 'PV-2025-03',
    statementShownOn: '2026-01-04',
    state: opts.state ?? 'active',
    shieldedOn: opts.state === 'shielded' ? '2026-10-01' : null,
    retentionRule: null,
    reducedToLegalHoldOn: null,
    idRecordPurgedOn: null,
    retentionCheckOn: null,
    createdAt: '2026-01-04T09:00:00.000Z',
    updatedAt: '2026-02-10T09:00:00.000Z',
    version: 1,
    searchGiven: 'fenna',
    searchFamily: 'vliegenthart oosterbeek'
  }
  await m.getRepository(PersonEntity).insert(sealedRow(m, 'person', personId, person))
  await m.getRepository(PersonRoleEntity).insert((opts.roles ?? (employed ? ['candidate', 'flexworker'] : ['candidate'])).map((role) => ({ personId, role })))
  await m.getRepository(PersonPurposeEntity).insert([
    { personId, purpose: 'mediation', legalBasis: 'contract' },
    { personId, purpose: 'suitability', legalBasis: 'legitimate-interest' },
    { personId, purpose: 'personnel', legalBasis: 'contract' },
    ...(employed ? [{ personId, purpose: 'payroll' as const, legalBasis: 'contract' }] : [])
  ])
  if (employed) {
    await m.getRepository(EmploymentEntity).insert({ id: randomUUID(), personId, start: opts.employmentStart ?? '2026-02-01', end: employmentEnd, kind: 'uitzenden', clientId: clientIds[0]! })
  }
  await m.getRepository(RecruitmentProcedureEntity).insert({ id: randomUUID(), personId, clientId: clientIds[2]!, clientName: CLIENT_NAMES[2], start: '2026-03-01', end: '2026-04-15' })

  const attachmentIds: string[] = []
  const attachments = [
    { kind: 'cv' as const, fileName: ATTACHMENT_NAMES[0], mimeType: 'application/pdf', content: Buffer.from('%PDF-1.4\n% synthetic cv\n') },
    { kind: 'id-copy' as const, fileName: ATTACHMENT_NAMES[1], mimeType: 'image/jpeg', content: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]) },
    ...Array.from({ length: opts.attachments ?? 0 }, (_, i) => ({
      kind: 'reference' as const,
      fileName: `referentie-${i + 1}.pdf`,
      mimeType: 'application/pdf',
      content: Buffer.from(`%PDF-1.4\n% reference ${i + 1}\n`)
    }))
  ]
  for (const [i, a] of attachments.entries()) {
    const id = randomUUID()
    attachmentIds.push(id)
    await m.getRepository(AttachmentEntity).insert(sealedRow(m, 'attachment', id, {
      id,
      personId,
      kind: a.kind,
      fileName: a.fileName,
      mimeType: a.mimeType,
      sizeBytes: a.content.length,
      addedOn: i === 1 ? '2026-01-05' : '2026-01-04',
      deleteOn: null,
      addedBy: actorId,
      createdAt: `2026-01-0${i === 1 ? 5 : 4}T10:00:00.000Z`
    }))
    await m.getRepository(AttachmentContentEntity).insert(sealedRow(m, 'attachment_content', id, { attachmentId: id, content: a.content }))
  }

  await m.getRepository(LegalBasisEntity).save({ key: 'uavg-30', label: 'UAVG art. 30', description: 'Verzuimbegeleiding', active: true })
  const consentIds = [randomUUID(), randomUUID()]
  await m.getRepository(ConsentEntity).insert([
    {
      id: consentIds[0]!,
      personId,
      category: 'health',
      purpose: 'suitability',
      basis: 'consent',
      legalBasisKey: null,
      givenOn: '2026-01-06',
      how: 'signed-form',
      wording: 'Ik geef toestemming om mijn beperkingen voor tilwerk vast te leggen.',
      statementVersion: 'PV-2025-03',
      endsOn: '2027-01-06',
      recordedBy: actorId,
      recordedAt: '2026-01-06T10:00:00.000Z',
      withdrawnOn: null,
      withdrawnBy: null,
      expiredPurgedOn: null
    },
    {
      id: consentIds[1]!,
      personId,
      category: 'union',
      purpose: 'personnel',
      basis: 'consent',
      legalBasisKey: null,
      givenOn: '2026-02-01',
      how: 'email',
      wording: 'Ik geef toestemming om mijn vakbondslidmaatschap vast te leggen.',
      statementVersion: 'PV-2025-03',
      endsOn: null,
      recordedBy: actorId,
      recordedAt: '2026-02-01T10:00:00.000Z',
      withdrawnOn: '2026-06-30',
      withdrawnBy: actorId,
      expiredPurgedOn: null
    }
  ])
  await m.getRepository(SpecialDataEntity).insert({
    id: randomUUID(),
    personId,
    consentId: consentIds[0]!,
    category: 'health',
    purpose: 'suitability',
    value: SPECIAL_VALUE,
    createdAt: '2026-01-06T10:05:00.000Z',
    createdBy: actorId
  })

  const disclosures = [
    { clientId: clientIds[0]!, recipientName: CLIENT_NAMES[0], purpose: 'mediation', fields: ['givenName', 'familyName', 'city', 'education'], reason: null, disclosedAt: '2026-01-20T10:00:00.000Z' },
    { clientId: clientIds[1]!, recipientName: CLIENT_NAMES[1], purpose: 'client-identification', fields: ['bsn'], reason: DISCLOSURE_REASON, disclosedAt: '2026-09-15T10:00:00.000Z' },
    { clientId: clientIds[2]!, recipientName: CLIENT_NAMES[2], purpose: 'recruitment', fields: ['givenName', 'familyName', 'workExperience'], reason: null, disclosedAt: '2026-03-02T10:00:00.000Z' },
    ...Array.from({ length: opts.disclosures ?? 0 }, (_, i) => ({
      clientId: clientIds[i % 3]!,
      recipientName: `Opdrachtgever ${i + 1}`,
      purpose: 'mediation',
      fields: ['givenName', 'familyName', 'city'],
      reason: null,
      disclosedAt: `2026-0${(i % 9) + 1}-1${i % 10}T10:00:00.000Z`
    }))
  ]
  await m.getRepository(DisclosureEntity).insert(disclosures.map((d) => ({ id: randomUUID(), personId, actorId, ...d })))
  await m.getRepository(FieldChangeEntity).insert({ id: randomUUID(), personId, fields: ['email', 'phone'], changedAt: '2026-02-10T09:00:00.000Z', actorId, reason: 'Nieuw nummer' })
  await m.getRepository(AbsenceEntity).insert({ id: randomUUID(), personId, startOn: '2026-05-04', endOn: '2026-05-08', expectedDuration: 'een week', availability: 'niet beschikbaar', createdAt: '2026-05-04T08:00:00.000Z' })
  return { personId, clientIds, attachmentIds, consentIds }
}

/** Vault settings straight into the `setting` table (the governance screen does this in the app). */
export async function writeSettings(app: DossierApp, changes: Partial<Settings>): Promise<void> {
  await app.vault.dataSource.getRepository(SettingEntity).save({ key: 'settings', value: { ...DEFAULT_SETTINGS, ...changes } })
}
