/**
 * Operations of restriction and objection (REQUIREMENTS R-26; GDPR art. 18, 21): a privacy officer
 * records that a person restricts the processing of their data or objects to a purpose, each with
 * its reason and date, and lifts it again with a reason. Everyone who works with person records
 * sees what is in force (the person page shows it and stays read-only while a restriction holds).
 */
import { z } from 'zod'
import { OBJECTION_PURPOSES, PROCESSING_LIMIT_KINDS } from '../vocabulary'
import { oneOf, optional, requiredText, strictInput, uuidSchema } from '../validation/fields'
import { operation } from './operation'

const STAFF = ['staff', 'privacy_officer', 'admin'] as const
const PRIVACY_OFFICER = ['privacy_officer'] as const

/** Why a restriction or objection is recorded or lifted: free text about the person (R-19a). */
const limitReasonSchema = requiredText(500)

export const processingLimitSchema = z.object({
  id: z.string(),
  kind: z.enum(PROCESSING_LIMIT_KINDS),
  purpose: z.enum(OBJECTION_PURPOSES).nullable(),
  recordedOn: z.string(),
  recordedBy: z.string().nullable(),
  reason: z.string(),
  liftedOn: z.string().nullable(),
  liftedBy: z.string().nullable(),
  liftReason: z.string().nullable()
})
export type ProcessingLimitView = z.infer<typeof processingLimitSchema>

export const restrictionOperations = {
  listProcessingLimits: operation({
    summary: 'R-26: the restrictions and objections recorded for a person (in force and lifted), newest first.',
    access: STAFF,
    input: strictInput({ personId: uuidSchema, reason: optional(requiredText(500)) }),
    output: z.object({ restricted: z.boolean(), limits: z.array(processingLimitSchema) })
  }),
  recordRestriction: operation({
    summary: 'R-26 (art. 18): the data is kept but not used — no staff search hits, no disclosure, no edits — until lifted.',
    access: PRIVACY_OFFICER,
    input: strictInput({ personId: uuidSchema, reason: limitReasonSchema }),
    output: z.object({ limitId: z.string() })
  }),
  recordObjection: operation({
    summary: 'R-26 (art. 21): the person objects to a purpose; it is removed from the person and disclosures for it refuse.',
    access: PRIVACY_OFFICER,
    input: strictInput({ personId: uuidSchema, purpose: oneOf(OBJECTION_PURPOSES), reason: limitReasonSchema }),
    output: z.object({ limitId: z.string(), purposeRemoved: z.boolean() })
  }),
  liftProcessingLimit: operation({
    summary: 'R-26: lift a restriction or objection, with a reason (audited). A lifted objection does not re-add its purpose.',
    access: PRIVACY_OFFICER,
    input: strictInput({ limitId: uuidSchema, reason: limitReasonSchema }),
    output: z.object({ limitId: z.string(), kind: z.enum(PROCESSING_LIMIT_KINDS) })
  })
}
