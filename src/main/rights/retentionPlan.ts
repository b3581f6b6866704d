import type { CalendarDate } from '../../shared/domain'
import { addCalendarDays, compareDates, maxDate } from '../../shared/time'
import type { RetentionCategory, RetentionCriterion, RetentionPlanItem } from '../documents/accessReportModel'
import { termEnd, type RetentionFacts } from '../retention/evaluateRetention'
import type { RetentionPolicy } from '../retention/policy'
import type { Person } from '../vault/entities/Person'

/**
 * R-18a: how long each category of the person's data is kept, or the criteria that set it — for
 * every state, an active person included ("so long as you are registered, then …"). Pure: the
 * facts the retention engine uses, the policy in force, today. Dates are the ones the sweep acts
 * on (retention/evaluateRetention.ts): `date` the day something happens, `until` the last day kept.
 */
export interface RetentionPlanFacts {
  person: Pick<Person, 'state' | 'unsubscribedOn' | 'reducedToLegalHoldOn' | 'idRecordPurgedOn'>
  facts: RetentionFacts | null
  /** the record holds W&S procedures, special data or absence, ID copies (held now) */
  hasRecruitment: boolean
  hasSpecial: boolean
  hasIdCopies: boolean
  deletionDate: CalendarDate | null
}

export function retentionPlan(input: RetentionPlanFacts, policy: RetentionPolicy): RetentionPlanItem[] {
  const { person, facts } = input
  const employments = facts?.employments ?? []
  const employed = employments.length > 0
  const lastEnd = employed && employments.every((e) => e.end !== null) ? employments.map((e) => e.end!).reduce((a, b) => maxDate(a, b)) : null
  const term = (rule: keyof RetentionPolicy['rules']) => policy.rules[rule].term
  const hold = (rule: 'legal-hold-id-bsn' | 'legal-hold-payroll') => (lastEnd === null ? null : termEnd(lastEnd, term(rule)))
  const reducedOn = person.reducedToLegalHoldOn
  const availableUntil = lastEnd !== null && person.unsubscribedOn !== null ? maxDate(termEnd(lastEnd, term('worked-stopped')), person.unsubscribedOn) : null
  const items: RetentionPlanItem[] = []
  const add = (category: RetentionCategory, criterion: RetentionCriterion, params: Omit<RetentionPlanItem, 'category' | 'criterion'> = {}) =>
    items.push({ category, criterion, ...params })

  // Personal, contact and CV data: the record's own life.
  if (person.state === 'legal-hold') add('personal', 'cleared-at-reduction', { date: reducedOn })
  else if (person.state !== 'active') add('personal', 'shielded-until-deletion', { date: input.deletionDate })
  else if (availableUntil !== null) add('personal', 'unsubscribed-worked', { date: availableUntil })
  else if (employed) add('personal', 'registered-worked', { term: term('worked-stopped') })
  else add('personal', 'registered-never-worked', { term: term('unsubscribed-never-worked') })

  if (input.hasRecruitment) {
    if (person.state === 'legal-hold') add('recruitment', 'cleared-at-reduction', { date: reducedOn })
    else add('recruitment', 'recruitment', { term: term('ws-procedure-ended') })
  }

  if (employed) {
    // R-16, R-16a: the legal holds count from the end of the last employment.
    const idDelete = hold('legal-hold-id-bsn')
    if (person.idRecordPurgedOn !== null) add('id-record', 'purged', { date: person.idRecordPurgedOn })
    else if (idDelete !== null) {
      // Never purged while the person is still available (evaluateRetention: purge-id-record).
      const date = availableUntil !== null && compareDates(availableUntil, idDelete) > 0 ? availableUntil : idDelete
      add('id-record', 'id-record-until', { until: addCalendarDays(date, -1), date })
    } else add('id-record', 'id-record-while-employed', { term: term('legal-hold-id-bsn') })

    const payrollDelete = hold('legal-hold-payroll')
    if (payrollDelete !== null) add('payroll', 'payroll-until', { until: addCalendarDays(payrollDelete, -1), date: payrollDelete })
    else add('payroll', 'payroll-while-employed', { term: term('legal-hold-payroll') })
  } else if (input.hasIdCopies) {
    add('id-copy', 'id-copy-registration', { term: term('id-copy-registration') })
  }

  if (input.hasSpecial) add('special', 'while-ground-holds')

  if (person.state === 'legal-hold') add('history', 'cleared-at-reduction', { date: reducedOn })
  else add('history', 'with-the-data')
  return items
}
