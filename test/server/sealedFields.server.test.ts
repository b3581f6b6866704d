import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FixedClock } from '../../src/main/clock'
import { createDispatcher } from '../../src/main/services/dispatcher'
import { ServerApp } from '../../src/main/services/ServerApp'
import { createContractClient } from '../../src/shared/contract/client'
import { failure, fullIntake } from '../main/people/peopleFixtures'
import { smallPdf } from '../main/people/sampleFiles'
import { newServerTestApp } from '../support/serverTestApp'
import { ADMIN, TEST_KDF_N } from '../support/testApp'
import { serverBinaries } from './pgCluster'

const SANNE = { username: 'sanne', displayName: 'Sanne', passphrase: 'sanne haar eigen lange wachtwoordzin' }
const BSN = '123456782'
const IBAN = 'NL91ABNA0417164300'
const PASSPORT = 'NP12AB34C'
const PERMIT = 'TWV-2026-99881'
const NOTE = 'Rijbewijs ingetrokken tot maart'
const FILE_NAME = 'cv-zoe-van-den-berg.pdf'

/**
 * Issue 17 point 3: the BSN, the IBAN, the ID-document and work-permit numbers, the free-text notes,
 * an attachment's name and bytes leave the desk sealed (AES-256-GCM under the office key, bound
 * to row and field). The server, its owner, a staff login with a SQL client and a dump of the
 * database hold ciphertext; the app shows the values as on a local vault.
 */
describe('what the office server must not read is sealed on the desk', () => {
  const clock = new FixedClock('2026-11-27T10:00:00Z')
  let office: Awaited<ReturnType<typeof newServerTestApp>>
  let staffDesk: ServerApp
  let personId = ''
  let otherId = ''
  let attachmentId = ''
  const pdf = smallPdf()
  const call = () => createContractClient(createDispatcher(office.app)).call
  const staffCall = () => createContractClient(createDispatcher(staffDesk)).call

  beforeAll(async () => {
    office = await newServerTestApp({ clock, kdfN: TEST_KDF_N, admin: ADMIN, setup: true })
    await call()('addAccount', { ...SANNE, roles: ['staff'] })
    staffDesk = new ServerApp({ server: office.address, clock, kdfN: TEST_KDF_N })
    await staffDesk.signIn(SANNE.username, SANNE.passphrase)
    // Entered on the staff desk: what a consultant does at intake and once the person works.
    personId = (await staffCall()('createPerson', fullIntake({ particulars: NOTE, purposes: ['mediation', 'temping', 'payroll'] }))).personId
    await staffCall()('addEmployment', { personId, start: '2026-11-23', end: null, kind: 'uitzenden' })
    await staffCall()('recordEmploymentData', {
      personId,
      nationality: 'nl',
      bsn: BSN,
      idDocument: { type: 'passport', number: PASSPORT, expiry: '2031-05-01' },
      idVerifiedOn: '2026-11-27',
      workPermit: { number: PERMIT, expiry: '2027-11-01' },
      vogDate: '2026-11-20',
      iban: IBAN,
      maritalStatus: 'married'
    })
    attachmentId = (await staffCall()('addAttachment', { personId, kind: 'cv', fileName: FILE_NAME, contentBase64: pdf.toString('base64') })).id
    otherId = (await staffCall()('createPerson', fullIntake({ ref: 'K-1002', familyName: 'Jansen', email: 'jansen@example.nl', phone: '06-8765 4321', particulars: 'Geen' }))).personId
  })
  afterAll(async () => {
    await staffDesk?.close()
    await office?.dispose()
  })

  it('stores them as ciphertext: the owner reads none of them in clear', async () => {
    const [row] = await office.sql<Record<string, string>>('SELECT "bsn", "iban", "idDocumentNumber", "workPermitNumber", "particulars" FROM "person" WHERE "id" = :personId', { personId })
    for (const value of Object.values(row!)) expect(value).toMatch(/^dossier-field\/1:[A-Za-z0-9_-]+$/)
    const [file] = await office.sql<{ fileName: string; content: Buffer }>('SELECT a."fileName", c."content" FROM "attachment" a JOIN "attachment_content" c ON c."attachmentId" = a."id" WHERE a."id" = :attachmentId', { attachmentId })
    expect(file!.fileName.startsWith('dossier-field/1:')).toBe(true)
    expect(file!.content.includes(pdf.subarray(0, 64))).toBe(false)
    // Unsealed, each value is as long as it was: the server learns a length, not a value.
    expect(file!.content.length).toBe(pdf.length + 16 + 12 + 16)
  })

  it('holds no clear value in a dump of the whole database', () => {
    const address = office.address as { host: string; port: number; username: string; database: string }
    const dump = execFileSync(join(serverBinaries()!, 'pg_dump'), ['-h', address.host, '-p', String(address.port), '-U', address.username, '--no-owner', address.database], { maxBuffer: 64 * 1024 * 1024 }).toString('latin1')
    expect(dump).toContain('van den Berg') // names rely on the server's roles, TLS and disk encryption (README)
    for (const secret of [BSN, IBAN, PASSPORT, PERMIT, NOTE, FILE_NAME, pdf.subarray(0, 48).toString('latin1')]) expect(dump.includes(secret)).toBe(false)
  })

  it('gives the desks the values in clear, as a local vault does', async () => {
    const seen = await staffCall()('getPerson', { personId, revealBsn: true })
    expect(seen.particulars).toBe(NOTE)
    expect(seen.employmentData).toMatchObject({ bsn: BSN, iban: IBAN, idDocument: { number: PASSPORT }, workPermit: { number: PERMIT } })
    const [meta] = await call()('listAttachments', { personId })
    expect(meta!.fileName).toBe(FILE_NAME)
    const content = await call()('getAttachmentContent', { attachmentId })
    expect(Buffer.from(content.contentBase64, 'base64').equals(pdf)).toBe(true)
  })

  it('keeps a value sealed through an edit, and bound to its row: moved to another person it does not open', async () => {
    const { version } = await staffCall()('getPerson', { personId })
    await staffCall()('updatePerson', { personId, expectedVersion: version, changes: { particulars: 'Rijbewijs terug sinds december' }, reason: 'correctie' })
    const [edited] = await office.sql<{ particulars: string }>('SELECT "particulars" FROM "person" WHERE "id" = :personId', { personId })
    expect(edited!.particulars.startsWith('dossier-field/1:')).toBe(true)
    expect((await call()('getPerson', { personId })).particulars).toBe('Rijbewijs terug sinds december')
    // Whoever can write the table copies one person's sealed note onto another: it does not open there.
    await office.sql('UPDATE "person" SET "particulars" = (SELECT "particulars" FROM "person" WHERE "id" = :personId) WHERE "id" = :otherId', { personId, otherId })
    expect((await failure(call()('getPerson', { personId: otherId }))).code).toBe('VAULT_DAMAGED')
  })
})
