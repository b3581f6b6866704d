import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { crc32 } from 'node:zlib'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dosDateTime, zipStore } from '../../../src/main/rights/zipStore'

const run = promisify(execFile)
const AT = dosDateTime({ year: 2026, month: 11, day: 27, hour: 11, minute: 30, second: 44 })

/** Reads a stored zip back through its central directory (an independent reading of the format). */
function readBack(zip: Buffer): { name: string; data: Buffer; crc: number }[] {
  const end = zip.length - 22
  expect(zip.readUInt32LE(end)).toBe(0x06054b50)
  const count = zip.readUInt16LE(end + 10)
  let at = zip.readUInt32LE(end + 16)
  const out: { name: string; data: Buffer; crc: number }[] = []
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50)
    const crc = zip.readUInt32LE(at + 16)
    const size = zip.readUInt32LE(at + 20)
    const nameLength = zip.readUInt16LE(at + 28)
    const local = zip.readUInt32LE(at + 42)
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength)
    expect(zip.readUInt32LE(local)).toBe(0x04034b50)
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
    out.push({ name, data: zip.subarray(start, start + size), crc })
    at += 46 + nameLength
  }
  return out
}

describe('zipStore: a stored (uncompressed) zip written in memory', () => {
  it('round-trips any set of entries with correct CRC-32s', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ name: fc.stringMatching(/^[a-z0-9/._-]{1,40}$/), data: fc.uint8Array({ maxLength: 300 }) }), { selector: (e) => e.name, maxLength: 8 }),
        (entries) => {
          const zip = zipStore(entries.map((e) => ({ name: e.name, data: Buffer.from(e.data) })), AT)
          const back = readBack(zip)
          expect(back.map((e) => e.name)).toEqual(entries.map((e) => e.name))
          back.forEach((e, i) => {
            expect([...e.data]).toEqual([...entries[i]!.data])
            expect(e.crc).toBe(crc32(e.data))
          })
        }
      )
    )
  })

  it('is a zip that unzip accepts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dossier-zipstore-'))
    try {
      const file = join(dir, 'test.zip')
      await writeFile(file, zipStore([{ name: 'a.json', data: Buffer.from('{"x":1}\n') }, { name: 'map/ë.txt', data: Buffer.from('é') }], AT))
      expect((await run('unzip', ['-t', file])).stdout).toContain('No errors detected')
      expect((await run('unzip', ['-Z1', file])).stdout.trim().split('\n')).toHaveLength(2)
      expect((await run('unzip', ['-l', file])).stdout).toContain('2026-11-27 11:30')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('marks names as UTF-8 (general-purpose flag bit 11)', () => {
    const zip = zipStore([{ name: 'map/ë.txt', data: Buffer.from('é') }], AT)
    expect(zip.readUInt16LE(6) & 0x0800).toBe(0x0800)
    expect(readBack(zip)[0]?.name).toBe('map/ë.txt')
  })

  it('refuses two entries with the same name', () => {
    expect(() => zipStore([{ name: 'a', data: Buffer.alloc(0) }, { name: 'a', data: Buffer.alloc(1) }], AT)).toThrow(RangeError)
  })
})
