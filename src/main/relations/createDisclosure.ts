import { randomUUID } from 'node:crypto'
import { DISCLOSURE_PURPOSE_LABELS } from '../../shared/vocabulary'
import type { ParsedInputOf } from '../../shared/contract/operation'
import type { DisclosureField, relationsOperations } from '../../shared/contract/relations'
import { DossierError, type ErrorIssue } from '../../shared/errors'
import { renderSharedProfileHtml } from '../documents/renderSharedProfile'
import type { Workspace } from '../workspace/Workspace'
import { readSettings } from '../governance/settings'
import { type Disclosure, DisclosureEntity } from '../vault/entities/Disclosure'
import { consentedDisclosureFields } from '../consent/processingConsent'
import { findContact } from './clientContacts'
import { disclosureReference } from './disclosureReference'
import { decideDisclosure, disclosureReasonText } from './disclosureRules'
import { loadDisclosureSubject } from './disclosureSubject'
import { profileValue } from './profileValues'

type Ops = typeof relationsOperations

export interface CreatedDisclosure {
  disclosureId: string
  reference: string
  disclosedOn: string
  fields: DisclosureField[]
  html: string
}

const MESSAGES = {
  FIELD_NOT_ALLOWED: 'A requested field may not be shared for this purpose.',
  CONSENT_REQUIRED: "A requested field may be shared only with the person's recorded consent to this field and purpose.",
  REASON_REQUIRED: 'A field outside the allowed list needs a recorded reason.'
} as const

/**
 * gives a client the chosen fields of a person. In order, it refuses:
 * - a forbidden field (FIELD_NOT_ALLOWED: an ID copy, special data, the BSN outside the client's
 *   identification duty, anything but the BSN for that duty — );
 * - a consent field without the person's recorded consent for that field and purpose
 *   (CONSENT_REQUIRED, R-9a: `processing_consent`, never a tick box alone);
 * - a field outside the purpose's list without a reason (REASON_REQUIRED, R-9a);
 * - a field without a value (VALIDATION_FAILED: nothing would be disclosed);
 * - a purpose whose conditions are not met (ASSIGNMENT_REQUIRED, PURPOSE_NOT_RECORDED).
 * Each problem names the field by its position (`fields.N`), never its value.
 *
 * Then it logs the disclosure — who, when, to whom, which fields, why — in `disclosure` and the
 * audit trail (`disclosure.create`, field names only; the staff's free-text reason stays in the
 * disclosure row, which is deleted with the person, because the audit trail outlives erasure), and
 * returns the shared profile as one printable HTML document with the disclosure's reference.
 */
export async function createDisclosure(ws: Workspace, input: ParsedInputOf<Ops['createDisclosure']>): Promise<CreatedDisclosure> {
  const lang = input.lang ?? 'nl'
  return ws.write(async ({ manager: m, store, audit }) => {
    const agency = (await readSettings(store)).agency
    const today = ws.clock.today()
    const { person, client, rules, blockers } = await loadDisclosureSubject(m, { ...input, today })
    const contact = input.contactId === undefined ? null : await findContact(m, input.contactId)
    if (contact !== null && contact.clientId !== client.id) {
      throw new DossierError('NOT_FOUND', 'No contact person with this id at this client.', { issues: [{ path: 'contactId', key: 'validation.uuid.invalid' }] })
    }

    // R-9a: what unlocks a consent field is the person's recorded consent, not the dialog's tick.
    const recorded = await consentedDisclosureFields(m, person.id, input.purpose, today)
    const decision = decideDisclosure(rules, { ...input, consentedFields: input.fields.filter((f) => recorded.has(f)) })
    if (decision.problem !== null) {
      const issues: ErrorIssue[] = decision.decisions.flatMap((d, i) => (d.problem === decision.problem ? [{ path: `fields.${i}`, key: `relations.problem.${d.problem}` }] : []))
      throw new DossierError(decision.problem, MESSAGES[decision.problem], { issues, detail: { fields: issues.length } })
    }

    const values = input.fields.map((field) => ({ key: field, value: profileValue(person, field, lang, 'document') }))
    const empty = values.flatMap((v, i) => (v.value === null ? [{ path: `fields.${i}`, key: 'validation.required' }] : []))
    if (empty.length > 0) throw new DossierError('VALIDATION_FAILED', 'A requested field holds no value.', { issues: empty })

    if (blockers.includes('assignment-required')) {
      throw new DossierError('ASSIGNMENT_REQUIRED', 'This purpose needs a current assignment of the person at this client.')
    }
    if (blockers.includes('purpose-not-recorded')) {
      throw new DossierError('PURPOSE_NOT_RECORDED', "The person's recorded purposes do not cover this disclosure.")
    }

    const id = randomUUID()
    const reference = disclosureReference(id)
    const recipientName = contact === null ? client.name : `${client.name} — ${contact.givenName} ${contact.familyName}`
    const row: Disclosure = {
      id,
      personId: person.id,
      clientId: client.id,
      recipientName,
      purpose: input.purpose,
      fields: [...input.fields],
      reason: disclosureReasonText(decision, input.reason),
      disclosedAt: ws.clock.now().toISOString(),
      actorId: ws.requireActor().accountId
    }
    await m.getRepository(DisclosureEntity).insert(row)
    await audit({
      action: 'disclosure.create',
      subjectId: person.id,
      fields: [...input.fields],
      reason: `${reference}; client ${client.id}; purpose ${input.purpose}`
    })

    const html = renderSharedProfileHtml({
      lang,
      agency,
      client: { name: recipientName },
      purpose: DISCLOSURE_PURPOSE_LABELS[lang][input.purpose],
      disclosedOn: today,
      fields: values.map((v) => ({ key: v.key, value: v.value! })),
      reference
    })
    return { disclosureId: id, reference, disclosedOn: today, fields: [...input.fields], html }
  })
}
