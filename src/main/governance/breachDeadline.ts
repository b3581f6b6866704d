/**
 * GDPR art. 33(1): a breach that poses a risk is reported to the regulator (Autoriteit
 * Persoonsgegevens) within 72 hours of discovery; art. 34: a high risk is also told to the persons.
 * The 72 hours are counted on UTC instants, so a DST change in between does not move the deadline
 * (discovered Sat 24 Oct 2026 10:00 local → due Tue 27 Oct 09:00 local, the clocks went back).
 * Pure: `now` is an argument.
 */
export const REPORT_WINDOW_HOURS = 72

export type BreachRisk = 'none' | 'low' | 'high'

/**
 * - `not-required`: risk assessed as none (still registered, art. 33(5));
 * - `due` / `overdue`: a report is required and has not been made, before / after the deadline;
 * - `reported` / `reported-late`: made on time / after the deadline (art. 33(1) then asks for the reasons).
 */
export type RegulatorReportState = 'not-required' | 'due' | 'overdue' | 'reported' | 'reported-late'
export type PersonsNoticeState = 'not-required' | 'required' | 'done'

export interface BreachFacts {
  discoveredAt: string
  risk: BreachRisk
  reportedToRegulatorAt: string | null
  reportedToPersonsAt: string | null
  /** Art. 34 as recorded; absent: a high risk must be told. */
  informPersons?: boolean
}

export interface BreachClock {
  /** UTC instant, ISO. */
  deadline: string
  regulator: RegulatorReportState
  /** Milliseconds until the deadline (negative once passed); null when no report is pending. */
  remainingMs: number | null
  persons: PersonsNoticeState
}

export function regulatorDeadline(discoveredAt: string): string {
  return new Date(new Date(discoveredAt).getTime() + REPORT_WINDOW_HOURS * 3_600_000).toISOString()
}

/** Art. 33(1): a report made after the 72 hours must say why; a reason is then required. */
export function needsLateReason(b: Pick<BreachFacts, 'discoveredAt' | 'reportedToRegulatorAt'>): boolean {
  return b.reportedToRegulatorAt !== null && new Date(b.reportedToRegulatorAt).getTime() > new Date(regulatorDeadline(b.discoveredAt)).getTime()
}

export function breachClock(b: BreachFacts, now: Date): BreachClock {
  const deadline = regulatorDeadline(b.discoveredAt)
  const due = new Date(deadline).getTime()
  let regulator: RegulatorReportState
  if (b.reportedToRegulatorAt) regulator = new Date(b.reportedToRegulatorAt).getTime() <= due ? 'reported' : 'reported-late'
  else if (b.risk === 'none') regulator = 'not-required'
  else regulator = now.getTime() <= due ? 'due' : 'overdue'
  const pending = regulator === 'due' || regulator === 'overdue'
  const persons: PersonsNoticeState = b.reportedToPersonsAt ? 'done' : (b.informPersons ?? b.risk === 'high') ? 'required' : 'not-required'
  return { deadline, regulator, remainingMs: pending ? due - now.getTime() : null, persons }
}
