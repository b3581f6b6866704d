import type { CalendarDate } from '../../shared/domain'
import { compareDates, minDate } from '../../shared/time'
import type { RetentionOutlook } from './evaluateRetention'

/** A record nothing will happen to by the passing of time alone (its facts must change first). */
export const NEVER: CalendarDate = '9999-12-31'

/**
 * Issue 18: the next date the retention run must evaluate a record again, once the actions due
 * as of `asOf` are applied (`person.retentionCheckOn`; a changed fact clears it, see migration
 * RetentionCheckDate1796700000002). Until that date no action falls due: the record's next
 * pending action (`evaluation.next`), and the re-confirmation deadline after which the person is
 * deemed unsubscribed (R-11a: a new plan from then on) are the only dates the engine's answer
 * moves on. Always after `asOf`. Pure; the property test checks it against the engine itself.
 */
export function nextRetentionCheck(outlook: RetentionOutlook, asOf: CalendarDate): CalendarDate {
  const later = (d: CalendarDate | null | undefined): d is CalendarDate => d != null && compareDates(d, asOf) > 0
  const dates = [outlook.evaluation.next?.dueDate, outlook.reconfirmation.deadline].filter(later)
  return dates.length === 0 ? NEVER : dates.reduce((a, b) => minDate(a, b))
}
