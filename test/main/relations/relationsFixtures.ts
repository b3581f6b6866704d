import { randomUUID } from 'node:crypto'
import type { CalendarDate, EmploymentKind, PersonRole, Purpose } from '../../../src/shared/domain'
import type { DossierApp } from '../../../src/main/services/DossierApp'
import { AttachmentContentEntity, AttachmentEntity } from '../../../src/main/vault/entities/Attachment'
import { EmploymentEntity } from '../../../src/main/vault/entities/Employment'
import { type Person, PersonEntity } from '../../../src/main/vault/entities/Person'
import { PersonPurposeEntity, PersonRoleEntity } from '../../../src/main/vault/entities/PersonRoleRow'
import { sealedRow } from '../../support/sealedRows'

/**
 * Builds persons straight into the vault with the TypeORM repositories (the people service is a
 * separate capability; these tests are about what relations does with a record). Synthetic data,
 * no real person: a BSN that passes the 11-proof, an IBAN that passes mod-97.
 */
export interface PersonFixture extends Partial<Person> {
  roles?: PersonRole[]
  purposes?: Purpose[]
  employments?: { clientId: string | null; start: CalendarDate; end?: CalendarDate | null; kind?: EmploymentKind }[]
  idCopy?: boolean
}

export const SYNTHETIC = {
  bsn: '111222333',
  iban: 'NL91ABNA0417164300',
  idDocumentNumber: 'NPH1R2K34'
}

export function personRow(f: PersonFixture = {}): Person {
  const { roles: _r, purposes: _p, employments: _e, idCopy: _i, ...columns } = f
  const id = columns.id ?? randomUUID()
  const givenName = columns.givenName ?? 'Sanne'
  const familyName = columns.familyName ?? 'de Boer'
  return {
    id,
    ref: null,
    givenName,
    familyName,
    birthDate: '1994-03-12',
    gender: 'female',
    street: 'Lindelaan',
    houseNumber: '14',
    postcode: '4811 AB',
    city: 'Breda',
    email: 'sanne.deboer@example.nl',
    phone: '+31612345678',
    otherContact: null,
    education: 'MBO Logistiek niveau 4',
    internships: null,
    workExperience: 'Vijf jaar orderpicker bij een distributiecentrum',
    availability: 'Maandag tot en met vrijdag',
    deployability: null,
    leave: null,
    particulars: null,
    nationality: 'NL',
    bsn: SYNTHETIC.bsn,
    idDocumentType: 'id-card',
    idDocumentNumber: SYNTHETIC.idDocumentNumber,
    idDocumentExpiry: '2031-05-01',
    idVerifiedOn: '2026-11-02',
    workPermitNumber: null,
    workPermitExpiry: null,
    vogDate: '2026-10-15',
    iban: SYNTHETIC.iban,
    maritalStatus: 'married',
    sourceKind: 'walk-in',
    sourceDetail: null,
    registeredOn: '2026-10-01',
    unsubscribedOn: null,
    lastActivityOn: '2026-10-01',
    statementVersion: '2026-1',
    statementShownOn: '2026-10-01',
    state: 'active',
    shieldedOn: null,
    retentionRule: null,
    reducedToLegalHoldOn: null,
    idRecordPurgedOn: null,
    retentionCheckOn: null,
    createdAt: '2026-10-01T09:00:00.000Z',
    updatedAt: '2026-10-01T09:00:00.000Z',
    version: 1,
    searchGiven: givenName.toLowerCase(),
    searchFamily: familyName.toLowerCase(),
    ...columns
  }
}

/** Inserts a person with roles, purposes, employments and (optionally) an ID-copy attachment. */
export async function insertPerson(app: DossierApp, f: PersonFixture = {}): Promise<Person> {
  const person = personRow(f)
  await app.vault.dataSource.transaction(async (m) => {
    await m.getRepository(PersonEntity).insert(sealedRow(m, 'person', person.id, person))
    const roles = f.roles ?? ['candidate', 'flexworker']
    await m.getRepository(PersonRoleEntity).insert(roles.map((role) => ({ personId: person.id, role })))
    const purposes = f.purposes ?? ['mediation', 'temping', 'payroll', 'client-identification']
    await m.getRepository(PersonPurposeEntity).insert(purposes.map((purpose) => ({ personId: person.id, purpose, legalBasis: 'contract' })))
    for (const e of f.employments ?? []) {
      await m.getRepository(EmploymentEntity).insert({ id: randomUUID(), personId: person.id, start: e.start, end: e.end ?? null, kind: e.kind ?? 'uitzenden', clientId: e.clientId })
    }
    if (f.idCopy) {
      const attachmentId = randomUUID()
      await m.getRepository(AttachmentEntity).insert(
        sealedRow(m, 'attachment', attachmentId, {
          id: attachmentId,
          personId: person.id,
          kind: 'id-copy',
          fileName: 'id-copy.png',
          mimeType: 'image/png',
          sizeBytes: 4,
          addedOn: '2026-11-02',
          deleteOn: null,
          addedBy: null,
          createdAt: '2026-11-02T09:00:00.000Z'
        })
      )
      await m.getRepository(AttachmentContentEntity).insert(sealedRow(m, 'attachment_content', attachmentId, { attachmentId, content: Buffer.from([0x89, 0x50, 0x4e, 0x47]) }))
    }
  })
  return person
}
