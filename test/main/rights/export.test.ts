import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AuditEntryEntity } from '../../../src/main/vault/entities/AuditEntry'
import { personExportSchema, type PersonExport } from '../../../src/shared/contract/rights'
import { newTestApp } from '../../support/testApp'
import { fullIntake } from '../people/peopleFixtures'
import { ATTACHMENT_NAMES, insertRichPerson, RICH_FIELDS, SPECIAL_VALUE } from './richPerson'
import type { TestApp } from './support'

const run = promisify(execFile)

async function withTempFile<T>(name: string, data: Buffer, work: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-rights-zip-'))
  try {
    const file = join(dir, name)
    await writeFile(file, data)
    return await work(file)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

describe('export (R-20)', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await newTestApp({ start: '2026-11-27T10:00:00Z' })
  })
  afterEach(async () => {
    await t.dispose()
  })

  it('exports a rich person as dossier-export/1 that validates against its schema', async () => {
    const { personId, attachmentIds } = await insertRichPerson(t.app.vault.dataSource, { unsubscribedOn: '2026-10-15' })
    const exported = await t.call('exportPerson', { personId })
    // The strict schema refuses unknown keys, so this also proves nothing undocumented leaks out.
    const parsed = personExportSchema.safeParse(JSON.parse(JSON.stringify(exported)))
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true)

    expect(exported.format).toBe('dossier-export/1')
    expect(exported.exportedOn).toBe('2026-11-27')
    expect(exported.data).toMatchObject({ ...RICH_FIELDS, bsn: '******333' })
    expect(JSON.stringify(exported)).not.toContain('111222333')
    expect(exported.attachments.map((a) => [a.id, a.fileName, a.file])).toEqual([
      [attachmentIds[0], ATTACHMENT_NAMES[0], null],
      [attachmentIds[1], ATTACHMENT_NAMES[1], null]
    ])
    expect(exported.consents.map((c) => [c.category, c.state])).toEqual([
      ['health', 'valid'],
      ['union', 'withdrawn']
    ])
    expect(exported.specialData).toEqual([{ category: 'health', purpose: 'suitability', value: SPECIAL_VALUE }])
    expect(exported.disclosures).toHaveLength(3)
    expect(exported.employments).toEqual([{ start: '2026-02-01', end: '2026-09-30', kind: 'uitzenden', client: 'Bakkerij Vermeulen BV' }])
    expect(exported.retention).toMatchObject({ state: 'active', rule: 'worked-stopped', deletionDate: '2034-01-01' })

    const audit = await t.app.vault.dataSource.getRepository(AuditEntryEntity).findOneByOrFail({ action: 'export.person', subjectId: personId })
    expect(audit.reason).toBe('json')
    expect(audit.fields).toEqual(expect.arrayContaining(['bsn', 'specialData', 'attachments']))
  })

  it('holds the consents the person gave to offers and to sharing a field, with how, when and the withdrawal (R-9a)', async () => {
    const { personId } = await t.call('createPerson', fullIntake({ purposes: ['mediation', 'offers'] }))
    await t.call('recordProcessingConsent', { personId, subject: 'offers', givenOn: '2026-11-20', how: 'signed-form', wording: 'Ja, stuur mij vacatures per e-mail' })
    const sharing = await t.call('recordProcessingConsent', { personId, subject: 'disclosure', disclosurePurpose: 'presentation', field: 'iban', givenOn: '2026-11-21', how: 'email', wording: 'IBAN bij voorstellen' })
    await t.call('withdrawProcessingConsent', { consentId: sharing.id })
    const exported = await t.call('exportPerson', { personId })
    expect(personExportSchema.safeParse(JSON.parse(JSON.stringify(exported))).success).toBe(true)
    expect(exported.processingConsents).toEqual([
      { subject: 'offers', disclosurePurpose: null, field: null, givenOn: '2026-11-20', how: 'signed-form', wording: 'Ja, stuur mij vacatures per e-mail', withdrawnOn: null },
      { subject: 'disclosure', disclosurePurpose: 'presentation', field: 'iban', givenOn: '2026-11-21', how: 'email', wording: 'IBAN bij voorstellen', withdrawnOn: '2026-11-27' }
    ])
  })

  it('zips the JSON with every attachment named by its id, never by the person’s name', async () => {
    const { personId, attachmentIds } = await insertRichPerson(t.app.vault.dataSource)
    const archive = await t.call('exportPersonArchive', { personId })
    expect(archive.fileName).toBe(`dossier-export-${personId}.zip`)
    expect(archive.attachmentCount).toBe(2)
    const zip = Buffer.from(archive.zipBase64, 'base64')

    await withTempFile('export.zip', zip, async (file) => {
      const test = await run('unzip', ['-t', file])
      expect(test.stdout).toContain('No errors detected')
      const listing = (await run('unzip', ['-Z1', file])).stdout.trim().split('\n')
      expect(listing).toEqual(['dossier-export.json', `attachments/${attachmentIds[0]}.pdf`, `attachments/${attachmentIds[1]}.jpg`])
      expect(listing.join('\n')).not.toMatch(/fenna|vliegenthart/i)

      const json = JSON.parse((await run('unzip', ['-p', file, 'dossier-export.json'])).stdout) as PersonExport
      expect(personExportSchema.safeParse(json).success).toBe(true)
      expect(json.attachments.map((a) => a.file)).toEqual([`attachments/${attachmentIds[0]}.pdf`, `attachments/${attachmentIds[1]}.jpg`])
      const cv = await run('unzip', ['-p', file, `attachments/${attachmentIds[0]}.pdf`], { encoding: 'buffer' })
      expect(cv.stdout.toString('latin1')).toBe('%PDF-1.4\n% synthetic cv\n')
    })
  })
})
