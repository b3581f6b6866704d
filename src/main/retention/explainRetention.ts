import type { CalendarDate } from '../../shared/domain'
import { maxDate } from '../../shared/time'
import type { RetentionAction, RetentionClock, RetentionEvaluation, RetentionFacts } from './evaluateRetention'

/**
 * A person's retention in plain words (issue 5: "wordt verwijderd op 30-04-2027: ingeschreven,
 * nooit gewerkt, uitgeschreven op 31-01-2027"): an i18n key under `retention.explain` and its
 * parameters (dates as YYYY-MM-DD; the screen formats them). Pure.
 *
 * The headline is the first action still to come; a shield is followed by the deletion it leads
 * to, since that is the date that matters to the person.
 */
export interface RetentionExplanation {
  key: string
  params: Record<string, string>
}

function lastEnd(periods: { end: CalendarDate | null }[]): CalendarDate | null {
  const ends = periods.flatMap((p) => (p.end === null ? [] : [p.end]))
  const [first, ...rest] = ends
  return first === undefined ? null : maxDate(first, ...rest)
}

function headline(e: RetentionEvaluation): RetentionAction | null {
  const deletion = e.due.find((a) => a.kind === 'delete')
  const first = deletion ?? e.due[0] ?? e.next
  if (first?.kind === 'shield' && e.deletionDate !== null && e.rule !== null) {
    return { kind: 'delete', rule: e.rule, dueDate: e.deletionDate }
  }
  return first ?? null
}

/**
 * `clock` (R-11a): when no retention action is planned, the re-confirmation task or its reply
 * deadline is the headline; without it the record is explained as active/employed.
 */
export function explainRetention(facts: RetentionFacts, e: RetentionEvaluation, clock?: RetentionClock): RetentionExplanation {
  const action = headline(e)
  if (action === null && clock !== undefined && (clock.rule === 'inactivity-reconfirm' || clock.rule === 'reconfirm-no-reply')) {
    return { key: `retention.explain.${clock.rule}.${clock.action}`, params: { date: clock.dueDate, since: clock.since } }
  }
  if (action === null) {
    const employed = facts.employments.some((p) => p.end === null)
    return { key: employed ? 'retention.explain.employed' : 'retention.explain.active', params: {} }
  }
  const params: Record<string, string> = { date: action.dueDate }
  const put = (name: string, value: CalendarDate | null | undefined) => {
    if (value) params[name] = value
  }
  switch (action.rule) {
    case 'unsubscribed-never-worked':
      put('unsubscribedOn', facts.unsubscribedOn)
      break
    case 'ws-procedure-ended':
      put('procedureEnd', lastEnd(facts.recruitment))
      break
    case 'worked-stopped':
      put('employmentEnd', lastEnd(facts.employments))
      put('unsubscribedOn', facts.unsubscribedOn)
      break
    case 'legal-hold-id-bsn':
    case 'legal-hold-payroll':
      put('employmentEnd', lastEnd(facts.employments))
      break
    case 'id-copy-registration':
      put('addedOn', facts.idCopies.find((c) => c.attachmentId === action.targetId)?.addedOn)
      break
    case 'consent-expired':
      put('endsOn', facts.consents.find((c) => c.consentId === action.targetId)?.endsOn)
      break
  }
  return { key: `retention.explain.${action.rule}.${action.kind}`, params }
}
