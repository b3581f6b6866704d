import { EntitySchema } from 'typeorm'
import type { AttachmentKind, CalendarDate } from '../../../shared/domain'
import { date, int, pk, ref, text } from './columns'

/** An attachment's metadata. Its bytes live in `attachment_content` so scans stay fast. */
export interface Attachment {
  id: string
  personId: string
  kind: AttachmentKind
  fileName: string
  mimeType: string
  sizeBytes: number
  addedOn: CalendarDate
  /** R-3a: an ID copy taken at registration is deleted 4 weeks after it was attached. */
  deleteOn: CalendarDate | null
  addedBy: string | null
  createdAt: string
}
export const AttachmentEntity = new EntitySchema<Attachment>({
  name: 'Attachment',
  tableName: 'attachment',
  columns: {
    id: pk(),
    personId: ref(),
    kind: { type: 'varchar', length: 16 },
    fileName: text(),
    mimeType: { type: 'varchar', length: 100 },
    sizeBytes: int(),
    addedOn: date(),
    deleteOn: date(true),
    addedBy: ref(true),
    createdAt: date()
  },
  indices: [{ name: 'idx_attachment_person', columns: ['personId'] }]
})

export interface AttachmentContent {
  attachmentId: string
  content: Buffer
}
export const AttachmentContentEntity = new EntitySchema<AttachmentContent>({
  name: 'AttachmentContent',
  tableName: 'attachment_content',
  columns: { attachmentId: pk(), content: { type: 'blob' } }
})
