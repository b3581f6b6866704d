import type { CalendarDate } from '../../shared/domain'
import type { AuditRecord } from '../audit/AuditTrail'

/** Writes an audit entry inside the caller's transaction (the actor is fixed by the caller). */
export type TxAudit = (record: Omit<AuditRecord, 'actorId'>) => Promise<void>

/** What every retention action needs besides the manager of the transaction it runs in. */
export interface RetentionActionContext {
  /** the calendar date the action is applied as of (the run's as-of date) */
  today: CalendarDate
  /** UTC ISO timestamp for `updatedAt` */
  at: string
  policyVersion: number
  audit: TxAudit
}
