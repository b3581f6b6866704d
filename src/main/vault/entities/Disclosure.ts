import { EntitySchema } from 'typeorm'
import { date, json, pk, ref, text } from './columns'

/** every disclosure of a person's data: to whom, which fields, when, why, by whom. */
export interface Disclosure {
  id: string
  personId: string
  clientId: string | null
  recipientName: string
  purpose: string
  fields: string[]
  reason: string | null
  disclosedAt: string
  actorId: string | null
}
export const DisclosureEntity = new EntitySchema<Disclosure>({
  name: 'Disclosure',
  tableName: 'disclosure',
  columns: {
    id: pk(),
    personId: ref(),
    clientId: ref(true),
    recipientName: text(),
    purpose: { type: 'varchar', length: 40 },
    fields: json(),
    reason: text(true),
    disclosedAt: date(),
    actorId: ref(true)
  },
  indices: [{ name: 'idx_disclosure_person', columns: ['personId'] }]
})
