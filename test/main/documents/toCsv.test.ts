import { describe, expect, it } from 'vitest'
import { toCsv } from '../../../src/main/documents/renderTable'

const columns = [
  { key: 'name', label: 'Naam' },
  { key: 'note', label: 'Opmerking' }
]

describe('CSV export (RFC 4180, CSV-injection guard)', () => {
  it('writes a header row of labels and CRLF-terminated rows', () => {
    expect(toCsv(columns, [{ name: 'Jansen', note: 'ok' }])).toBe('Naam,Opmerking\r\nJansen,ok\r\n')
  })

  it('quotes cells with commas, quotes or line breaks and doubles inner quotes', () => {
    const csv = toCsv(columns, [{ name: 'Jansen, P.', note: 'zei "ja"\nen ging' }])
    expect(csv).toBe('Naam,Opmerking\r\n"Jansen, P.","zei ""ja""\nen ging"\r\n')
  })

  it('leaves a missing cell empty and ignores keys that are not columns', () => {
    expect(toCsv(columns, [{ note: 'x', extra: 'y' }])).toBe('Naam,Opmerking\r\n,x\r\n')
  })

  it('prefixes a quote to cells a spreadsheet would run as a formula', () => {
    const rows = [
      { name: '=HYPERLINK("http://evil.example","klik")', note: '+31 6 12345678' },
      { name: '-2+3', note: '@SUM(A1:A2)' },
      { name: '\t=1+1', note: '\r=1+1' }
    ]
    const lines = toCsv(columns, rows).split('\r\n')
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://evil.example"",""klik"")",'+31 6 12345678`)
    expect(lines[2]).toBe(`'-2+3,'@SUM(A1:A2)`)
    expect(lines[3]).toBe(`'\t=1+1,"'\r=1+1"`)
  })

  it('guards the header labels too and leaves harmless text alone', () => {
    expect(toCsv([{ key: 'a', label: '=cmd' }], [{ a: 'Oosterhout 4901 AA' }])).toBe(`'=cmd\r\nOosterhout 4901 AA\r\n`)
  })
})
