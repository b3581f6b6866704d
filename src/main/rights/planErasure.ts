import type { ErasureHold, ErasureHoldRule } from '../../shared/contract/rights'
import type { CalendarDate } from '../../shared/domain'
import { addCalendarDays, compareDates, maxDate } from '../../shared/time'
import { termEnd } from '../retention/evaluateRetention'
import { CLEARED_AT_REDUCTION, ID_RECORD_FIELDS, PAYROLL_HOLD_FIELDS } from '../retention/legalHoldData'

/** The person columns an erasure deals with: every data field that no legal duty or bookkeeping covers is in CLEARED_AT_REDUCTION. */
export const ERASABLE_FIELDS: readonly string[] = [...PAYROLL_HOLD_FIELDS, ...ID_RECORD_FIELDS, ...CLEARED_AT_REDUCTION]
import type { RetentionPolicy } from '../retention/policy'

/**
 * R-19 with R-16 ("law first"): what an erasure on request deletes now, and what a legal duty
 * makes the agency keep, under which law and until when. A pure function over plain facts; the
 * erasure service carries the plan out with the retention sweep's own actions
 * (`reduceToLegalHold`, `purgeIdRecord`, `deletePersonDefinitively`), so preview and deed agree.
 *
 * - Never employed: nothing must stay, the whole record goes (tombstone, R-15).
 * - Employed, every employment ended: the payroll basic data (AWR art. 52, 7 years after the end of
 *   the calendar year the last employment ended in, R-16a) and the ID/BSN record with ID copies
 *   (Wet LB art. 28, 5 full calendar years after the year it ended) stay while their term runs,
 *   restricted to payroll; the rest goes.
 *   When no term runs any more, the whole record goes.
 * - An employment still running: the data is needed for the contract and wage tax; erasure waits
 *   until it has ended (blocked).
 * The agency's own terms (R-11..R-13) give way to the request; only legal duties keep data.
 */

/** The child rows of a person an erasure deals with, by kind. */
export const RECORD_KINDS = [
  'employments',
  'idCopies',
  'attachments',
  'consents',
  'specialData',
  'disclosures',
  'fieldChanges',
  'absence',
  'recruitmentProcedures'
] as const
export type RecordKind = (typeof RECORD_KINDS)[number]

export interface ErasureSubject {
  /** Names of the person's data columns that hold a value (R-2, R-3 and the source detail). */
  filledFields: readonly string[]
  /** How many rows of each kind exist (`attachments` excludes ID copies). */
  records: Readonly<Partial<Record<RecordKind, number>>>
  employments: readonly { start: CalendarDate; end: CalendarDate | null }[]
}

export interface ErasurePlan {
  outcome: 'delete' | 'legal-hold' | 'blocked'
  blockedBy: 'employment-ongoing' | null
  deleted: { fields: string[]; records: { kind: RecordKind; count: number }[] }
  kept: ErasureHold[]
  /** The legal hold that governs the reduced record (its end deletes the record). */
  holdRule: ErasureHoldRule | null
  /** The ID/BSN record's own term is over while the payroll term runs: purge it now. */
  purgeIdRecord: boolean
}

/** Which data each legal duty keeps (`retention/legalHoldData.ts`). */
const HOLD_FIELDS: Record<ErasureHoldRule, readonly string[]> = {
  'legal-hold-payroll': PAYROLL_HOLD_FIELDS,
  'legal-hold-id-bsn': ID_RECORD_FIELDS
}
const HOLD_RECORDS: Record<ErasureHoldRule, readonly RecordKind[]> = {
  'legal-hold-payroll': ['employments'],
  'legal-hold-id-bsn': ['idCopies']
}
/** Rows the reduction always removes (`reduceToLegalHold`). */
const REMOVED_AT_REDUCTION: readonly RecordKind[] = ['attachments', 'consents', 'specialData', 'disclosures', 'fieldChanges', 'absence', 'recruitmentProcedures']

export function planErasure(subject: ErasureSubject, policy: RetentionPolicy, today: CalendarDate): ErasurePlan {
  const count = (kind: RecordKind): number => subject.records[kind] ?? 0
  const rows = (kinds: readonly RecordKind[]) => kinds.filter((k) => count(k) > 0).map((kind) => ({ kind, count: count(kind) }))
  const fieldsIn = (list: readonly string[]) => subject.filledFields.filter((f) => list.includes(f))

  if (subject.employments.some((e) => e.end === null)) {
    return { outcome: 'blocked', blockedBy: 'employment-ongoing', deleted: { fields: [], records: [] }, kept: [], holdRule: null, purgeIdRecord: false }
  }
  const ends = subject.employments.map((e) => e.end as CalendarDate)
  const lastEnd = ends.length > 0 ? maxDate(ends[0]!, ...ends.slice(1)) : null
  const holds =
    lastEnd === null
      ? []
      : (['legal-hold-payroll', 'legal-hold-id-bsn'] as const)
          .map((rule) => ({ rule, deletedOn: termEnd(lastEnd, policy.rules[rule].term) }))
          // Due today is due: the sweep would delete it today, so an erasure does not keep it.
          .filter((h) => compareDates(h.deletedOn, today) > 0)

  if (holds.length === 0) {
    return {
      outcome: 'delete',
      blockedBy: null,
      deleted: { fields: [...subject.filledFields], records: rows(RECORD_KINDS) },
      kept: [],
      holdRule: null,
      purgeIdRecord: false
    }
  }

  const longest = holds.reduce((a, b) => (compareDates(b.deletedOn, a.deletedOn) > 0 ? b : a))
  const idRuns = holds.some((h) => h.rule === 'legal-hold-id-bsn')
  const payrollRuns = holds.some((h) => h.rule === 'legal-hold-payroll')
  const kept: ErasureHold[] = holds.map((h) => {
    // The reduced record keeps its payroll core while any hold runs; it is listed under the
    // payroll duty, or under the ID duty when that is the only one left.
    const alsoPayroll = h.rule === 'legal-hold-id-bsn' && !payrollRuns
    return {
      rule: h.rule,
      law: policy.rules[h.rule].law ?? policy.rules[h.rule].requirement,
      fields: [...fieldsIn(HOLD_FIELDS[h.rule]), ...(alsoPayroll ? fieldsIn(PAYROLL_HOLD_FIELDS) : [])],
      records: rows([...HOLD_RECORDS[h.rule], ...(alsoPayroll ? HOLD_RECORDS['legal-hold-payroll'] : [])]),
      keptUntil: addCalendarDays(h.deletedOn, -1),
      deletedOn: h.deletedOn
    }
  })
  const keptFields = new Set(kept.flatMap((h) => h.fields))
  return {
    outcome: 'legal-hold',
    blockedBy: null,
    deleted: {
      // Everything else a column holds: contact and intake data (CLEARED_AT_REDUCTION) and, when
      // its own term is over, the ID/BSN record.
      fields: subject.filledFields.filter((f) => !keptFields.has(f)),
      records: rows([...REMOVED_AT_REDUCTION, ...(idRuns ? [] : (['idCopies'] as const))])
    },
    kept,
    holdRule: longest.rule,
    purgeIdRecord: !idRuns && (fieldsIn(ID_RECORD_FIELDS).length > 0 || count('idCopies') > 0)
  }
}
