import type { CalendarDate, PersonRole, RetentionState } from '../../shared/domain'
import {
  addCalendarDays,
  addCalendarMonths,
  addCalendarYears,
  compareDates,
  endOfCalendarYear,
  maxDate,
  minDate
} from '../../shared/time'
import type { RetentionActionKind, RetentionPolicy, RetentionRuleId, RetentionTerm } from './policy'

export type { RetentionActionKind } from './policy'

/**
 * The retention engine (R-3a, R-4, R-11..R-17): a pure function from a person's facts, the policy
 * and today's Amsterdam date to the state the record should be in and the actions that are due.
 * Catch-up is built in: everything with a due date on or before `today` is due, however
 * long the app was closed. See README.md in this folder for the rules in plain words.
 */

export interface RetentionFacts {
  personId: string
  roles: PersonRole[]
  registeredOn: CalendarDate
  /** the person asked to stop mediation / unsubscribed (uitgeschreven); null = still active */
  unsubscribedOn: CalendarDate | null
  employments: { start: CalendarDate; end: CalendarDate | null }[]
  /** W&S recruitment procedures for a client */
  recruitment: { start: CalendarDate; end: CalendarDate | null }[]
  /** current stored state of the record */
  state: RetentionState
  /** ID copies attached (attachment kind 'id-copy'), with the date attached */
  idCopies: { attachmentId: string; addedOn: CalendarDate }[]
  /**
   * consents for special-category data; withdrawn ones are already purged elsewhere.
   * `dataPurgedOn`: the expired consent's data was already purged, so it is not due again.
   */
  consents: { consentId: string; endsOn: CalendarDate | null; withdrawnOn: CalendarDate | null; dataPurgedOn?: CalendarDate | null }[]
  /** whether the legal-hold-only reduction has already happened, and whether the ID/BSN record was already purged */
  reducedToLegalHoldOn: CalendarDate | null
  idRecordPurgedOn: CalendarDate | null
  /**
   * R-11a: the last recorded activity (shared/vocabulary `ACTIVITY_KINDS`), `person.lastActivityOn`.
   * The engine also counts the dates it already knows (registration, employment and procedure
   * dates; an open employment or procedure is activity every day), so a missing column value
   * can only make the clock earlier, never absent.
   */
  lastActivityOn: CalendarDate | null
}

export interface RetentionAction {
  kind: RetentionActionKind
  /** rule id */
  rule: RetentionRuleId
  dueDate: CalendarDate
  /** attachmentId / consentId */
  targetId?: string
}

/**
 * R-11a: the person's clock, always present: the next thing that happens to the record, the rule
 * it comes from and the date the rule counts from (`since`, never after `dueDate`). While no
 * person-level rule runs it is the re-confirmation task (`inactivity-reconfirm`), then its reply
 * deadline (`reconfirm-no-reply`); after that the record's own plan.
 */
export interface RetentionClock {
  rule: RetentionRuleId
  action: RetentionActionKind
  dueDate: CalendarDate
  since: CalendarDate
}

/** R-11a: when the person is asked to re-confirm, and the reply deadline (deemed unsubscribed then). */
export interface Reconfirmation {
  lastActivity: CalendarDate
  dueOn: CalendarDate
  deadline: CalendarDate
}

export interface RetentionEvaluation {
  /** state the record should be in as of today */
  state: RetentionState
  /** the rule that governs the person's record now (null: active, no clock running) */
  rule: RetentionRuleId | null
  /** every action whose dueDate <= today and not yet applied, in the order to apply */
  due: RetentionAction[]
  /** the earliest action with dueDate > today (for "wordt verwijderd op …") */
  next: RetentionAction | null
  /** the date the whole record will be deleted, when a clock runs */
  deletionDate: CalendarDate | null
  policyVersion: number
}

/**
 * Term ends already computed. The sweep and the preview evaluate every person, and most share their
 * start dates (a few thousand distinct days over the years), so each end is computed once: the
 * calendar arithmetic is the evaluator's main cost. Pure input → output; bounded by clearing.
 */
const termEnds = new Map<string, CalendarDate>()
const TERM_ENDS_MAX = 100_000

/** The end of a term counted from `start`; the action happens on this date (R-17: "on or after"). */
export function termEnd(start: CalendarDate, term: RetentionTerm): CalendarDate {
  const key = `${start}|${term.amount}|${term.unit}`
  let end = termEnds.get(key)
  if (end === undefined) {
    end = computeTermEnd(start, term)
    if (termEnds.size >= TERM_ENDS_MAX) termEnds.clear()
    termEnds.set(key, end)
  }
  return end
}

function computeTermEnd(start: CalendarDate, term: RetentionTerm): CalendarDate {
  switch (term.unit) {
    case 'days':
      return addCalendarDays(start, term.amount)
    case 'months':
      return addCalendarMonths(start, term.amount)
    case 'years':
      return addCalendarYears(start, term.amount)
    case 'fullCalendarYearsAfterYearEnd':
      // Kept N full calendar years after 31 Dec of the start's year, gone the day after: Wet LB art. 28
      // (5 after the year of leaving) and, R-16a, AWR art. 52 (7 after the fiscal year the last
      // payroll records belong to): ended 2025-10-30 → kept to 2032-12-31, deleted 2033-01-01.
      return addCalendarDays(addCalendarYears(endOfCalendarYear(start), term.amount), 1)
  }
}

/** Same-day actions run in this order: shield first, the record's deletion last. */
const ORDER: Record<RetentionActionKind, number> = {
  reconfirm: 0,
  'deem-unsubscribed': 0,
  shield: 0,
  'purge-attachment': 1,
  'purge-consent-data': 2,
  'reduce-to-legal-hold': 3,
  'purge-id-record': 4,
  delete: 5
}

function byDueDateThenOrder(a: RetentionAction, b: RetentionAction): number {
  return (
    compareDates(a.dueDate, b.dueDate) || ORDER[a.kind] - ORDER[b.kind] || (a.targetId ?? '').localeCompare(b.targetId ?? '')
  )
}

/** The person-level clock: the rule that runs and its actions (shield/reduce/purge-id/delete). */
interface RecordPlan {
  /** the rule while the record is active or shielded */
  rule: RetentionRuleId
  /** per action kind, the date its rule counts from (the clock's `since`) */
  since: Partial<Record<RetentionActionKind, CalendarDate>>
  /** the legal hold that governs once the record is reduced */
  holdRule: RetentionRuleId | null
  actions: RetentionAction[]
}

function latest(dates: CalendarDate[]): CalendarDate | null {
  const [first, ...rest] = dates
  return first === undefined ? null : maxDate(first, ...rest)
}

/** The last end date when every period has ended; null when there is none or one is still open. */
function lastEndOf(periods: { end: CalendarDate | null }[]): CalendarDate | null {
  const ends = periods.flatMap((p) => (p.end === null ? [] : [p.end]))
  return ends.length === periods.length ? latest(ends) : null
}

function earliest(dates: CalendarDate[]): CalendarDate | null {
  const [first, ...rest] = dates
  return first === undefined ? null : minDate(first, ...rest)
}

function planRecord(f: RetentionFacts, policy: RetentionPolicy): RecordPlan | null {
  // An open employment stops every person-level clock.
  if (f.employments.some((e) => e.end === null)) return null
  return f.employments.length > 0 ? planWorked(f, policy) : planNeverWorked(f, policy)
}

/** never employed; shielded, then deleted. */
function planNeverWorked(f: RetentionFacts, policy: RetentionPolicy): RecordPlan | null {
  // A running W&S procedure uses the data: no never-worked clock runs until it ends.
  if (f.recruitment.some((r) => r.end === null)) return null
  const lastProcedureEnd = lastEndOf(f.recruitment)
  const clocks: { rule: RetentionRuleId; start: CalendarDate; shieldOn: CalendarDate }[] = []
  // registered, never worked, unsubscribed (counted from the later of unsubscribing and the
  // end of the last W&S procedure, which kept the data in use).
  if (f.unsubscribedOn !== null) {
    const start = maxDate(f.unsubscribedOn, lastProcedureEnd ?? f.unsubscribedOn)
    clocks.push({ rule: 'unsubscribed-never-worked', start, shieldOn: start })
  }
  // W&S candidate whose procedures all ended and who is not an active registered candidate.
  // The 24 months count from the last procedure end; a registered candidate is shielded only
  // once they unsubscribe.
  const isCandidate = f.roles.includes('candidate')
  if (f.roles.includes('ws-candidate') && lastProcedureEnd !== null && (!isCandidate || f.unsubscribedOn !== null)) {
    const shieldOn = isCandidate && f.unsubscribedOn !== null ? maxDate(lastProcedureEnd, f.unsubscribedOn) : lastProcedureEnd
    clocks.push({ rule: 'ws-procedure-ended', start: lastProcedureEnd, shieldOn })
  }
  if (clocks.length === 0) return null

  // Both apply: shielded from the earlier shield date, deleted at the later deletion date (R-13's
  // claim-risk term covers the R-12 data too).
  const timed = clocks.map((c) => ({ ...c, deleteOn: termEnd(c.start, policy.rules[c.rule].term) }))
  const deleting = timed.reduce((a, b) => (compareDates(b.deleteOn, a.deleteOn) > 0 ? b : a))
  const shielding = timed.reduce((a, b) => (compareDates(b.shieldOn, a.shieldOn) < 0 ? b : a))
  return {
    rule: deleting.rule,
    since: { shield: shielding.start, delete: deleting.start },
    holdRule: null,
    actions: [
      { kind: 'shield', rule: shielding.rule, dueDate: shielding.shieldOn },
      { kind: 'delete', rule: deleting.rule, dueDate: deleting.deleteOn }
    ]
  }
}

/**
 * R-11 then R-16: worked, all employments ended, mediation stopped — really (unsubscribed) or
 * deemed (R-11a: no reply to the re-confirmation by its deadline; `f.unsubscribedOn` carries the
 * effective stop date). The legal holds count from the last employment end either way.
 */
function planWorked(f: RetentionFacts, policy: RetentionPolicy): RecordPlan | null {
  // Still registered and active (no stop, real or deemed): mediation goes on.
  const lastEnd = lastEndOf(f.employments)
  if (f.unsubscribedOn === null || lastEnd === null) return null
  // available (not shielded) until 2 years after the last employment, or the unsubscribe date if later.
  const availableUntil = maxDate(termEnd(lastEnd, policy.rules['worked-stopped'].term), f.unsubscribedOn)

  // legal holds counted from the last employment end; only those still running matter. The
  // last payroll records belong to the fiscal year of that end, which AWR art. 52 counts from (R-16a).
  const idHold = { rule: 'legal-hold-id-bsn' as const, end: termEnd(lastEnd, policy.rules['legal-hold-id-bsn'].term) }
  const payrollHold = { rule: 'legal-hold-payroll' as const, end: termEnd(lastEnd, policy.rules['legal-hold-payroll'].term) }
  const running = [idHold, payrollHold].filter((h) => compareDates(h.end, availableUntil) > 0)
  if (running.length === 0) {
    return {
      rule: 'worked-stopped',
      since: { delete: lastEnd },
      holdRule: null,
      actions: [{ kind: 'delete', rule: 'worked-stopped', dueDate: availableUntil }]
    }
  }

  // The longest legal duty keeps the (reduced) record; shorter ones purge their own data first.
  const longest = running.reduce((a, b) => (compareDates(b.end, a.end) >= 0 ? b : a))
  const actions: RetentionAction[] = [{ kind: 'reduce-to-legal-hold', rule: 'worked-stopped', dueDate: availableUntil }]
  if (longest !== idHold) {
    // Wet LB art. 28: purged only once the record is legal-hold, never while the person is active.
    actions.push({ kind: 'purge-id-record', rule: idHold.rule, dueDate: maxDate(idHold.end, availableUntil) })
  }
  actions.push({ kind: 'delete', rule: longest.rule, dueDate: longest.end })
  return { rule: 'worked-stopped', since: { 'reduce-to-legal-hold': lastEnd, 'purge-id-record': lastEnd, delete: lastEnd }, holdRule: longest.rule, actions }
}

/**
 * R-3a (Waadi art. 7c): an ID copy taken at registration lives 4 weeks, whatever the record's
 * state. When the person entered employment within those 4 weeks, the copy became part of the
 * employer's wage-tax records and goes with `purge-id-record` instead.
 */
function idCopyActions(f: RetentionFacts, policy: RetentionPolicy): RetentionAction[] {
  const firstEmploymentStart = earliest(f.employments.map((e) => e.start))
  return f.idCopies.flatMap((copy) => {
    const dueDate = termEnd(copy.addedOn, policy.rules['id-copy-registration'].term)
    const employedWithinTerm = firstEmploymentStart !== null && compareDates(firstEmploymentStart, dueDate) < 0
    return employedWithinTerm ? [] : [{ kind: 'purge-attachment' as const, rule: 'id-copy-registration' as const, dueDate, targetId: copy.attachmentId }]
  })
}

/** special data under a consent is kept through its last valid day, purged the day after. */
function consentActions(f: RetentionFacts, policy: RetentionPolicy): RetentionAction[] {
  return f.consents.flatMap((c) =>
    c.endsOn === null || c.withdrawnOn !== null || (c.dataPurgedOn ?? null) !== null
      ? []
      : [
          {
            kind: 'purge-consent-data' as const,
            rule: 'consent-expired' as const,
            dueDate: termEnd(c.endsOn, policy.rules['consent-expired'].term),
            targetId: c.consentId
          }
        ]
  )
}

/** Whether a person-level action was already applied to the stored record (idempotence). */
function isApplied(a: RetentionAction, f: RetentionFacts): boolean {
  switch (a.kind) {
    case 'shield':
      return f.state !== 'active'
    case 'reduce-to-legal-hold':
      return f.reducedToLegalHoldOn !== null
    case 'purge-id-record':
      return f.idRecordPurgedOn !== null
    default:
      // Deleted records and purged attachments/consent data are no longer in the facts.
      return false
  }
}

/**
 * R-11a: the last activity the engine can see, the re-confirmation date (12 months later by
 * default) and its reply deadline (1 month after that). An open employment or W&S procedure is
 * activity every day (`today`).
 */
export function reconfirmationOf(f: RetentionFacts, policy: RetentionPolicy, today: CalendarDate): Reconfirmation {
  const dates: CalendarDate[] = [f.registeredOn]
  if (f.lastActivityOn !== null) dates.push(f.lastActivityOn)
  for (const p of f.employments) {
    dates.push(p.start)
    dates.push(p.end ?? today)
  }
  for (const p of f.recruitment) {
    dates.push(p.start)
    dates.push(p.end ?? today)
  }
  const lastActivity = maxDate(f.registeredOn, ...dates)
  const dueOn = termEnd(lastActivity, policy.rules['inactivity-reconfirm'].term)
  return { lastActivity, dueOn, deadline: termEnd(dueOn, policy.rules['reconfirm-no-reply'].term) }
}

/** The evaluation and the person's clock (R-11a: never without a due date). */
export interface RetentionOutlook {
  evaluation: RetentionEvaluation
  clock: RetentionClock
  reconfirmation: Reconfirmation
}

export function evaluateRetention(facts: RetentionFacts, policy: RetentionPolicy, today: CalendarDate): RetentionEvaluation {
  return evaluateRetentionOutlook(facts, policy, today).evaluation
}

export function evaluateRetentionOutlook(facts: RetentionFacts, policy: RetentionPolicy, today: CalendarDate): RetentionOutlook {
  const reconfirmation = reconfirmationOf(facts, policy, today)
  // R-11a: no reply by the deadline → treated as unsubscribed on that date (a real, earlier
  // unsubscribe wins). Only once the deadline has passed: until then the person can still reply.
  const deemed = compareDates(reconfirmation.deadline, today) <= 0 ? reconfirmation.deadline : null
  const stop = deemed === null ? facts.unsubscribedOn : facts.unsubscribedOn === null ? deemed : minDate(facts.unsubscribedOn, deemed)
  const plan = planRecord(stop === facts.unsubscribedOn ? facts : { ...facts, unsubscribedOn: stop }, policy)
  const all = [...(plan?.actions ?? []), ...idCopyActions(facts, policy), ...consentActions(facts, policy)].sort(byDueDateThenOrder)

  // Nothing happens to a record after its deletion.
  const deleteAt = all.findIndex((a) => a.kind === 'delete')
  const lifetime = deleteAt === -1 ? all : all.slice(0, deleteAt + 1)
  const pending = lifetime.filter((a) => !isApplied(a, facts))
  const isDue = (a: RetentionAction): boolean => compareDates(a.dueDate, today) <= 0
  const due = pending.filter(isDue)
  const next = pending.find((a) => !isDue(a)) ?? null

  const reached = (kind: RetentionActionKind): boolean => lifetime.some((a) => a.kind === kind && isDue(a))
  // The marker counts only while a legal hold still applies to the current facts.
  const reduced = reached('reduce-to-legal-hold') || (facts.reducedToLegalHoldOn !== null && plan?.holdRule != null)
  const state: RetentionState = reached('delete')
    ? 'due-for-deletion'
    : reduced
      ? 'legal-hold'
      : reached('shield')
        ? 'shielded'
        : 'active'

  const evaluation: RetentionEvaluation = {
    state,
    rule: plan === null ? null : reduced && plan.holdRule !== null ? plan.holdRule : plan.rule,
    due,
    next,
    deletionDate: lifetime.find((a) => a.kind === 'delete')?.dueDate ?? null,
    policyVersion: policy.version
  }
  return { evaluation, clock: clockOf(plan, pending, reconfirmation, today), reconfirmation }
}

/** The record's next person-level step; without a running plan, the re-confirmation task (R-11a). */
function clockOf(plan: RecordPlan | null, pending: RetentionAction[], r: Reconfirmation, today: CalendarDate): RetentionClock {
  const step = plan === null ? undefined : pending.find((a) => plan.actions.includes(a))
  if (plan !== null && step !== undefined) {
    return { rule: step.rule, action: step.kind, dueDate: step.dueDate, since: plan.since[step.kind] ?? step.dueDate }
  }
  if (compareDates(r.dueOn, today) > 0) {
    return { rule: 'inactivity-reconfirm', action: 'reconfirm', dueDate: r.dueOn, since: r.lastActivity }
  }
  return { rule: 'reconfirm-no-reply', action: 'deem-unsubscribed', dueDate: r.deadline, since: r.dueOn }
}
