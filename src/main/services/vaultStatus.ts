import { SCHEMA_VERSION } from '../vault/migrations'
import type { DossierApp } from './DossierApp'

/** Counts without personal data, for the status screen and `dossier status`. */
export async function vaultStatus(app: DossierApp): Promise<{ schemaVersion: number; persons: number; shielded: number; legalHold: number; tombstones: number }> {
  const db = app.vault.dataSource.manager
  const count = async (sql: string) => Number(((await db.query(sql)) as { n: number }[])[0]?.n ?? 0)
  return {
    schemaVersion: SCHEMA_VERSION,
    persons: await count(`SELECT count(*) AS n FROM person WHERE state = 'active'`),
    shielded: await count(`SELECT count(*) AS n FROM person WHERE state = 'shielded'`),
    legalHold: await count(`SELECT count(*) AS n FROM person WHERE state = 'legal-hold'`),
    tombstones: await count(`SELECT count(*) AS n FROM tombstone`)
  }
}
