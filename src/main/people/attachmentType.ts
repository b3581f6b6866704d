/**
 * attachments: only PDF, DOCX, ODT, JPG and PNG. A file must be what its extension says
 * AND what its first bytes say: a renamed executable is refused. DOCX and ODT are zip containers;
 * they are recognised by their entry names (`[Content_Types].xml` + `word/document.xml`, and the
 * ODF `mimetype` entry), read from the zip's central directory without unpacking anything.
 */

export const ATTACHMENT_TYPES = {
  pdf: { mimeType: 'application/pdf', extensions: ['pdf'] },
  docx: { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  odt: { mimeType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
  jpg: { mimeType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  png: { mimeType: 'image/png', extensions: ['png'] }
} as const
export type AttachmentType = keyof typeof ATTACHMENT_TYPES

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const ZIP_LOCAL_HEADER = 0x04034b50
const ZIP_END_OF_CENTRAL_DIRECTORY = 0x06054b50
const ZIP_CENTRAL_ENTRY = 0x02014b50
const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text'

/** The type the extension of `fileName` claims, or `null` for any other extension. */
export function typeFromExtension(fileName: string): AttachmentType | null {
  const dot = fileName.lastIndexOf('.')
  if (dot < 0) return null
  const extension = fileName.slice(dot + 1).toLowerCase()
  for (const [type, info] of Object.entries(ATTACHMENT_TYPES)) {
    if ((info.extensions as readonly string[]).includes(extension)) return type as AttachmentType
  }
  return null
}

/** The type the content's bytes show, or `null` when it is none of the allowed types. */
export function typeFromContent(bytes: Buffer): AttachmentType | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf'
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png'
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg'
  if (bytes.length >= 30 && bytes.readUInt32LE(0) === ZIP_LOCAL_HEADER) return zipDocumentType(bytes)
  return null
}

/** The allowed type when extension and content agree, else `null`. */
export function detectAttachmentType(fileName: string, bytes: Buffer): AttachmentType | null {
  const claimed = typeFromExtension(fileName)
  if (claimed === null) return null
  return typeFromContent(bytes) === claimed ? claimed : null
}

function zipDocumentType(bytes: Buffer): AttachmentType | null {
  // ODF: the first entry is `mimetype`, stored uncompressed, holding the media type.
  const nameLength = bytes.readUInt16LE(26)
  const extraLength = bytes.readUInt16LE(28)
  if (bytes.toString('latin1', 30, 30 + nameLength) === 'mimetype') {
    const start = 30 + nameLength + extraLength
    if (bytes.toString('latin1', start, start + ODT_MIMETYPE.length) === ODT_MIMETYPE) return 'odt'
    return null
  }
  const names = zipEntryNames(bytes)
  if (names.has('[Content_Types].xml') && names.has('word/document.xml')) return 'docx'
  return null
}

/** Entry names from the zip's central directory; an empty set when the directory cannot be read. */
export function zipEntryNames(bytes: Buffer): Set<string> {
  const names = new Set<string>()
  // The end-of-central-directory record is in the last 22 + 65535 (comment) bytes.
  const searchFrom = Math.max(0, bytes.length - 22 - 0xffff)
  let end = -1
  for (let i = bytes.length - 22; i >= searchFrom; i--) {
    if (bytes.readUInt32LE(i) === ZIP_END_OF_CENTRAL_DIRECTORY) {
      end = i
      break
    }
  }
  if (end < 0) return names
  const count = bytes.readUInt16LE(end + 10)
  let offset = bytes.readUInt32LE(end + 16)
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== ZIP_CENTRAL_ENTRY) break
    const nameLength = bytes.readUInt16LE(offset + 28)
    const extraLength = bytes.readUInt16LE(offset + 30)
    const commentLength = bytes.readUInt16LE(offset + 32)
    names.add(bytes.toString('utf8', offset + 46, offset + 46 + nameLength))
    offset += 46 + nameLength + extraLength + commentLength
  }
  return names
}
