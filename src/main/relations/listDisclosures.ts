import type { ParsedInputOf } from '../../shared/contract/operation'
import type { DisclosureView, relationsOperations } from '../../shared/contract/relations'
import { accountNames } from '../people/getPerson'
import { openPerson } from '../people/personAccess'
import type { Workspace } from '../workspace/Workspace'
import { DisclosureEntity } from '../vault/entities/Disclosure'
import { disclosureReference } from './disclosureReference'

type Ops = typeof relationsOperations

/**
 * a person's disclosures, newest first — to whom, which fields, when, why, by whom. Shielded
 * records only for a privacy officer with a reason (R-14, `people/personAccess.ts`). Audited
 * `disclosure.view`.
 */
export async function listDisclosures(ws: Workspace, input: ParsedInputOf<Ops['listDisclosures']>): Promise<DisclosureView[]> {
  return ws.write(async ({ manager: m, audit }) => {
    const person = await openPerson(ws, m, audit, input.personId, input.reason)
    const rows = await m.getRepository(DisclosureEntity).find({ where: { personId: person.id }, order: { disclosedAt: 'DESC', id: 'ASC' } })
    const names = await accountNames(m)
    await audit({ action: 'disclosure.view', subjectId: person.id, fields: ['disclosures'] })
    return rows.map((d) => ({
      id: d.id,
      reference: disclosureReference(d.id),
      personId: d.personId,
      clientId: d.clientId,
      recipientName: d.recipientName,
      purpose: d.purpose,
      fields: d.fields,
      reason: d.reason,
      disclosedAt: d.disclosedAt,
      actorId: d.actorId,
      actorName: d.actorId ? (names.get(d.actorId) ?? null) : null
    }))
  })
}
