import type { CalendarDate } from '../../shared/domain'
import type { AuditRecord } from '../audit/AuditTrail'

/** Writes an audit entry inside the caller's transaction (the actor is fixed by the caller). */
export type TxAudit = (record: Omit<AuditRecord, 'actorId'>) => Promise<void>

/**
 * What consent work inside someone else's transaction needs (the people import, the retention
 * sweep): the date it applies as of, a timestamp, who acts, and the transaction's audit writer.
 */
export interface ConsentTxContext {
  today: CalendarDate
  /** UTC ISO timestamp for `recordedAt` / `createdAt` */
  at: string
  actorId: string | null
  audit: TxAudit
}
