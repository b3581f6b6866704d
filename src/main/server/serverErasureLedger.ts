import type { EntityManager } from 'typeorm'
import { type ErasureLedgerEntry, parseLedgerLines } from '../vault/erasureLedger'
import { GROUP_ROLES } from './serverRoles'

/**
 * Issue 15 point 3 on the office server: the erasure ledger (vault/erasureLedger.ts: keyed hashes
 * of whose data went, never a value) is a table, written in the transaction that removes the data,
 * so the two commit together (the local vault's file is written just before its commit). A
 * restore of an older server backup re-applies it. Appended by every role, read by the officers,
 * changed by none (no UPDATE or DELETE grant). Idempotent statements for the owner (`server init`).
 */
export const ERASURE_LEDGER_TABLE = 'erasure_ledger'

export function erasureLedgerStatements(): string[] {
  const q = (n: string) => `"${n}"`
  const everyone = Object.values(GROUP_ROLES).map(q).join(', ')
  const officers = [GROUP_ROLES.privacy_officer, GROUP_ROLES.admin].map(q).join(', ')
  return [
    `CREATE TABLE IF NOT EXISTS "${ERASURE_LEDGER_TABLE}" ("seq" bigserial PRIMARY KEY, "line" text NOT NULL)`,
    `REVOKE ALL ON "${ERASURE_LEDGER_TABLE}" FROM PUBLIC, ${everyone}`,
    `GRANT INSERT ON "${ERASURE_LEDGER_TABLE}" TO ${everyone}`,
    `GRANT SELECT ON "${ERASURE_LEDGER_TABLE}" TO ${officers}`,
    `GRANT USAGE ON SEQUENCE "${ERASURE_LEDGER_TABLE}_seq_seq" TO ${everyone}`
  ]
}

/** The transaction's ledger lines, in it. */
export async function appendErasureLines(m: EntityManager, lines: readonly string[]): Promise<void> {
  for (const line of lines) await m.query(`INSERT INTO "${ERASURE_LEDGER_TABLE}" ("line") VALUES ($1)`, [line])
}

/** The office's entries (its ledger key: `keyId`), in the order written; read by the owner or an officer. */
export async function readErasureEntries(m: EntityManager, keyId: string): Promise<ErasureLedgerEntry[]> {
  const rows = (await m.query(`SELECT "line" FROM "${ERASURE_LEDGER_TABLE}" ORDER BY "seq"`)) as { line: string }[]
  return parseLedgerLines(rows.map((r) => r.line)).filter((e) => e.key === keyId)
}
