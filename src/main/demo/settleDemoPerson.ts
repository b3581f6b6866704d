import type { CalendarDate } from '../../shared/domain'
import { addCalendarDays, compareDates, minDate } from '../../shared/time'
import type { InformTask } from '../vault/entities/InformTask'
import type { Person } from '../vault/entities/Person'
import type { PersonRows } from '../people/importRows'
import { informTaskFor } from '../people/informTasks'
import { evaluateRetention, type RetentionEvaluation, type RetentionFacts } from '../retention/evaluateRetention'
import { CLEARED_AT_REDUCTION, ID_RECORD_FIELDS } from '../retention/legalHoldData'
import type { RetentionPolicy } from '../retention/policy'

/**
 * Issue 16 point 8: demo data as of today. A generated person is put in the state the retention
 * engine says the record would be in on `today` had the agency used Dossier all along, so the first
 * sign-in after `seed-demo` (the catch-up sweep) finds nothing to do:
 * - a record whose deletion date has passed was deleted long ago: it is not seeded (null);
 * - a due shield, reduction to the legal hold or ID/BSN purge is applied on the date
 *   it fell due, exactly as the sweep would have applied it (same fields cleared, same purposes,
 *   same governing rule);
 * - a person found on a public website has the duty-to-inform task; told within the month
 *   (by e-mail) when that month is over, still open when it is not.
 * Pure: the policy and `today` are arguments.
 */
export interface SettledDemoRows extends PersonRows {
  informTasks: InformTask[]
}

export function settleDemoPerson(rows: PersonRows, policy: RetentionPolicy, today: CalendarDate, newId: () => string): SettledDemoRows | null {
  const evaluation = evaluateRetention(demoFacts(rows), policy, today)
  if (evaluation.due.some((a) => a.kind === 'delete')) return null
  const settled = applyAsOfDueDates(rows, evaluation)
  return { ...settled, informTasks: settled.person.state === 'active' ? informTasks(settled.person, today, newId) : [] }
}

/** The engine's facts of a freshly generated person (no attachments, consents or retention marks yet). */
export function demoFacts(rows: PersonRows): RetentionFacts {
  const p = rows.person
  return {
    personId: p.id,
    roles: rows.roles.map((r) => r.role),
    registeredOn: p.registeredOn,
    unsubscribedOn: p.unsubscribedOn,
    employments: rows.employments.map((e) => ({ start: e.start, end: e.end })),
    recruitment: rows.recruitment.map((r) => ({ start: r.start, end: r.end })),
    state: p.state,
    idCopies: [],
    consents: [],
    reducedToLegalHoldOn: p.reducedToLegalHoldOn,
    idRecordPurgedOn: p.idRecordPurgedOn,
    lastActivityOn: p.lastActivityOn
  }
}

/** retention/applyDueActions.ts's effects on the rows, each dated on the day it fell due. */
function applyAsOfDueDates(rows: PersonRows, evaluation: RetentionEvaluation): PersonRows {
  let person: Person = { ...rows.person }
  let { purposes, recruitment } = rows
  const governing = evaluation.rule
  for (const action of evaluation.due) {
    switch (action.kind) {
      case 'shield':
        person = { ...person, state: 'shielded', shieldedOn: action.dueDate, retentionRule: governing ?? action.rule }
        break
      case 'reduce-to-legal-hold':
        person = { ...person, ...cleared(CLEARED_AT_REDUCTION), state: 'legal-hold', reducedToLegalHoldOn: action.dueDate, retentionRule: governing ?? action.rule }
        purposes = [{ personId: person.id, purpose: 'payroll', legalBasis: 'legal-obligation' }]
        recruitment = []
        break
      case 'purge-id-record':
        person = { ...person, ...cleared(ID_RECORD_FIELDS), idRecordPurgedOn: action.dueDate }
        break
      default:
        // The demo has no ID copies or consents; the deletion was handled by the caller.
        break
    }
  }
  return { ...rows, person, purposes, recruitment }
}

function cleared(fields: readonly (keyof Person)[]): Partial<Person> {
  return Object.fromEntries(fields.map((f) => [f, null]))
}

/** informed within the month by e-mail once it has passed (a few days after registering); open while it runs. */
function informTasks(person: Person, today: CalendarDate, newId: () => string): InformTask[] {
  const task = informTaskFor(person.id, person.sourceKind, person.registeredOn, newId())
  if (task === null) return []
  if (compareDates(task.dueOn, today) >= 0) return [task]
  const doneOn = minDate(addCalendarDays(task.obtainedOn, 1 + (Number(person.registeredOn.slice(8, 10)) % 10)), task.dueOn)
  return [{ ...task, doneOn, doneHow: 'email', recordedAt: `${doneOn}T09:00:00.000Z` }]
}
