/**
 * Operations of the relations capability (REQUIREMENTS, R-9a): client companies
 * (opdrachtgevers → `client` in code) and their contact persons, assignments (an employment at a
 * client), and disclosures of a person's data to a client ("Delen met opdrachtgever").
 *
 * Which fields a disclosure may carry is data (`resources/disclosure-allowed-fields.json`, read by
 * `src/main/relations/disclosureRules.ts`); the vocabularies below are shared so the renderer can
 * label them. Every input is strict: an unknown key is an error.
 */
import { z } from 'zod'
import { EMPLOYMENT_KINDS, PERSON_DATA_FIELDS, PURPOSES, type PersonDataField } from '../domain'
import { DISCLOSURE_PURPOSES } from '../vocabulary'
import { NAME_MAX } from '../person/personSchema'
import { calendarDateSchema } from '../validation/calendarDate'
import { emailSchema } from '../validation/email'
import { distinctList, flagSchema, listOf, oneOf, optional, optionalText, requiredText, strictInput, uuidSchema } from '../validation/fields'
import { phoneSchema } from '../validation/phone'
import { postcodeSchema } from '../validation/postcode'
import { operation } from './operation'

/** Office staff, privacy officers and administrators: everyone who works with person records. */
const STAFF = ['staff', 'privacy_officer', 'admin'] as const

// ---------------------------------------------------------------------------------------------
// Vocabularies

// why data goes to a client (shared/vocabulary, with its labels).
export { DISCLOSURE_PURPOSES }
export type { DisclosurePurpose } from '../vocabulary'

/**
 * The person's fields a disclosure can name, in the order the shared profile prints them, plus two
 * that can be asked for but never leave through this path: `idCopy` (a copy of the identity
 * document, R-9) and `specialData` (any special-category data, R-4). Derived from the one list of
 * person fields (PERSON_DATA_FIELDS); administrative facts (registration, verification and
 * unsubscribe dates) are not a client's business and are absent.
 */
const NOT_DISCLOSABLE = ['idVerifiedOn'] as const
type DisclosableDataField = Exclude<PersonDataField, (typeof NOT_DISCLOSABLE)[number]>
const isDisclosable = (f: PersonDataField): f is DisclosableDataField => !(NOT_DISCLOSABLE as readonly string[]).includes(f)
type DisclosureFieldName = DisclosableDataField | 'idCopy' | 'specialData'
const [firstDisclosable, ...moreDisclosable] = PERSON_DATA_FIELDS.filter(isDisclosable)
// A tuple with a first member, as zod's enum wants it: `givenName` is always the first field.
export const DISCLOSURE_FIELDS: readonly [DisclosureFieldName, ...DisclosureFieldName[]] = [firstDisclosable ?? 'givenName', ...moreDisclosable, 'idCopy', 'specialData']
export type DisclosureField = (typeof DISCLOSURE_FIELDS)[number]

/**
 * What the rules say about one field for one purpose: shared without more (`allowed`), only with a
 * recorded reason (`needs-reason`), only with a reason and the person's consent to this disclosure
 * (`needs-consent`, R-9a), or not at all (`forbidden`).
 */
export const FIELD_VERDICTS = ['allowed', 'needs-reason', 'needs-consent', 'forbidden'] as const
export type FieldVerdict = (typeof FIELD_VERDICTS)[number]

/** Why a field got its verdict; the renderer shows `relations.why.<code>`. */
export const VERDICT_WHYS = [
  'on-list', // on the purpose's allowed list (R-9a)
  'outside-list', // not on the list: a reason is needed (R-9a)
  'consent-required', // IBAN, nationality, marital status… only with the person's consent (R-9a)
  'bsn-identification-only', // the BSN goes to a client only for its identification duty
  'identification-bsn-only', // for the identification duty only the BSN is shared
  'id-copy-never', // an identity-document copy is never shared
  'special-never', // special-category data never leaves through this path
  'never-list' // on the configured never-shared list (R-9a)
] as const
export type VerdictWhy = (typeof VERDICT_WHYS)[number]

/** Conditions of a purpose the person or client does not meet yet (createDisclosure refuses). */
export const DISCLOSURE_BLOCKERS = ['assignment-required', 'purpose-not-recorded'] as const
export type DisclosureBlocker = (typeof DISCLOSURE_BLOCKERS)[number]

/** The languages the shared profile can be printed in. */
export const DOCUMENT_LANGS = ['nl', 'en'] as const

// ---------------------------------------------------------------------------------------------
// Inputs

/** a client's NAW, e-mail and phone, all optional except the name. */
const clientFields = {
  name: requiredText(200),
  street: optional(requiredText(200)),
  houseNumber: optional(requiredText(20)),
  postcode: optional(postcodeSchema),
  city: optional(requiredText(100)),
  email: optional(emailSchema),
  phone: optional(phoneSchema)
}
export const clientInputSchema = strictInput(clientFields)
export type ClientInput = z.input<typeof clientInputSchema>

/** A field a change may clear: absent = unchanged; `null` or blank text = cleared. */
function clearable<S extends z.ZodType>(schema: S) {
  return z
    .preprocess((value: unknown) => (value === null || (typeof value === 'string' && value.trim() === '') ? null : value), schema.nullable())
    .optional()
}

export const clientChangesSchema = strictInput({
  name: requiredText(200).optional(),
  street: clearable(requiredText(200)),
  houseNumber: clearable(requiredText(20)),
  postcode: clearable(postcodeSchema),
  city: clearable(requiredText(100)),
  email: clearable(emailSchema),
  phone: clearable(phoneSchema)
})
export type ClientChanges = z.output<typeof clientChangesSchema>

/** a contact person (contactpersoon) at a client, with their function. */
export const contactInputSchema = strictInput({
  givenName: requiredText(NAME_MAX),
  familyName: requiredText(NAME_MAX),
  email: optional(emailSchema),
  phone: optional(phoneSchema),
  function: optional(requiredText(200))
})
export type ContactInput = z.input<typeof contactInputSchema>

export const contactChangesSchema = strictInput({
  givenName: requiredText(NAME_MAX).optional(),
  familyName: requiredText(NAME_MAX).optional(),
  email: clearable(emailSchema),
  phone: clearable(phoneSchema),
  function: clearable(requiredText(200))
})
export type ContactChanges = z.output<typeof contactChangesSchema>

export const assignmentInputSchema = strictInput({
  personId: uuidSchema,
  clientId: uuidSchema,
  start: calendarDateSchema,
  /** null or absent while it lasts */
  end: optional(calendarDateSchema),
  kind: oneOf(EMPLOYMENT_KINDS)
}).superRefine((a, ctx) => {
  if (a.end !== undefined && a.end < a.start) ctx.addIssue({ code: 'custom', message: 'validation.period.endBeforeStart', path: ['end'] })
})

const disclosureField = oneOf(DISCLOSURE_FIELDS)
const reasonText = requiredText(500)

export const createDisclosureInputSchema = strictInput({
  personId: uuidSchema,
  clientId: uuidSchema,
  /** The contact person the profile goes to (optional; must belong to the client). */
  contactId: optional(uuidSchema),
  purpose: oneOf(DISCLOSURE_PURPOSES),
  fields: distinctList(DISCLOSURE_FIELDS),
  /** Why, for the whole disclosure; also counts as the reason for an extra field without its own. */
  reason: optionalText(500),
  /** R-9a: the recorded reason per field outside the purpose's list. */
  fieldReasons: z.partialRecord(disclosureField, reasonText).optional(),
  /**
   * R-9a: fields the person consented to have disclosed (IBAN, nationality, marital status…), as
   * the dialog ticks them. Only a recorded consent (recordProcessingConsent) unlocks a field.
   */
  consentedFields: listOf(disclosureField).optional(),
  lang: oneOf(DOCUMENT_LANGS).optional()
})
export type CreateDisclosureInput = z.input<typeof createDisclosureInputSchema>

const purposeRuleInput = strictInput({
  allowed: listOf(disclosureField),
  /** the person must have one of these purposes recorded (empty: no condition). */
  personPurposes: listOf(oneOf(PURPOSES)),
  requiresAssignment: flagSchema
})

/** R-9a: new allowed-fields rules (the legal limits of are checked by the service). */
export const disclosureRulesInputSchema = strictInput({
  purposes: strictInput({
    presentation: purposeRuleInput,
    assignment: purposeRuleInput,
    'client-identification': purposeRuleInput
  }),
  neverWithoutConsent: listOf(disclosureField),
  never: listOf(disclosureField),
  reason: requiredText(500)
})

// ---------------------------------------------------------------------------------------------
// Outputs

const nullableText = z.string().nullable()

export const clientSchema = z.object({
  id: z.string(),
  name: z.string(),
  street: nullableText,
  houseNumber: nullableText,
  postcode: nullableText,
  city: nullableText,
  email: nullableText,
  phone: nullableText,
  createdAt: z.string()
})
export type ClientView = z.infer<typeof clientSchema>

export const clientListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  city: nullableText,
  contactCount: z.number().int()
})
export type ClientListItem = z.infer<typeof clientListItemSchema>

export const contactSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  email: nullableText,
  phone: nullableText,
  function: nullableText
})
export type ContactView = z.infer<typeof contactSchema>

export const assignmentSchema = z.object({
  employmentId: z.string(),
  personId: z.string(),
  /** "given family" of the person; shielded persons are not listed. */
  personName: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  start: z.string(),
  end: nullableText,
  kind: z.enum(EMPLOYMENT_KINDS)
})
export type AssignmentView = z.infer<typeof assignmentSchema>

export const clientDetailSchema = z.object({
  client: clientSchema,
  contacts: z.array(contactSchema),
  assignments: z.array(assignmentSchema)
})
export type ClientDetail = z.infer<typeof clientDetailSchema>

export const previewFieldSchema = z.object({
  field: z.enum(DISCLOSURE_FIELDS),
  verdict: z.enum(FIELD_VERDICTS),
  why: z.enum(VERDICT_WHYS),
  /** The value as it would be shared, formatted; the BSN masked; null when forbidden or empty. */
  value: nullableText,
  hasValue: z.boolean(),
  /** Allowed by the list and holding a value: ticked when the dialog opens (R-9a). */
  preselected: z.boolean(),
  /** R-9a, only for a field that needs consent: whether the person's consent to it is recorded for this purpose. */
  consentRecorded: z.boolean().optional()
})
export type PreviewField = z.infer<typeof previewFieldSchema>

export const disclosurePreviewSchema = z.object({
  personId: z.string(),
  personName: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  purpose: z.enum(DISCLOSURE_PURPOSES),
  blockers: z.array(z.enum(DISCLOSURE_BLOCKERS)),
  fields: z.array(previewFieldSchema),
  /** The app's today (Amsterdam), the default date of a consent recorded from the dialog (R-9a). */
  today: z.string().optional()
})
export type DisclosurePreview = z.infer<typeof disclosurePreviewSchema>

export const disclosureSchema = z.object({
  id: z.string(),
  reference: z.string(),
  personId: z.string(),
  clientId: nullableText,
  recipientName: z.string(),
  purpose: z.string(),
  fields: z.array(z.string()),
  reason: nullableText,
  disclosedAt: z.string(),
  actorId: nullableText,
  actorName: nullableText
})
export type DisclosureView = z.infer<typeof disclosureSchema>

export const disclosureRulesSchema = z.object({
  version: z.number().int(),
  purposes: z.array(
    z.object({
      purpose: z.enum(DISCLOSURE_PURPOSES),
      allowed: z.array(z.enum(DISCLOSURE_FIELDS)),
      personPurposes: z.array(z.string()),
      requiresAssignment: z.boolean()
    })
  ),
  neverWithoutConsent: z.array(z.enum(DISCLOSURE_FIELDS)),
  never: z.array(z.enum(DISCLOSURE_FIELDS))
})
export type DisclosureRulesView = z.infer<typeof disclosureRulesSchema>

const clientRef = z.object({ clientId: z.string() })

export const relationsOperations = {
  createClient: operation({
    summary: 'R-5: register a client company (opdrachtgever): name, NAW, e-mail, phone. Audited client.create.',
    access: STAFF,
    input: clientInputSchema,
    output: clientRef
  }),
  updateClient: operation({
    summary: "R-5: change a client's name, NAW, e-mail or phone; audited client.update with the changed field names.",
    access: STAFF,
    input: strictInput({ clientId: uuidSchema, changes: clientChangesSchema }),
    output: z.object({ clientId: z.string(), changedFields: z.array(z.string()) })
  }),
  listClients: operation({
    summary: 'Client companies by name (optionally filtered by a name or city prefix), with the number of contacts.',
    access: STAFF,
    input: strictInput({ query: optional(z.string().trim().max(200, { error: 'validation.tooLong' })) }),
    output: z.array(clientListItemSchema)
  }),
  getClient: operation({
    summary: 'A client with its contact persons and its assignments (shielded persons left out, R-14); audited client.view.',
    access: STAFF,
    input: strictInput({ clientId: uuidSchema }),
    output: clientDetailSchema
  }),
  addClientContact: operation({
    summary: 'R-5: add a contact person (name, e-mail, phone, function) to a client; audited client.update.',
    access: STAFF,
    input: contactInputSchema.safeExtend({ clientId: uuidSchema }),
    output: z.object({ contactId: z.string() })
  }),
  updateClientContact: operation({
    summary: "Change a contact person's name, e-mail, phone or function; audited client.update.",
    access: STAFF,
    input: strictInput({ contactId: uuidSchema, changes: contactChangesSchema }),
    output: z.object({ contactId: z.string(), changedFields: z.array(z.string()) })
  }),
  removeClientContact: operation({
    summary: 'Delete a contact person (e.g. who left the client); audited client.update.',
    access: STAFF,
    input: strictInput({ contactId: uuidSchema }),
    output: z.object({ contactId: z.string() })
  }),
  addAssignment: operation({
    summary: 'Place a person with a client: an employment period (start, end, kind) at that client. Audited assignment.create.',
    access: STAFF,
    input: assignmentInputSchema,
    output: z.object({ employmentId: z.string() })
  }),
  listAssignments: operation({
    summary: "A person's assignments (with client names), or a client's (shielded persons left out).",
    access: STAFF,
    input: strictInput({ personId: optional(uuidSchema), clientId: optional(uuidSchema) }).superRefine((input, ctx) => {
      if ((input.personId === undefined) === (input.clientId === undefined)) {
        ctx.addIssue({ code: 'custom', message: 'validation.required', path: ['personId'] })
      }
    }),
    output: z.array(assignmentSchema)
  }),
  getDisclosureRules: operation({
    summary: 'R-9a: the allowed-fields list per disclosure purpose in force, and the fields never shared or only with consent.',
    access: STAFF,
    input: strictInput({}),
    output: disclosureRulesSchema
  }),
  updateDisclosureRules: operation({
    summary:
      'R-9a: save new allowed-fields rules (privacy officer, with a reason; audited settings.change). Refused when they would lift a legal limit (BSN, ID copy, special data).',
    access: ['privacy_officer'],
    input: disclosureRulesInputSchema,
    output: disclosureRulesSchema
  }),
  previewDisclosure: operation({
    summary:
      'R-9a: every field with its verdict for this purpose, the allowed ones pre-selected, values formatted (BSN masked); what still blocks the disclosure. Audited disclosure.preview.',
    access: STAFF,
    input: strictInput({
      personId: uuidSchema,
      clientId: uuidSchema,
      purpose: oneOf(DISCLOSURE_PURPOSES),
      lang: oneOf(DOCUMENT_LANGS).optional()
    }),
    output: disclosurePreviewSchema
  }),
  createDisclosure: operation({
    summary:
      'R-8: share fields with a client: refuses forbidden fields (FIELD_NOT_ALLOWED), extras without a reason (REASON_REQUIRED) or without a recorded consent of the person for that field and purpose (CONSENT_REQUIRED, R-9a); logs who, when, to whom, which fields, why; returns the printable shared profile.',
    access: STAFF,
    input: createDisclosureInputSchema,
    output: z.object({
      disclosureId: z.string(),
      reference: z.string(),
      disclosedOn: z.string(),
      fields: z.array(z.enum(DISCLOSURE_FIELDS)),
      html: z.string()
    })
  }),
  listDisclosures: operation({
    summary: "R-8: a person's disclosures, newest first: to whom, which fields, when, why, by whom. Shielded: privacy officer with a reason (R-14).",
    access: STAFF,
    input: strictInput({ personId: uuidSchema, reason: optionalText(500) }),
    output: z.array(disclosureSchema)
  })
}
