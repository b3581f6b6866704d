import type { EntityManager } from 'typeorm'
import { OfficeFields } from '../../src/main/server/officeFields'
import { openColumns, SealedFieldsSubscriber } from '../../src/main/server/sealedFieldsSubscriber'
import { CLEAR_FIELDS, type FieldSealPort, isSealedTable, type SealedTable, sealColumns } from '../../src/main/vault/sealedColumns'

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
  if (!(fields instanceof OfficeFields) || !isSealedTable(table)) return row
  const out = { ...row }
  openColumns(fields, table, out)
  return out
}
