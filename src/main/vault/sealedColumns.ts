/**
 * Issue 17 point 3: the columns the office server must never hold in clear — the BSN, the IBAN,
 * the ID-document and work-permit numbers, the free-text notes about a person (`particulars`), an
 * attachment's file name and its bytes. A desk seals them before they leave it (server/
 * officeFields.ts: AES-256-GCM under the office's field key, bound to the office, table, row and
 * field) and opens them when they come back (server/sealedFieldsSubscriber.ts).
 *
 * A local vault stores them as they are: its whole file is encrypted under the vault key, and a
 * second layer under a key the same session holds would protect nothing more (`CLEAR_FIELDS`).
 * Special-category values go further on both engines: sealed to the restricted key
 * (consent/specialValue.ts), which staff desks do not hold.
 */
export const SEALED_COLUMNS = {
  person: ['bsn', 'iban', 'idDocumentNumber', 'workPermitNumber', 'particulars'],
  attachment: ['fileName'],
  attachment_content: ['content']
} as const satisfies Record<string, readonly string[]>

export type SealedTable = keyof typeof SEALED_COLUMNS

export const isSealedTable = (table: string): table is SealedTable => Object.hasOwn(SEALED_COLUMNS, table)

/** The row id a sealed value of `table` is bound to: the primary key (an attachment's bytes: their attachment's id). */
export function sealedRowId(table: SealedTable, row: Record<string, unknown>): unknown {
  return table === 'attachment_content' ? row['attachmentId'] : row['id']
}

/** Where a sealed value lives: what its authenticated data binds it to (the office is the port's). */
export interface SealedAt {
  table: SealedTable
  rowId: string
  field: string
}

/** How this session stores the sealed columns (`VaultPort.fields`, `Tx.fields`). */
export interface FieldSealPort {
  /** false on the local vault: values are stored as they are */
  readonly sealing: boolean
  seal(value: string, at: SealedAt): string
  sealBytes(value: Buffer, at: SealedAt): Buffer
}

/** The local vault's: nothing sealed twice. */
export const CLEAR_FIELDS: FieldSealPort = {
  sealing: false,
  seal: (value) => value,
  sealBytes: (value) => value
}

/**
 * `values` (a row or a change of one) with the sealed columns of `table` sealed for row `rowId`;
 * a null or absent value stays as it is. A copy: the caller's object keeps its clear values.
 */
export function sealColumns<T extends object>(fields: FieldSealPort, table: SealedTable, rowId: string, values: T): T {
  if (!fields.sealing) return values
  const out = { ...values } as Record<string, unknown>
  for (const field of SEALED_COLUMNS[table] as readonly string[]) {
    const value = out[field]
    if (typeof value === 'string') out[field] = fields.seal(value, { table, rowId, field })
    else if (Buffer.isBuffer(value)) out[field] = fields.sealBytes(value, { table, rowId, field })
  }
  return out as T
}
