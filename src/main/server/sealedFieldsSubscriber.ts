import type { EntitySubscriberInterface, InsertEvent, LoadEvent, ObjectLiteral, UpdateEvent } from 'typeorm'
import { DossierError } from '../../shared/errors'
import { SEALED_COLUMNS, type SealedTable } from '../vault/sealedColumns'
import { isSealedBytes, isSealedField } from './fieldCipher'
import type { OfficeFields } from './officeFields'

const isSealedTable = (table: string): table is SealedTable => Object.hasOwn(SEALED_COLUMNS, table)

/** The row id a sealed value of `table` is bound to: the primary key (an attachment's bytes: their attachment's id). */
function rowIdOf(table: SealedTable, row: ObjectLiteral): unknown {
  return table === 'attachment_content' ? row['attachmentId'] : row['id']
}

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
    if (!isSealedTable(table)) return
    for (const field of SEALED_COLUMNS[table] as readonly string[]) {
      const stored: unknown = entity[field]
      if (stored === null || stored === undefined) continue
      const rowId = rowIdOf(table, entity)
      if (typeof rowId !== 'string') throw new DossierError('INTERNAL', 'A sealed column is loaded with its row id.')
      const at = { table, rowId, field }
      if (typeof stored === 'string') entity[field] = this.fields.open(stored, at)
      else if (Buffer.isBuffer(stored)) entity[field] = this.fields.openBytes(stored, at)
    }
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
