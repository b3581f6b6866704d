import { randomUUID } from 'node:crypto'
import type { ParsedInputOf } from '../../shared/contract/operation'
import type { AttachmentMeta, peopleOperations } from '../../shared/contract/people'
import { DossierError } from '../../shared/errors'
import { addCalendarDays } from '../../shared/time'
import type { Workspace } from '../workspace/Workspace'
import { readSettings } from '../governance/settings'
import { type Attachment, AttachmentContentEntity, AttachmentEntity } from '../vault/entities/Attachment'
import { EmploymentEntity } from '../vault/entities/Employment'
import { sealColumns } from '../vault/sealedColumns'
import { ATTACHMENT_TYPES, detectAttachmentType } from './attachmentType'
import { accountNames, toAttachmentMeta } from './getPerson'
import { validationFailed } from './parseInput'
import { openPerson, openPersonToChange } from './personAccess'
import { recordFieldChange } from './recordFieldChange'

type Ops = typeof peopleOperations

/** R-3a (Waadi art. 7c): an ID copy taken before employment is kept at most 4 weeks. */
export const ID_COPY_DAYS = 28

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/** The decoded size of base64 text, without decoding it. */
function decodedSize(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0
  return Math.floor((base64.length * 3) / 4) - padding
}

/**
 * attachments (CV, references, VOG, ID copy…): stored as BLOBs inside the encrypted vault
 * (`attachment_content`), metadata in `attachment`. The size limit comes from the settings
 * (default 20 MB); the type must be PDF, DOCX, ODT, JPG or PNG by extension AND content. The
 * file name is kept (it is the person's) but never used as a name on disk — nothing is written
 * outside the database.
 */
export async function addAttachment(ws: Workspace, input: ParsedInputOf<Ops['addAttachment']>): Promise<AttachmentMeta> {
  const maxBytes = (await ws.read(({ store }) => readSettings(store))).attachmentMaxMb * 1024 * 1024
  if (decodedSize(input.contentBase64) > maxBytes) {
    throw new DossierError('ATTACHMENT_TOO_LARGE', 'The file is larger than the limit in the settings.', { detail: { maxMb: maxBytes / 1024 / 1024 } })
  }
  if (input.contentBase64.length % 4 !== 0 || !BASE64.test(input.contentBase64)) {
    throw validationFailed([{ path: 'contentBase64', key: 'validation.type' }])
  }
  const content = Buffer.from(input.contentBase64, 'base64')
  const type = detectAttachmentType(input.fileName, content)
  if (type === null) throw new DossierError('ATTACHMENT_TYPE_NOT_ALLOWED', 'Only PDF, DOCX, ODT, JPG and PNG files are accepted.')
  return ws.write(async ({ manager: m, audit, fields }) => {
    const person = await openPersonToChange(ws, m, audit, input.personId, undefined)
    const today = ws.clock.today()
    const employed = await m.getRepository(EmploymentEntity).existsBy({ personId: person.id })
    const attachment: Attachment = {
      id: randomUUID(),
      personId: person.id,
      kind: input.kind,
      fileName: input.fileName,
      mimeType: ATTACHMENT_TYPES[type].mimeType,
      sizeBytes: content.length,
      addedOn: today,
      // R-3a: a registration ID copy lives 4 weeks; once employed it is a wage-tax record.
      deleteOn: input.kind === 'id-copy' && !employed ? addCalendarDays(today, ID_COPY_DAYS) : null,
      addedBy: ws.actor?.accountId ?? null,
      createdAt: ws.clock.now().toISOString()
    }
    await m.getRepository(AttachmentEntity).insert(sealColumns(fields, 'attachment', attachment.id, attachment))
    await m.getRepository(AttachmentContentEntity).insert(sealColumns(fields, 'attachment_content', attachment.id, { attachmentId: attachment.id, content }))
    await recordFieldChange(ws, m, person.id, ['attachments'], null)
    await audit({ action: 'attachment.add', subjectId: person.id, fields: ['attachments'] })
    return toAttachmentMeta(attachment, await accountNames(m))
  })
}

export async function listAttachments(ws: Workspace, input: ParsedInputOf<Ops['listAttachments']>): Promise<AttachmentMeta[]> {
  return ws.write(async ({ manager: m, audit }) => {
    const person = await openPerson(ws, m, audit, input.personId, input.reason)
    const rows = await m.getRepository(AttachmentEntity).find({ where: { personId: person.id }, order: { createdAt: 'ASC' } })
    await audit({ action: 'person.view', subjectId: person.id, fields: ['attachments'] })
    const names = await accountNames(m)
    return rows.map((a) => toAttachmentMeta(a, names))
  })
}

/**
 * The bytes for viewing (audited `attachment.view`). The renderer shows them from memory (a blob
 * URL it revokes on close), so no plaintext copy is left on disk.
 */
export async function getAttachmentContent(ws: Workspace, input: ParsedInputOf<Ops['getAttachmentContent']>) {
  return ws.write(async ({ manager: m, audit }) => {
    const attachment = await m.getRepository(AttachmentEntity).findOneBy({ id: input.attachmentId })
    if (!attachment) throw new DossierError('NOT_FOUND', 'No attachment with this id.')
    await openPerson(ws, m, audit, attachment.personId, input.reason)
    const content = await m.getRepository(AttachmentContentEntity).findOneBy({ attachmentId: attachment.id })
    if (!content) throw new DossierError('NOT_FOUND', 'The attachment has no content.')
    await audit({ action: 'attachment.view', subjectId: attachment.personId, fields: ['attachments'] })
    return { id: attachment.id, fileName: attachment.fileName, mimeType: attachment.mimeType, contentBase64: content.content.toString('base64') }
  })
}

/**
 * Deletes an attachment definitively: the content row cascades with its metadata, secure_delete
 * overwrites the pages, and a checkpoint moves the change out of the WAL.
 */
export async function deleteAttachment(ws: Workspace, input: ParsedInputOf<Ops['deleteAttachment']>): Promise<{ attachmentId: string }> {
  const result = await ws.write(async ({ manager: m, audit, noteErasure }) => {
    const attachment = await m.getRepository(AttachmentEntity).findOneBy({ id: input.attachmentId })
    if (!attachment) throw new DossierError('NOT_FOUND', 'No attachment with this id.')
    await openPersonToChange(ws, m, audit, attachment.personId, input.reason)
    await m.getRepository(AttachmentEntity).delete({ id: attachment.id })
    noteErasure({ kind: 'delete-attachment', personId: attachment.personId, targetId: attachment.id, rule: 'rectification' }) // re-applied after a restore
    await recordFieldChange(ws, m, attachment.personId, ['attachments'], input.reason ?? null)
    await audit({ action: 'attachment.delete', subjectId: attachment.personId, fields: ['attachments'], reason: input.reason ?? null })
    return { attachmentId: attachment.id }
  })
  ws.vault.checkpoint()
  return result
}
