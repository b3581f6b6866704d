import { EntitySchema } from 'typeorm'
import { date, int, json, pk, ref, text } from './columns'

/** proof that a deletion happened — no personal data: id, rule, policy version, date. */
export interface Tombstone {
  id: string
  personId: string
  rule: string
  policyVersion: number
  deletedOn: string
  cause: 'retention' | 'erasure'
}
export const TombstoneEntity = new EntitySchema<Tombstone>({
  name: 'Tombstone',
  tableName: 'tombstone',
  columns: { id: pk(), personId: ref(), rule: { type: 'varchar', length: 40 }, policyVersion: int(), deletedOn: date(), cause: { type: 'varchar', length: 16 } }
})

/** A version of the retention policy table (data, not code). */
export interface RetentionPolicyVersion {
  version: number
  policy: unknown
  createdAt: string
  createdBy: string | null
  note: string | null
}
export const RetentionPolicyVersionEntity = new EntitySchema<RetentionPolicyVersion>({
  name: 'RetentionPolicyVersion',
  tableName: 'retention_policy',
  columns: { version: { type: 'integer', primary: true }, policy: json(), createdAt: date(), createdBy: ref(true), note: text(true) }
})

/** A sweep run: what it did (counts per rule), when, how long, under which policy version. */
export interface RetentionRun {
  id: string
  startedAt: string
  finishedAt: string | null
  asOf: string
  policyVersion: number
  counts: Record<string, number>
  durationMs: number | null
  trigger: string
  actorId: string | null
}
export const RetentionRunEntity = new EntitySchema<RetentionRun>({
  name: 'RetentionRun',
  tableName: 'retention_run',
  columns: {
    id: pk(),
    startedAt: date(),
    finishedAt: date(true),
    asOf: date(),
    policyVersion: int(),
    counts: json(),
    durationMs: int(true),
    trigger: { type: 'varchar', length: 16 },
    actorId: ref(true)
  }
})
