/**
 * R-27 (GDPR art. 14(3)): the duty to inform a person whose data came from a public website or a
 * third party. Intake and import create the task (due one calendar month after the data came in,
 * at the latest at the first contact); staff see the open ones, overdue first, until they record
 * how and when the person was informed.
 */
import { z } from 'zod'
import { SOURCE_KINDS } from '../domain'
import { INFORM_METHODS } from '../vocabulary'
import { calendarDateSchema } from '../validation/calendarDate'
import { oneOf, strictInput, uuidSchema } from '../validation/fields'
import { operation } from './operation'

/** The people who contact persons: office staff and privacy officers. */
const INFORMERS = ['staff', 'privacy_officer'] as const

export const informTaskSchema = z.object({
  personId: z.string(),
  ref: z.string().nullable(),
  givenName: z.string(),
  familyName: z.string(),
  sourceKind: z.enum(SOURCE_KINDS),
  /** the date the data came in */
  obtainedOn: calendarDateSchema,
  /** one calendar month later, or the first contact if that came first */
  dueOn: calendarDateSchema,
  overdue: z.boolean()
})
export type InformTaskView = z.infer<typeof informTaskSchema>

export const informOperations = {
  listInformTasks: operation({
    summary: 'R-27: persons still to be informed that the agency holds their data (source: public website or third party), overdue first, then by due date; active records only (staff; audited).',
    access: INFORMERS,
    input: z.strictObject({ limit: z.number().int().min(1).max(1000).optional() }),
    output: z.object({ asOf: calendarDateSchema, total: z.number().int(), overdue: z.number().int(), items: z.array(informTaskSchema) })
  }),
  recordInformed: operation({
    summary: 'R-27: record that the person was informed — how (e-mail, phone, in person, letter) and on which date; the task leaves the list (staff; audited without values).',
    access: INFORMERS,
    // The date is checked against today and the date the data came in by the service.
    input: strictInput({ personId: uuidSchema, how: oneOf(INFORM_METHODS), informedOn: calendarDateSchema }),
    output: z.object({ personId: z.string(), informedOn: calendarDateSchema, how: z.enum(INFORM_METHODS) })
  })
}
