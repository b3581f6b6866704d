import { createHash } from 'node:crypto'
import { hmacSha256 } from '../vault/hmacKey'

/**
 * Pure hash-chain rules of the audit trail. No I/O. Since issue 15 the links are keyed
 * (HMAC-SHA256 with the vault's audit-chain key): without the key nobody can recompute a chain,
 * so a rewritten or truncated copy cannot be made to verify. Entries written before the key
 * existed keep plain SHA-256 links (`ChainKey.keyedFrom`).
 */
export const GENESIS_HASH = '0'.repeat(64)

export interface ChainedFields {
  seq: number
  at: string
  actorId: string | null
  action: string
  subjectId: string | null
  fields: string[]
  reason: string | null
  /** Keyed entries: the digest of `reason` (reasonDigest below); the chain links it, not the text. */
  reasonDigest?: string | null
}

export type ChainedEntry = ChainedFields & { prevHash: string; hash: string }

/** Canonical form: fixed key order, JSON-encoded values, so the same entry always hashes alike. */
export function canonicalEntry(e: ChainedFields): string {
  return JSON.stringify([e.seq, e.at, e.actorId, e.action, e.subjectId, e.fields, e.reason])
}

/** The keyed form (R-19a): the reason's digest in its place, so forgetting the text keeps the link. */
function canonicalKeyedEntry(e: ChainedFields): string {
  return JSON.stringify([e.seq, e.at, e.actorId, e.action, e.subjectId, e.fields, e.reasonDigest ?? null])
}

/** HMAC of a reason under the chain's key; null for no reason. */
export function reasonDigest(chainKey: ChainKey, reason: string | null): string | null {
  return reason === null ? null : hmacSha256(chainKey.key).update('reason|').update(reason).digest('hex')
}

/** The chain's key and the first sequence number it links; null: every link is plain SHA-256. */
export interface ChainKey {
  key: Buffer
  keyedFrom: number
}

export function entryHash(prevHash: string, e: ChainedFields, chainKey: ChainKey | null = null): string {
  if (chainKey && e.seq >= chainKey.keyedFrom) return hmacSha256(chainKey.key).update(prevHash).update('|').update(canonicalKeyedEntry(e)).digest('hex')
  return createHash('sha256').update(prevHash).update('|').update(canonicalEntry(e)).digest('hex')
}

/** A keyed entry's reason, when still there, must be the one its digest names. */
function reasonHolds(e: ChainedFields, chainKey: ChainKey | null): boolean {
  if (!chainKey || e.seq < chainKey.keyedFrom || e.reason === null) return true
  return e.reasonDigest === reasonDigest(chainKey, e.reason)
}

/**
 * What the walk found. `sequence`: an entry is missing (deleted) or out of place; `link`: an entry
 * does not point at the hash of the one before it (inserted or reordered); `hash`: an entry's own
 * content no longer matches its hash (edited).
 */
export type ChainProblem = 'hash' | 'link' | 'sequence'

export type ChainVerdict =
  | { ok: true; entries: number; head: string }
  | { ok: false; entries: number; brokenAt: number; problem: ChainProblem }

/**
 * Walks entries in sequence order one at a time, so a long trail can be verified in pages without
 * holding it in memory. Stops at the first entry whose sequence, link or hash does not hold.
 */
export class ChainWalker {
  constructor(private readonly chainKey: ChainKey | null = null) {}
  private prev = GENESIS_HASH
  private expectedSeq = 1
  private count = 0
  private broken: { brokenAt: number; problem: ChainProblem } | null = null

  /** Feed the next entry; returns false once the chain is broken (further entries are ignored). */
  feed(e: ChainedEntry): boolean {
    if (this.broken) return false
    this.count++
    if (e.seq !== this.expectedSeq) this.broken = { brokenAt: this.expectedSeq, problem: 'sequence' }
    else if (e.prevHash !== this.prev) this.broken = { brokenAt: e.seq, problem: 'link' }
    else if (entryHash(e.prevHash, e, this.chainKey) !== e.hash || !reasonHolds(e, this.chainKey)) this.broken = { brokenAt: e.seq, problem: 'hash' }
    if (this.broken) return false
    this.prev = e.hash
    this.expectedSeq++
    return true
  }

  verdict(): ChainVerdict {
    if (this.broken) return { ok: false, entries: this.count, ...this.broken }
    return { ok: true, entries: this.count, head: this.prev }
  }
}

/** Walk entries in sequence order; report the first entry whose link or hash does not hold. */
export function verifyChain(entries: Iterable<ChainedEntry>, chainKey: ChainKey | null = null): ChainVerdict {
  const walker = new ChainWalker(chainKey)
  for (const e of entries) if (!walker.feed(e)) break
  return walker.verdict()
}
