import { crc32 } from 'node:zlib'

/**
 * A minimal zip writer (PKWARE APPNOTE 6.3, method 0 "stored", no compression, no ZIP64), built
 * in memory so an export with attachments never passes through a temp file. The
 * attachments are PDFs, JPEGs and zipped office files already, so deflating them would gain little.
 * Names are UTF-8 (flag bit 11). Limits: 65,535 entries and 4 GiB, far above one person's file.
 */
export interface ZipEntry {
  name: string
  data: Buffer
}

const LOCAL_HEADER = 0x04034b50
const CENTRAL_HEADER = 0x02014b50
const END_OF_CENTRAL_DIRECTORY = 0x06054b50
const VERSION = 20
const UTF8_NAMES = 0x0800
const MAX_U32 = 0xffffffff

/** MS-DOS date and time fields of a zip entry (local time of the given parts, 2-second steps). */
export function dosDateTime(at: { year: number; month: number; day: number; hour: number; minute: number; second: number }): { date: number; time: number } {
  const year = Math.min(Math.max(at.year, 1980), 2107)
  return {
    date: ((year - 1980) << 9) | (at.month << 5) | at.day,
    time: (at.hour << 11) | (at.minute << 5) | Math.floor(at.second / 2)
  }
}

export function zipStore(entries: readonly ZipEntry[], modified: { date: number; time: number }): Buffer {
  if (entries.length > 0xffff) throw new RangeError('Too many zip entries')
  const names = new Set<string>()
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    if (names.has(entry.name)) throw new RangeError('Duplicate zip entry name')
    names.add(entry.name)
    const name = Buffer.from(entry.name, 'utf8')
    const crc = crc32(entry.data)
    const size = entry.data.length
    if (size > MAX_U32 || offset > MAX_U32) throw new RangeError('Zip too large')

    const local = Buffer.alloc(30)
    local.writeUInt32LE(LOCAL_HEADER, 0)
    local.writeUInt16LE(VERSION, 4)
    local.writeUInt16LE(UTF8_NAMES, 6)
    local.writeUInt16LE(0, 8) // stored
    local.writeUInt16LE(modified.time, 10)
    local.writeUInt16LE(modified.date, 12)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(size, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    local.writeUInt16LE(0, 28)
    locals.push(local, name, entry.data)

    const central = Buffer.alloc(46)
    central.writeUInt32LE(CENTRAL_HEADER, 0)
    central.writeUInt16LE(VERSION, 4)
    central.writeUInt16LE(VERSION, 6)
    central.writeUInt16LE(UTF8_NAMES, 8)
    central.writeUInt16LE(0, 10)
    central.writeUInt16LE(modified.time, 12)
    central.writeUInt16LE(modified.date, 14)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(size, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    // extra length, comment length, disk number, internal and external attributes: all 0
    central.writeUInt32LE(offset, 42)
    centrals.push(central, name)

    offset += local.length + name.length + size
  }
  const directory = Buffer.concat(centrals)
  if (offset > MAX_U32) throw new RangeError('Zip too large')
  const end = Buffer.alloc(22)
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}
