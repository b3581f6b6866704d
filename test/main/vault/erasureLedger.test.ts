import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ErasureLedger, ledgerKeyFrom, mergeLedgerText } from '../../../src/main/vault/erasureLedger'

/** The erasure ledger file (issue 15 point 3): append-safe, keyed, tolerant of a torn last line. */
const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function ledgerIn(key = Buffer.alloc(32, 7), vaultId = '6f1c2a1e-7c5e-4a57-9f1e-2b8f3f9d0a11') {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-ledger-'))
  dirs.push(dir)
  return new ErasureLedger(join(dir, 'erasures.ledger'), ledgerKeyFrom(key, vaultId))
}

const PERSON = '0b7e3c9a-5d2f-4e8b-a1c6-3f9d2e7b8a10'
const note = { kind: 'delete' as const, personId: PERSON, rule: 'erasure-request', cause: 'erasure' as const, policyVersion: 1, on: '2026-11-27', at: '2026-11-27T10:00:00.000Z' }

describe('erasure ledger file', () => {
  it('holds keyed hashes only, 0600, and reads back what was appended', async () => {
    const ledger = ledgerIn()
    await ledger.append([note, { ...note, kind: 'purge-attachment', targetId: 'a1b2c3d4-0000-4000-8000-000000000001', rule: 'id-copy-registration', cause: undefined, policyVersion: undefined }])
    const text = readFileSync(ledger.file, 'utf8')
    expect(text).not.toContain(PERSON)
    expect(text).not.toContain('a1b2c3d4')
    expect(statSync(ledger.file).mode & 0o777).toBe(0o600)
    const entries = ledger.entries()
    expect(entries.map((e) => e.kind)).toEqual(['delete', 'purge-attachment'])
    expect(entries[0]).toMatchObject({ subject: ledger.subjectOf(PERSON), on: '2026-11-27', rule: 'erasure-request' })
    expect(entries[1]!.target).toBe(ledger.targetOf('a1b2c3d4-0000-4000-8000-000000000001'))
  })

  it('skips a torn last line (a crash mid-append) and starts the next entry on a line of its own', async () => {
    const ledger = ledgerIn()
    await ledger.append([note])
    appendFileSync(ledger.file, '{"v":1,"key":"ab')
    await ledger.append([{ ...note, rule: 'unsubscribed-never-worked', cause: 'retention' }])
    expect(ledger.entries().map((e) => e.rule)).toEqual(['erasure-request', 'unsubscribed-never-worked'])
  })

  it('derives its key from the data key and vault id: another vault\u2019s entries are not this vault\u2019s', async () => {
    const ours = ledgerIn()
    const same = new ErasureLedger(ours.file, ledgerKeyFrom(Buffer.alloc(32, 7), '6f1c2a1e-7c5e-4a57-9f1e-2b8f3f9d0a11'))
    const other = new ErasureLedger(ours.file, ledgerKeyFrom(Buffer.alloc(32, 8), '6f1c2a1e-7c5e-4a57-9f1e-2b8f3f9d0a11'))
    ours.append([note])
    expect(same.subjectOf(PERSON)).toBe(ours.subjectOf(PERSON))
    expect(same.entries()).toHaveLength(1)
    expect(other.subjectOf(PERSON)).not.toBe(ours.subjectOf(PERSON))
    expect(other.entries()).toEqual([])
  })

  it('merges a backup\u2019s lines it lacks, once', async () => {
    const ledger = ledgerIn()
    await ledger.append([note])
    const backupText = readFileSync(ledger.file, 'utf8')
    await ledger.append([{ ...note, rule: 'unsubscribed-never-worked', cause: 'retention' }])
    const older = ledgerIn()
    older.append([{ ...note, personId: '9c1d2e3f-1111-4222-8333-444455556666' }])
    mergeLedgerText(backupText + readFileSync(older.file, 'utf8'), ledger.file)
    mergeLedgerText(readFileSync(older.file, 'utf8'), ledger.file)
    expect(ledger.entries()).toHaveLength(3)
  })
})
