import { describe, expect, it } from 'vitest'
import { detectAttachmentType, zipEntryNames } from '../../../src/main/people/attachmentType'
import { EXE, JPG, PNG, smallDocx, smallOdt, smallPdf, spreadsheetZip } from './sampleFiles'

describe('attachment type check: extension AND content', () => {
  it.each([
    ['cv.pdf', smallPdf(), 'pdf'],
    ['CV.PDF', smallPdf(), 'pdf'],
    ['brief.docx', smallDocx(), 'docx'],
    ['brief.odt', smallOdt(), 'odt'],
    ['pasfoto.jpg', JPG, 'jpg'],
    ['pasfoto.jpeg', JPG, 'jpg'],
    ['scan.png', PNG, 'png']
  ])('accepts %s', (name, bytes, type) => {
    expect(detectAttachmentType(name, bytes)).toBe(type)
  })

  it.each([
    ['an executable renamed .pdf', 'cv.pdf', EXE],
    ['a PDF named .png', 'scan.png', smallPdf()],
    ['a PNG named .pdf', 'cv.pdf', PNG],
    ['a spreadsheet renamed .docx', 'brief.docx', spreadsheetZip()],
    ['an ODT named .docx', 'brief.docx', smallOdt()],
    ['a DOCX named .odt', 'brief.odt', smallDocx()],
    ['a file without extension', 'cv', smallPdf()],
    ['an unlisted type', 'cv.txt', Buffer.from('hallo')],
    ['an empty file', 'cv.pdf', Buffer.alloc(0)]
  ])('refuses %s', (_label, name, bytes) => {
    expect(detectAttachmentType(name, bytes)).toBeNull()
  })

  it('reads zip entry names from the central directory, and copes with garbage', () => {
    expect([...zipEntryNames(smallDocx())]).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml'])
    expect(zipEntryNames(Buffer.from('PK\x03\x04 not really a zip', 'latin1')).size).toBe(0)
  })
})
