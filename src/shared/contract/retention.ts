import { z } from 'zod'
import { requiredText } from '../validation/fields'
import { RETENTION_STATES } from '../domain'
import { RECONFIRMATION_METHODS, RECONFIRMATION_OUTCOMES, RETENTION_ACTION_KINDS, RETENTION_RULE_IDS, RETENTION_TERM_UNITS } from '../vocabulary'
import { calendarDateSchema } from '../validation/calendarDate'
import { operation } from './operation'

/**
 * Operations of the retention capability (R-10..R-17). The rule ids, actions and term units are
 * shared/vocabulary's, which the engine (`src/main/retention/policy.ts`) uses too.
 */
export { RETENTION_ACTION_KINDS as RETENTION_ACTIONS, RETENTION_RULE_IDS, RETENTION_TERM_UNITS }
export type {
  RetentionActionKind as RetentionActionWire,
  RetentionRuleId as RetentionRuleIdWire,
  RetentionTermUnit as RetentionTermUnitWire
} from '../vocabulary'

/** What started a sweep: the catch-up at unlock, the periodic timer, or a privacy officer (app or CLI). */
export const RETENTION_TRIGGERS = ['unlock', 'scheduler', 'manual'] as const
export type RetentionTrigger = (typeof RETENTION_TRIGGERS)[number]

const ruleId = z.enum(RETENTION_RULE_IDS)
const action = z.enum(RETENTION_ACTION_KINDS)
const termSchema = z.strictObject({
  amount: z.number().int().min(0).max(1200),
  unit: z.enum(RETENTION_TERM_UNITS)
})

export const retentionPreviewItemSchema = z.object({
  id: z.string(),
  ref: z.string().nullable(),
  /** the stored state now */
  state: z.enum(RETENTION_STATES),
  rule: ruleId,
  /** the first action still to be applied (overdue ones first) */
  action,
  dueDate: calendarDateSchema,
  /** R-26 (art. 18): a restriction of processing is in force; the sweep keeps the data as it is until it is lifted */
  held: z.boolean()
})
export type RetentionPreviewItem = z.infer<typeof retentionPreviewItemSchema>

/** R-11a: a person's clock — the next step, the rule it comes from, its date and the date it counts from. */
export const retentionClockSchema = z.object({
  id: z.string(),
  ref: z.string().nullable(),
  state: z.enum(RETENTION_STATES),
  rule: ruleId,
  action,
  dueDate: calendarDateSchema,
  since: calendarDateSchema
})
export type RetentionClockItem = z.infer<typeof retentionClockSchema>

/** R-11a: a person due for re-confirmation, as staff see it (no other data). */
export const reconfirmationDueSchema = z.object({
  personId: z.string(),
  ref: z.string().nullable(),
  givenName: z.string(),
  familyName: z.string(),
  lastActivityOn: calendarDateSchema,
  dueOn: calendarDateSchema,
  /** without a reply by this date the person is treated as unsubscribed */
  deadline: calendarDateSchema
})
export type ReconfirmationDueItem = z.infer<typeof reconfirmationDueSchema>

/** Dashboard counts: pending actions due on or before asOf, and within 7/30/90 days (cumulative). */
export const retentionDueCountSchema = z.object({
  rule: ruleId,
  action,
  dueNow: z.number().int(),
  within7: z.number().int(),
  within30: z.number().int(),
  within90: z.number().int()
})

/**
 * A manual run's result names at most this many persons (the first it changed); `personsChanged`
 * counts them all. At a million persons a run changes a hundred thousand: a list of them all is
 * megabytes to pass between processes and nothing a screen can show.
 */
export const RUN_PERSONS_LISTED = 200

export const retentionRunSchema = z.object({
  id: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  asOf: calendarDateSchema,
  policyVersion: z.number().int(),
  /** `<action>:<rule>` → how many times it was applied */
  counts: z.record(z.string(), z.number().int()),
  durationMs: z.number().nullable(),
  trigger: z.string(),
  /** null: the system's own scheduled run */
  actorId: z.string().nullable(),
  /** only on the result of a run just made: persons evaluated and persons changed */
  evaluated: z.number().int().optional(),
  personsChanged: z.number().int().optional(),
  /** only on the result of a run just made: persons with something due whose data a restriction of processing keeps (R-26, art. 18) */
  heldByRestriction: z.number().int().optional(),
  /** only on a confirmed run: persons left for the next run because their actions changed while it ran */
  changedSincePlan: z.number().int().optional(),
  /** only on a manual run just made: what was done per person (the record may no longer exist), the first `RUN_PERSONS_LISTED` */
  persons: z
    .array(z.object({ personId: z.string(), ref: z.string().nullable(), actions: z.array(z.object({ action, rule: ruleId })) }))
    .max(RUN_PERSONS_LISTED)
    .optional()
})
export type RetentionRunView = z.infer<typeof retentionRunSchema>

/**
 * Issue 16: what a run as of `asOf` will do (the sweep's own choice of actions), with names for
 * the privacy officer, and the digest the run is confirmed with.
 */
export const retentionPlanSchema = z.object({
  asOf: calendarDateSchema,
  policyVersion: z.number().int(),
  digest: z.string(),
  /** persons with something due whose data a restriction of processing keeps; the run leaves them as they are */
  heldByRestriction: z.number().int(),
  counts: z.array(z.object({ action, rule: ruleId, count: z.number().int() })),
  persons: z.array(
    z.object({
      personId: z.string(),
      ref: z.string().nullable(),
      givenName: z.string(),
      familyName: z.string(),
      state: z.enum(RETENTION_STATES),
      actions: z.array(z.object({ action, rule: ruleId }))
    })
  )
})
export type RetentionPlanView = z.infer<typeof retentionPlanSchema>

export const retentionRuleViewSchema = z.object({
  id: ruleId,
  requirement: z.string(),
  law: z.string().nullable(),
  description: z.string(),
  term: termSchema,
  action
})

export const retentionPolicyViewSchema = z.object({
  version: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  note: z.string().nullable(),
  /** rule ids whose term differs from the previous version (empty for the first) */
  changedRules: z.array(ruleId),
  rules: z.array(retentionRuleViewSchema)
})
export type RetentionPolicyView = z.infer<typeof retentionPolicyViewSchema>

export const shieldedRecordSchema = z.object({
  id: z.string(),
  ref: z.string().nullable(),
  rule: ruleId.nullable(),
  shieldedOn: calendarDateSchema.nullable(),
  deletionDate: calendarDateSchema.nullable()
})

export const personRetentionSchema = z.object({
  personId: z.string(),
  state: z.enum(RETENTION_STATES),
  rule: ruleId.nullable(),
  nextAction: z.object({ action, rule: ruleId, dueDate: calendarDateSchema }).nullable(),
  deletionDate: calendarDateSchema.nullable(),
  /** plain words: an i18n key under `retention.explain` and its params (dates as YYYY-MM-DD) */
  explanation: z.object({ key: z.string(), params: z.record(z.string(), z.string()) }),
  policyVersion: z.number().int()
})
export type PersonRetention = z.infer<typeof personRetentionSchema>

export const retentionOperations = {
  previewRetention: operation({
    summary: 'What the retention sweep would do as of a date (any date; changes nothing): each person\'s first pending action, and counts per rule (privacy officer).',
    access: ['privacy_officer'],
    input: z.strictObject({
      asOf: calendarDateSchema.optional(),
      /** only items due within this many days after asOf (the dashboard uses 90); all when absent */
      horizonDays: z.number().int().min(0).max(36500).optional(),
      /** R-11a: also every person's clock (next step and date, never missing) */
      clocks: z.boolean().optional()
    }),
    output: z.object({
      asOf: calendarDateSchema,
      policyVersion: z.number().int(),
      items: z.array(retentionPreviewItemSchema),
      counts: z.array(retentionDueCountSchema),
      clocks: z.array(retentionClockSchema).optional()
    })
  }),
  planRetention: operation({
    summary: 'Dry run: exactly what a retention run as of today (or a past date) would do — counts per action and rule, each person with reference, name and actions — and the digest to confirm it with (privacy officer; audited).',
    access: ['privacy_officer'],
    input: z.strictObject({ asOf: calendarDateSchema.optional() }),
    output: retentionPlanSchema
  }),
  runRetention: operation({
    summary:
      'Apply every retention action due as of today, or a past date for a backdated catch-up; never a future date. With `digest` (from planRetention) the run is refused with RETENTION_PLAN_CHANGED when the plan changed, and does nothing that was not in it (privacy officer).',
    access: ['privacy_officer'],
    input: z.strictObject({ asOf: calendarDateSchema.optional(), digest: z.string().regex(/^[0-9a-f]{64}$/, { error: 'validation.type' }).optional() }),
    output: retentionRunSchema
  }),
  getRetentionProgress: operation({
    summary: 'How far the retention run in progress is: persons handled of those due (privacy officer).',
    access: ['privacy_officer'],
    input: z.strictObject({}),
    output: z.object({ running: z.boolean(), done: z.number().int(), total: z.number().int() })
  }),
  getRetentionPolicy: operation({
    summary: 'The retention policy in force and its version history.',
    access: 'signedIn',
    input: z.strictObject({}),
    output: z.object({ current: retentionPolicyViewSchema, versions: z.array(retentionPolicyViewSchema) })
  }),
  updateRetentionPolicy: operation({
    summary: 'Save new retention terms as a new policy version (privacy officer; audited; legal minimums and maximums are enforced).',
    access: ['privacy_officer'],
    input: z.strictObject({
      terms: z.record(ruleId, termSchema),
      note: requiredText(500)
    }),
    output: retentionPolicyViewSchema
  }),
  listRetentionRuns: operation({
    summary: 'The retention run log, newest first (privacy officer).',
    access: ['privacy_officer'],
    input: z.strictObject({ limit: z.number().int().min(1).max(1000).optional() }),
    output: z.array(retentionRunSchema)
  }),
  listShielded: operation({
    summary: 'Shielded records (R-14): id, reference, rule, shielded on, deletion date — no other data (privacy officer).',
    access: ['privacy_officer'],
    input: z.strictObject({}),
    output: z.array(shieldedRecordSchema)
  }),
  listReconfirmationsDue: operation({
    summary: 'R-11a: persons due for re-confirmation (12 months without activity, reply deadline not passed), earliest deadline first: name, reference, last activity, deadline; shielded records excluded (staff; audited).',
    access: ['staff', 'privacy_officer'],
    input: z.strictObject({ limit: z.number().int().min(1).max(1000).optional() }),
    output: z.object({ asOf: calendarDateSchema, total: z.number().int(), items: z.array(reconfirmationDueSchema) })
  }),
  recordReconfirmation: operation({
    summary: 'R-11a: the person\'s answer to the re-confirmation — confirmed (activity today, the clock restarts) or wants to leave (unsubscribed today) — and how it came in (staff; audited without values).',
    access: ['staff', 'privacy_officer'],
    input: z.strictObject({ personId: z.uuid(), outcome: z.enum(RECONFIRMATION_OUTCOMES), how: z.enum(RECONFIRMATION_METHODS) }),
    output: z.object({
      personId: z.string(),
      outcome: z.enum(RECONFIRMATION_OUTCOMES),
      clock: z.object({ rule: ruleId, action, dueDate: calendarDateSchema, since: calendarDateSchema })
    })
  }),
  getPersonRetention: operation({
    summary: 'A person\'s retention state, rule, next action and deletion date, in plain words (staff; restricted records: privacy officer).',
    access: ['staff', 'privacy_officer'],
    input: z.strictObject({ personId: z.uuid() }),
    output: personRetentionSchema
  })
}
