import { createHash } from 'node:crypto'

/** Pure hash-chain rules of the audit trail. No I/O. */
export const GENESIS_HASH = '0'.repeat(64)

export interface ChainedFields {
  seq: number
  at: string
  actorId: string | null
  action: string
  subjectId: string | null
  fields: string[]
  reason: string | null
}

/** Canonical form: fixed key order, JSON-encoded values, so the same entry always hashes alike. */
export function canonicalEntry(e: ChainedFields): string {
  return JSON.stringify([e.seq, e.at, e.actorId, e.action, e.subjectId, e.fields, e.reason])
}

export function entryHash(prevHash: string, e: ChainedFields): string {
  return createHash('sha256').update(prevHash).update('|').update(canonicalEntry(e)).digest('hex')
}

export type ChainVerdict =
  | { ok: true; entries: number; head: string }
  | { ok: false; entries: number; brokenAt: number; problem: 'hash' | 'link' | 'sequence' }

/** Walk entries in sequence order; report the first entry whose link or hash does not hold. */
export function verifyChain(entries: Iterable<ChainedFields & { prevHash: string; hash: string }>): ChainVerdict {
  let prev = GENESIS_HASH
  let expectedSeq = 1
  let count = 0
  for (const e of entries) {
    count++
    if (e.seq !== expectedSeq) return { ok: false, entries: count, brokenAt: expectedSeq, problem: 'sequence' }
    if (e.prevHash !== prev) return { ok: false, entries: count, brokenAt: e.seq, problem: 'link' }
    if (entryHash(e.prevHash, e) !== e.hash) return { ok: false, entries: count, brokenAt: e.seq, problem: 'hash' }
    prev = e.hash
    expectedSeq++
  }
  return { ok: true, entries: count, head: prev }
}
