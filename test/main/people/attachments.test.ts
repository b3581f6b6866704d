import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OperationInput } from '../../../src/shared/contract/client'
import type { AttachmentMeta } from '../../../src/shared/contract/people'
import { newTestApp } from '../../support/testApp'
import { type TestApp, count, create, detail, failure, fullIntake } from './peopleFixtures'
import { EXE, smallDocx, smallPdf } from './sampleFiles'

let t: TestApp
let personId: string
beforeEach(async () => {
  t = await newTestApp()
  personId = await create(t, fullIntake())
})
afterEach(async () => {
  await t.dispose()
})

function add(fileName: string, bytes: Buffer, kind: OperationInput<'addAttachment'>['kind'] = 'cv'): Promise<AttachmentMeta> {
  return t.call('addAttachment', { personId, kind, fileName, contentBase64: bytes.toString('base64') })
}

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]))
}

describe('attachments (R-2, R-3, R-3a)', () => {
  it('accepts a real small PDF, stores it in the vault and gives it back byte for byte', async () => {
    const pdf = smallPdf()
    const meta = await add('CV Zoë van den Berg.pdf', pdf)
    expect(meta).toMatchObject({ personId, kind: 'cv', fileName: 'CV Zoë van den Berg.pdf', mimeType: 'application/pdf', sizeBytes: pdf.length, addedOn: '2026-11-27', deleteOn: null, addedBy: 'Beheerder' })
    const content = await t.call('getAttachmentContent', { attachmentId: meta.id })
    expect(Buffer.from(content.contentBase64, 'base64').equals(pdf)).toBe(true)
    expect((await t.call('listAttachments', { personId })).map((a) => a.id)).toEqual([meta.id])
    expect((await detail(t, personId)).attachments).toEqual([meta])
    // Nothing outside the encrypted database carries the file or its name.
    for (const file of filesUnder(t.dir)) {
      expect(file.slice(t.dir.length)).not.toContain('Zo')
      expect(readFileSync(file).includes(Buffer.from('CV Test'))).toBe(false)
    }
  })

  it('accepts a DOCX', async () => {
    expect((await add('brief.docx', smallDocx(), 'reference')).mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  })

  it('refuses an executable renamed .pdf', async () => {
    expect((await failure(add('cv.pdf', EXE))).code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED')
    expect(await count(t, 'attachment')).toBe(0)
  })

  it('refuses a file over the default limit of 20 MB', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20 * 1024 * 1024)])
    const e = await failure(add('groot.pdf', big))
    expect(e.code).toBe('ATTACHMENT_TOO_LARGE')
    expect(e.detail).toEqual({ maxMb: 20 })
    expect(await count(t, 'attachment_content')).toBe(0)
  })

  it('follows the limit in the settings', async () => {
    await t.sql('INSERT INTO "setting" ("key", "value") VALUES (\'settings\', :value)', { value: JSON.stringify({ attachmentMaxMb: 1 }) })
    const e = await failure(add('cv.pdf', Buffer.concat([smallPdf(), Buffer.alloc(1024 * 1024)])))
    expect(e.code).toBe('ATTACHMENT_TOO_LARGE')
    expect((await add('cv.pdf', smallPdf())).kind).toBe('cv')
  })

  it('R-3a: an ID copy taken at registration gets a deletion date 28 days on', async () => {
    const meta = await add('id.pdf', smallPdf(), 'id-copy')
    expect(meta.deleteOn).toBe('2026-12-25')
  })

  it('R-3a: once employed, an ID copy is a wage-tax record: no 4-week deletion date', async () => {
    const early = await add('id.pdf', smallPdf(), 'id-copy')
    await t.call('addEmployment', { personId, start: '2026-11-27', end: null, kind: 'uitzenden' })
    const later = await add('id-nieuw.pdf', smallPdf(), 'id-copy')
    const byId = new Map((await detail(t, personId)).attachments.map((a) => [a.id, a]))
    expect(byId.get(early.id)!.deleteOn).toBeNull()
    expect(later.deleteOn).toBeNull()
  })

  it('audits views and deletes, and deletion removes the bytes', async () => {
    const meta = await add('cv.pdf', smallPdf())
    await t.call('getAttachmentContent', { attachmentId: meta.id })
    await t.call('deleteAttachment', { attachmentId: meta.id, reason: 'Verouderd cv' })
    expect(await count(t, 'attachment')).toBe(0)
    expect(await count(t, 'attachment_content')).toBe(0)
    const actions = (await t.sql<{ action: string }>('SELECT "action" FROM "audit_entry" WHERE "subjectId" = :personId ORDER BY "seq"', { personId })).map((r) => r.action)
    expect(actions).toEqual(['person.create', 'attachment.add', 'attachment.view', 'attachment.delete'])
    expect((await failure(t.call('getAttachmentContent', { attachmentId: meta.id }))).code).toBe('NOT_FOUND')
  })

  it('refuses content that is not base64', async () => {
    const e = await failure(t.call('addAttachment', { personId, kind: 'cv', fileName: 'cv.pdf', contentBase64: 'not base64!' }))
    expect(e.code).toBe('VALIDATION_FAILED')
  })
})
