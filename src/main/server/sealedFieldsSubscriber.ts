import type { EntitySubscriberInterface, InsertEvent, LoadEvent, ObjectLiteral, UpdateEvent } from 'typeorm'
import { DossierError } from '../../shared/errors'
import { isSealedTable, SEALED_COLUMNS, type SealedTable, sealedRowId } from '../vault/sealedColumns'
import { isSealedBytes, isSealedField } from './fieldCipher'
import type { OfficeFields } from './officeFields'

/**
 * Issue 17 point 3, on a desk's connection to the office server: every entity loaded with a sealed
 * column (vault/sealedColumns.ts) is opened for the domain, which sees clear values as on a local
 * vault; and no insert or update of an entity may send one in clear — the write paths seal
 * (`sealColumns`), and a path that forgot is refused (INTERNAL) before anything leaves the desk,
 * rather than sending the server what it must not hold. Raw SQL is not watched: domain code reads
 * and writes the sealed columns through entities only.
 */
export class SealedFieldsSubscriber implements EntitySubscriberInterface<ObjectLiteral> {
  constructor(readonly fields: OfficeFields) {}

  afterLoad(entity: ObjectLiteral, event?: LoadEvent<ObjectLiteral>): void {
    const table = event?.metadata.tableName ?? ''
    if (isSealedTable(table)) openColumns(this.fields, table, entity)
  }

  beforeInsert(event: InsertEvent<ObjectLiteral>): void {
    refuseClear(event.metadata.tableName, event.entity)
  }

  beforeUpdate(event: UpdateEvent<ObjectLiteral>): void {
    refuseClear(event.metadata.tableName, event.entity)
  }
}

function refuseClear(table: string, values: ObjectLiteral | undefined): void {
  if (!values || !isSealedTable(table)) return
  for (const field of SEALED_COLUMNS[table] as readonly string[]) {
    const value: unknown = values[field]
    const clear = (typeof value === 'string' && !isSealedField(value)) || (Buffer.isBuffer(value) && !isSealedBytes(value))
    if (clear) throw new DossierError('INTERNAL', 'A protected value was about to be sent to the office server in clear; nothing was written.')
  }
}

/** Opens the sealed columns of a row of `table` in place (a loaded entity, or a raw row). */
export function openColumns(fields: OfficeFields, table: SealedTable, row: ObjectLiteral): void {
  for (const field of SEALED_COLUMNS[table] as readonly string[]) {
    const stored: unknown = row[field]
    if (stored === null || stored === undefined) continue
    const rowId = sealedRowId(table, row)
    if (typeof rowId !== 'string') throw new DossierError('INTERNAL', 'A sealed column is loaded with its row id.')
    const at = { table, rowId, field }
    if (typeof stored === 'string') row[field] = fields.open(stored, at)
    else if (Buffer.isBuffer(stored)) row[field] = fields.openBytes(stored, at)
  }
}
