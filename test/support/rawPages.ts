import { createCipheriv } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { findAccountSlot, parseKeyring, unwrapDataKey } from '../../src/main/vault/keyring'
import { vaultPaths } from '../../src/main/vault/vaultFiles'

/**
 * TEST TOOLING: reads the vault's stored bytes page by page, decrypting each page the way
 * SQLite3 Multiple Ciphers' `chacha20` cipher wrote it — so a test can look at every byte on
 * disk, free pages and stale WAL frames included, instead of trusting SQL (a decrypted
 * `VACUUM`/`rekey` copy would drop exactly the free pages where deleted data could linger).
 *
 * The format (sqlite3.c, cipher_chacha20.c: `EncryptPageChaCha20Cipher`/`DecryptPageChaCha20Cipher`,
 * `GenerateKeyChaCha20Cipher`, `sqlite3mcExtractRawKey`):
 * - the key: with `PRAGMA key="x'<64 hex>'"` the 32 bytes ARE the ChaCha20 key (no KDF; the
 *   16-byte salt stored in page 1 is then unused for the key);
 * - every page ends with 32 reserved bytes: a random 16-byte nonce, then a 16-byte Poly1305 tag;
 * - counter = LE32(nonce[12..16]) XOR page number; a one-time key (64 bytes) = ChaCha20 keystream
 *   under (data key, nonce[0..12], counter); the page body is ChaCha20 under (otk[32..64],
 *   nonce[0..12], counter + 1); the tag = Poly1305(otk[0..32], stored bytes [0, n + 16));
 * - page 1: bytes 0..16 hold the salt instead of "SQLite format 3\0", bytes 16..24 (page size,
 *   versions, reserved-space size...) stay plain, encryption starts at byte 24;
 * - WAL frames (24-byte header + page) hold pages encrypted the same way with their page number.
 */
export interface DecryptedPage {
  file: 'db' | 'wal'
  pageNo: number
  /** WAL frame index (0-based), null for the main file */
  frame: number | null
  /** the page without its 32 reserved bytes */
  data: Buffer
  /** the Poly1305 tag matched: right key, right format, untampered page */
  authentic: boolean
}

const RESERVED = 32
const NONCE = 16
const PAGE1_OFFSET = 24
const WAL_HEADER = 32
const WAL_FRAME_HEADER = 24

/** ChaCha20 (RFC 7539 layout) over `data`, the 32-bit block counter wrapping like the C code's uint32. */
function chacha20Xor(key: Buffer, nonce12: Buffer, counter: number, data: Buffer): Buffer {
  const out = Buffer.alloc(data.length)
  let pos = 0
  let block = counter >>> 0
  while (pos < data.length) {
    const bytesBeforeWrap = (0x1_0000_0000 - block) * 64
    const len = Math.min(data.length - pos, bytesBeforeWrap)
    const iv = Buffer.alloc(16)
    iv.writeUInt32LE(block, 0) // node's chacha20 IV: 4-byte little-endian counter + 12-byte nonce
    nonce12.copy(iv, 4)
    createCipheriv('chacha20', key, iv).update(data.subarray(pos, pos + len)).copy(out, pos)
    pos += len
    block = 0
  }
  return out
}

function leToBigInt(bytes: Buffer): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${Buffer.from(bytes).reverse().toString('hex')}`)
}

/** Poly1305 one-shot MAC (RFC 7539 §2.5); BigInt is slow but plain and enough for test vaults. */
export function poly1305(key: Buffer, msg: Buffer): Buffer {
  const r = leToBigInt(key.subarray(0, 16)) & 0x0ffffffc0ffffffc0ffffffc0fffffffn
  const s = leToBigInt(key.subarray(16, 32))
  const p = (1n << 130n) - 5n
  let acc = 0n
  for (let i = 0; i < msg.length; i += 16) {
    const chunk = msg.subarray(i, i + 16)
    acc = ((acc + leToBigInt(chunk) + (1n << BigInt(8 * chunk.length))) * r) % p
  }
  acc = (acc + s) & ((1n << 128n) - 1n)
  const hex = acc.toString(16).padStart(32, '0')
  return Buffer.from(hex, 'hex').reverse()
}

/** Decrypt one stored page (`raw` = the page as on disk, reserved bytes included). */
export function decryptPage(raw: Buffer, pageNo: number, key: Buffer): { data: Buffer; authentic: boolean } {
  const n = raw.length - RESERVED
  const nonce = raw.subarray(n, n + NONCE)
  const nonce12 = nonce.subarray(0, 12)
  const counter = (nonce.readUInt32LE(12) ^ pageNo) >>> 0
  const otk = chacha20Xor(key, nonce12, counter, Buffer.alloc(64))
  const authentic = poly1305(otk.subarray(0, 32), raw.subarray(0, n + NONCE)).equals(raw.subarray(n + NONCE, n + RESERVED))
  const offset = pageNo === 1 ? PAGE1_OFFSET : 0
  const data = Buffer.from(raw.subarray(0, n))
  chacha20Xor(otk.subarray(32, 64), nonce12, (counter + 1) >>> 0, raw.subarray(offset, n)).copy(data, offset)
  if (pageNo === 1) Buffer.from('SQLite format 3\0', 'latin1').copy(data, 0)
  return { data, authentic }
}

/** The page size, from page 1's plain bytes 16..17 (big-endian; 1 means 65536). */
export function pageSizeOf(dbPath: string): number {
  const head = readFileSync(dbPath).subarray(16, 18)
  const v = head.readUInt16BE(0)
  return v === 1 ? 65536 : v
}

export function decryptDatabaseFile(dbPath: string, key: Buffer): DecryptedPage[] {
  const bytes = readFileSync(dbPath)
  const pageSize = pageSizeOf(dbPath)
  const pages: DecryptedPage[] = []
  for (let i = 0; i * pageSize < bytes.length; i++) {
    const raw = bytes.subarray(i * pageSize, (i + 1) * pageSize)
    if (raw.length < pageSize) break
    pages.push({ file: 'db', pageNo: i + 1, frame: null, ...decryptPage(raw, i + 1, key) })
  }
  return pages
}

/** Every frame in the WAL, valid or stale (a stale frame is exactly where old data could hide). */
export function decryptWalFile(walPath: string, key: Buffer, pageSize: number): DecryptedPage[] {
  if (!existsSync(walPath)) return []
  const bytes = readFileSync(walPath)
  if (bytes.length < WAL_HEADER) return []
  const frames: DecryptedPage[] = []
  const frameSize = WAL_FRAME_HEADER + pageSize
  for (let f = 0; WAL_HEADER + (f + 1) * frameSize <= bytes.length; f++) {
    const start = WAL_HEADER + f * frameSize
    const pageNo = bytes.readUInt32BE(start)
    const raw = bytes.subarray(start + WAL_FRAME_HEADER, start + frameSize)
    frames.push({ file: 'wal', pageNo, frame: f, ...decryptPage(raw, pageNo, key) })
  }
  return frames
}

/** Every page of the vault's database file and every frame of its WAL, decrypted. */
export function decryptVaultPages(vaultDir: string, key: Buffer): DecryptedPage[] {
  const { db } = vaultPaths(vaultDir)
  return [...decryptDatabaseFile(db, key), ...decryptWalFile(`${db}-wal`, key, pageSizeOf(db))]
}

/** Where `needle` occurs in decrypted pages (UTF-8, as SQLite stores text). */
export function findInPages(pages: DecryptedPage[], needle: string): { file: 'db' | 'wal'; pageNo: number; frame: number | null; offset: number }[] {
  const bytes = Buffer.from(needle, 'utf8')
  const hits: { file: 'db' | 'wal'; pageNo: number; frame: number | null; offset: number }[] = []
  for (const page of pages) {
    for (let at = page.data.indexOf(bytes); at !== -1; at = page.data.indexOf(bytes, at + 1)) {
      hits.push({ file: page.file, pageNo: page.pageNo, frame: page.frame, offset: at })
    }
  }
  return hits
}

/** SQLite's database header fields from a decrypted page 1 (https://sqlite.org/fileformat.html). */
export function databaseHeader(page1: Buffer) {
  return {
    magic: page1.subarray(0, 16).toString('latin1'),
    pageSize: page1.readUInt16BE(16) === 1 ? 65536 : page1.readUInt16BE(16),
    writeVersion: page1[18],
    readVersion: page1[19],
    reservedBytes: page1[20],
    changeCounter: page1.readUInt32BE(24),
    pageCount: page1.readUInt32BE(28),
    freelistTrunk: page1.readUInt32BE(32),
    freelistCount: page1.readUInt32BE(36),
    schemaFormat: page1.readUInt32BE(44),
    textEncoding: page1.readUInt32BE(56),
    versionValidFor: page1.readUInt32BE(92),
    sqliteVersion: page1.readUInt32BE(96)
  }
}

/** The vault's data key, opened from an account's key slot (as the app does at sign-in). */
export async function vaultDataKey(vaultDir: string, username: string, passphrase: string): Promise<Buffer> {
  const keyring = parseKeyring(readFileSync(vaultPaths(vaultDir).keyring, 'utf8'))
  const slot = findAccountSlot(keyring, username)
  const key = slot ? await unwrapDataKey(keyring, slot, passphrase) : null
  if (!key) throw new Error('the passphrase does not open this vault')
  return key
}
