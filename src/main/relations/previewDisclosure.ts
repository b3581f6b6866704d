import type { ParsedInputOf } from '../../shared/contract/operation'
import { DISCLOSURE_FIELDS, type DisclosurePreview, type relationsOperations } from '../../shared/contract/relations'
import type { Workspace } from '../workspace/Workspace'
import { consentedDisclosureFields } from '../consent/processingConsent'
import { classifyField } from './disclosureRules'
import { loadDisclosureSubject } from './disclosureSubject'
import { profileValue } from './profileValues'

type Ops = typeof relationsOperations

/**
 * "Delen met opdrachtgever", step one (R-9a): every field with what the rules say about it for
 * this purpose, its value as the client would read it (BSN masked, R-3), the allowed fields that
 * hold a value pre-selected, and what still blocks the disclosure (no assignment at this client,
 * purpose not recorded). A forbidden field's value is never shown. Showing values is a view of
 * the record: audited `disclosure.preview` with the names of the fields shown.
 */
export async function previewDisclosure(ws: Workspace, input: ParsedInputOf<Ops['previewDisclosure']>): Promise<DisclosurePreview> {
  const lang = input.lang ?? 'nl'
  return ws.write(async ({ manager: m, audit }) => {
    const today = ws.clock.today()
    const { person, client, rules, blockers } = await loadDisclosureSubject(m, { ...input, today })
    const recorded = await consentedDisclosureFields(m, person.id, input.purpose, today)
    const fields = DISCLOSURE_FIELDS.map((field) => {
      const ruling = classifyField(rules, input.purpose, field)
      const value = profileValue(person, field, lang, 'preview')
      const hasValue = value !== null
      return {
        field,
        ...ruling,
        value: ruling.verdict === 'forbidden' ? null : value,
        hasValue,
        preselected: ruling.verdict === 'allowed' && hasValue,
        ...(ruling.verdict === 'needs-consent' ? { consentRecorded: recorded.has(field) } : {})
      }
    })
    await audit({
      action: 'disclosure.preview',
      subjectId: person.id,
      fields: fields.filter((f) => f.value !== null).map((f) => f.field),
      reason: `client ${client.id}; purpose ${input.purpose}`
    })
    return {
      personId: person.id,
      personName: `${person.givenName} ${person.familyName}`,
      clientId: client.id,
      clientName: client.name,
      purpose: input.purpose,
      blockers,
      fields,
      today
    }
  })
}
