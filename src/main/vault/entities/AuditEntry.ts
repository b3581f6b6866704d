import { EntitySchema } from 'typeorm'
import { date, json, ref, text } from './columns'

/** one append-only, hash-chained audit entry. Field names only, never values. */
export interface AuditEntry {
  seq: number
  at: string
  actorId: string | null
  action: string
  subjectId: string | null
  fields: string[]
  reason: string | null
  /**
   * R-19a: the chain links a keyed digest of the reason, not its text, so the reason of an entry
   * about an erased person can be removed (NULL) while the trail still verifies. Null for no
   * reason and for entries older than the keyed chain (they link the text itself).
   */
  reasonDigest: string | null
  prevHash: string
  hash: string
}

export const AuditEntryEntity = new EntitySchema<AuditEntry>({
  name: 'AuditEntry',
  tableName: 'audit_entry',
  columns: {
    seq: { type: 'integer', primary: true },
    at: date(),
    actorId: ref(true),
    action: { type: 'varchar', length: 64 },
    subjectId: ref(true),
    fields: json(),
    reason: text(true),
    reasonDigest: { type: 'varchar', length: 64, nullable: true },
    prevHash: { type: 'varchar', length: 64 },
    hash: { type: 'varchar', length: 64 }
  },
  indices: [
    { name: 'idx_audit_subject', columns: ['subjectId'] },
    { name: 'idx_audit_actor', columns: ['actorId'] },
    { name: 'idx_audit_action', columns: ['action'] }
  ]
})
