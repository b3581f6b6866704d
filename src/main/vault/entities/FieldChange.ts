import { EntitySchema } from 'typeorm'
import { date, json, pk, ref, text } from './columns'

/** Versioning without values: which fields of a person changed, when, by whom, why. */
export interface FieldChange {
  id: string
  personId: string
  fields: string[]
  changedAt: string
  actorId: string | null
  reason: string | null
}
export const FieldChangeEntity = new EntitySchema<FieldChange>({
  name: 'FieldChange',
  tableName: 'field_change',
  columns: { id: pk(), personId: ref(), fields: json(), changedAt: date(), actorId: ref(true), reason: text(true) },
  indices: [{ name: 'idx_field_change_person', columns: ['personId'] }]
})
