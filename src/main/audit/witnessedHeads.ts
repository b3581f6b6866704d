import type { EntityManager } from 'typeorm'
import type { WitnessFailure } from '../../shared/contract/governance'
import { AccountEntity } from '../vault/entities/Account'
import { AuditEntryEntity } from '../vault/entities/AuditEntry'
import type { SlotWitness, Workspace } from '../workspace/Workspace'

/**
 * Issue 15 point 2: witnessed audit heads. Every account's key slot holds the last audit head
 * that account saw (sequence and hash, written at lock and sign-out, authenticated by the slot's
 * AES-GCM tag so only that account can move it). A trail that no longer has an entry with that
 * hash at that sequence was cut short or rewritten — also by someone holding the data key and
 * the chain's HMAC key, whom the chain alone cannot catch.
 *
 * A legitimate restore replaces the trail with an older one: the restoring admin writes a
 * `vault.restore` entry marked with a MAC of the restricted key (which office staff do not hold),
 * and witnesses made before that mark are no longer compared. Checking the mark needs the
 * restricted key, so only privacy officers' and admins' sessions check witnesses — they are also
 * the ones who are told.
 */

/** The restore mark's reason text: the replaced head and when, and the MAC over both. */
export function restoreMarkReason(ws: Workspace, replaced: { seq: number; hash: string }, at: string): string {
  const fact = `replaced ${replaced.seq}:${replaced.hash} at ${at}`
  // Without the restricted key (a vault older than it) the restore is recorded but cannot be marked.
  if (!ws.vault.restricted.held) return fact
  return `${fact}; mark ${ws.vault.restricted.tag(`vault.restore|${ws.vault.vaultId}|${fact}`)}`
}

const MARK = /^replaced (\d+):([0-9a-f]{64}) at (\S+); mark ([0-9a-f]{64})(?:; .*)?$/

/** Times of the genuine restore marks in the trail (forged or unverifiable marks are ignored). */
async function restoreTimes(ws: Workspace, m: EntityManager): Promise<string[]> {
  const rows = await m.getRepository(AuditEntryEntity).find({ select: { reason: true }, where: { action: 'vault.restore' } })
  const times: string[] = []
  for (const r of rows) {
    const match = MARK.exec(r.reason ?? '')
    if (!match) continue
    const fact = `replaced ${match[1]}:${match[2]} at ${match[3]}`
    if (ws.vault.restricted.tag(`vault.restore|${ws.vault.vaultId}|${fact}`) === match[4]) times.push(match[3]!)
  }
  return times
}

export interface WitnessCheck {
  checked: number
  failed: WitnessFailure | null
}

/** Compares every account slot's witness with the trail; the first that does not hold is reported. */
export async function checkWitnessedHeads(ws: Workspace, m: EntityManager): Promise<WitnessCheck> {
  if (!ws.vault.restricted.held) return { checked: 0, failed: null }
  const witnesses = ws.keySlots.witnesses()
  if (witnesses.length === 0) return { checked: 0, failed: null }
  const accounts = await m.getRepository(AccountEntity).find({ select: { id: true, username: true, displayName: true } })
  const byLookup = new Map(accounts.map((a) => [ws.keySlots.lookupOf(a.username), a]))
  const restores = await restoreTimes(ws, m)
  const repo = m.getRepository(AuditEntryEntity)
  for (const w of [...witnesses].sort((a, b) => b.seq - a.seq)) {
    const entry = await repo.findOne({ select: { seq: true, hash: true }, where: { seq: w.seq } })
    if (entry?.hash === w.hash) continue
    if (restores.some((at) => w.at < at)) continue
    return { checked: witnesses.length, failed: failure(w, byLookup, entry ? 'mismatch' : 'missing') }
  }
  return { checked: witnesses.length, failed: null }
}

function failure(w: SlotWitness, byLookup: Map<string, { id: string; displayName: string }>, problem: WitnessFailure['problem']): WitnessFailure {
  const account = byLookup.get(w.lookup)
  return { accountId: account?.id ?? null, accountName: account?.displayName ?? null, seq: w.seq, problem, witnessedAt: w.at }
}

/** The reason text of `audit.witness-broken` and of a failed verification: ids and numbers only. */
export function witnessFailureText(f: WitnessFailure): string {
  return `head witnessed by account ${f.accountId ?? 'unknown'} at entry ${f.seq} ${f.problem}`
}
