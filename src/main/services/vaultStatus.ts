import { SCHEMA_VERSION } from '../vault/migrations'
import type { Workspace } from '../workspace/Workspace'

/** Counts without personal data, for the status screen and `dossier status`. */
export async function vaultStatus(ws: Workspace): Promise<{ schemaVersion: number; persons: number; shielded: number; legalHold: number; tombstones: number }> {
  return ws.read(async ({ store }) => ({
    schemaVersion: SCHEMA_VERSION,
    persons: await store.person.countBy({ state: 'active' }),
    shielded: await store.person.countBy({ state: 'shielded' }),
    legalHold: await store.person.countBy({ state: 'legal-hold' }),
    tombstones: await store.tombstone.count()
  }))
}
