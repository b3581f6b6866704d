import type { EntityManager } from 'typeorm'
import type { Clock } from '../clock'
import { type AuditEntry, AuditEntryEntity } from '../vault/entities/AuditEntry'
import { portableQuery } from '../vault/portableQuery'
import { type AuditAction } from './auditActions'
import { type ChainKey, ChainWalker, type ChainVerdict, GENESIS_HASH, entryHash, reasonDigest } from './auditChain'

const HEAD = 'SELECT "seq", "hash" FROM "audit_entry" ORDER BY "seq" DESC LIMIT 1'
/**
 * The office server's: staff may not read the trail's history, only its head, through the
 * owner's function (server/serverRoles.ts). Appends are in order because every write transaction
 * first takes the office's write lock (vault/writeLock.ts).
 */
const SERVER_HEAD = 'SELECT "seq", "hash" FROM "dossier_audit_head"()'
const INSERT = `INSERT INTO "audit_entry" ("seq", "at", "actorId", "action", "subjectId", "fields", "reason", "reasonDigest", "prevHash", "hash")
  VALUES (:seq, :at, :actorId, :action, :subjectId, :fields, :reason, :reasonDigest, :prevHash, :hash)`

export interface AuditRecord {
  actorId: string | null
  action: AuditAction
  subjectId?: string | null
  /** Field NAMES only — never values. */
  fields?: string[]
  reason?: string | null
}

export interface AuditFilter {
  subjectId?: string
  actorId?: string
  action?: string
  from?: string
  to?: string
  limit?: number
  /** Entries to skip, newest first (the audit screen's pages). */
  offset?: number
}

/**
 * Appends to and reads the audit trail. `append` must run inside the transaction of the change it
 * records (pass that transaction's EntityManager), so a change and its audit entry land together.
 */
export class AuditTrail {
  constructor(private readonly clock: Clock) {}

  async append(manager: EntityManager, record: AuditRecord, chainKey: ChainKey): Promise<AuditEntry> {
    // Only the head's seq and hash, with fixed SQL (the hot path of every audited write).
    const onServer = manager.connection.driver.options.type === 'postgres'
    const [last] = await portableQuery<{ seq: number; hash: string }>(manager, onServer ? SERVER_HEAD : HEAD)
    const prevHash = last?.hash ?? GENESIS_HASH
    const fields = {
      seq: (last?.seq ?? 0) + 1,
      at: this.clock.now().toISOString(),
      actorId: record.actorId,
      action: record.action,
      subjectId: record.subjectId ?? null,
      fields: [...(record.fields ?? [])].sort(),
      reason: record.reason ?? null
    }
    const seq = fields.seq
    const keyed = { ...fields, reasonDigest: seq >= chainKey.keyedFrom ? reasonDigest(chainKey, fields.reason) : null }
    const entry: AuditEntry = { ...keyed, prevHash, hash: entryHash(prevHash, keyed, chainKey) }
    // `fields` is a simple-json column: stored as its JSON text.
    await portableQuery(manager, INSERT, { ...entry, fields: JSON.stringify(entry.fields) })
    return entry
  }

  /** Walk the whole trail in pages of 5000 (memory stays flat however long the trail grows). */
  async verify(manager: EntityManager, chainKey: ChainKey): Promise<ChainVerdict> {
    const repo = manager.getRepository(AuditEntryEntity)
    const walker = new ChainWalker(chainKey)
    const page = 5000
    for (let after = 0; ; ) {
      const batch = await repo.createQueryBuilder('a').where('a.seq > :after', { after }).orderBy('a.seq', 'ASC').take(page).getMany()
      for (const e of batch) if (!walker.feed(e)) return walker.verdict()
      if (batch.length < page) break
      after = batch[batch.length - 1]!.seq
    }
    return walker.verdict()
  }

  /** The newest entry (the chain's head), or null for an empty trail. */
  async head(manager: EntityManager): Promise<AuditEntry | null> {
    const last = await manager.getRepository(AuditEntryEntity).find({ order: { seq: 'DESC' }, take: 1 })
    return last[0] ?? null
  }

  async entry(manager: EntityManager, seq: number): Promise<AuditEntry | null> {
    return manager.getRepository(AuditEntryEntity).findOneBy({ seq })
  }

  async list(manager: EntityManager, filter: AuditFilter): Promise<AuditEntry[]> {
    return this.filtered(manager, filter)
      .orderBy('a.seq', 'DESC')
      .skip(filter.offset ?? 0)
      .take(filter.limit ?? 500)
      .getMany()
  }

  /** How many entries the filter matches (the audit screen's page count), counted in the database. */
  async count(manager: EntityManager, filter: AuditFilter): Promise<number> {
    return this.filtered(manager, filter).getCount()
  }

  private filtered(manager: EntityManager, filter: AuditFilter) {
    const qb = manager.getRepository(AuditEntryEntity).createQueryBuilder('a')
    if (filter.subjectId) qb.andWhere('a.subjectId = :subjectId', { subjectId: filter.subjectId })
    if (filter.actorId) qb.andWhere('a.actorId = :actorId', { actorId: filter.actorId })
    if (filter.action) qb.andWhere('a.action = :action', { action: filter.action })
    if (filter.from) qb.andWhere('a.at >= :from', { from: filter.from })
    if (filter.to) qb.andWhere('a.at < :to', { to: filter.to })
    return qb
  }
}
