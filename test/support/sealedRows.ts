import type { EntityManager } from 'typeorm'
import { OfficeFields } from '../../src/main/server/officeFields'
import { SealedFieldsSubscriber } from '../../src/main/server/sealedFieldsSubscriber'
import { CLEAR_FIELDS, type FieldSealPort, SEALED_COLUMNS, type SealedTable, sealColumns } from '../../src/main/vault/sealedColumns'

/** The sealed columns' port of the desk `manager` belongs to: the office's on a server desk, none on a local vault. */
export function fieldsOf(manager: EntityManager): FieldSealPort {
  const subscriber = manager.connection.subscribers.find((s): s is SealedFieldsSubscriber => s instanceof SealedFieldsSubscriber)
  return subscriber?.fields ?? CLEAR_FIELDS
}

/**
 * A fixture's row as a desk writes it: on the office server the sealed columns sealed
 * (vault/sealedColumns.ts), which the desk's connection insists on; as it is on a local vault.
 */
export function sealedRow<T extends object>(manager: EntityManager, table: SealedTable, rowId: string, row: T): T {
  return sealColumns(fieldsOf(manager), table, rowId, row)
}

/** A stored row of `table` (read with `t.sql`) with its sealed columns opened: the values a desk sees, on either engine. */
export function openedRow(fields: FieldSealPort, table: string, row: Record<string, unknown>): Record<string, unknown> {
  if (!(fields instanceof OfficeFields) || !Object.hasOwn(SEALED_COLUMNS, table)) return row
  const sealedTable = table as SealedTable
  const rowId = String(sealedTable === 'attachment_content' ? row['attachmentId'] : row['id'])
  const out = { ...row }
  for (const field of SEALED_COLUMNS[sealedTable] as readonly string[]) {
    const value = out[field]
    if (typeof value === 'string') out[field] = fields.open(value, { table: sealedTable, rowId, field })
    else if (Buffer.isBuffer(value)) out[field] = fields.openBytes(value, { table: sealedTable, rowId, field })
  }
  return out
}
