import type { EntityManager } from 'typeorm'
import { DossierError } from '../../shared/errors'
import { portableQuery } from '../vault/portableQuery'

/**
 * The office server (issue 17): a staff login sees active records only (row-level security,
 * server/serverRoles.ts), yet an intake must not duplicate a shielded record nor take its
 * reference, and staff asking for one learn that it is shielded, as on a local vault. The
 * owner's functions (serverChecks.ts) answer exactly that — an id and a state, or yes/no,
 * never content. On a local vault every query sees every record: these ask nothing there.
 */
function onServer(m: EntityManager): boolean {
  return m.connection.driver.options.type === 'postgres'
}

/** The state of a record this login cannot see (server only); null when there is no such record, or locally. */
export async function hiddenPersonState(m: EntityManager, personId: string): Promise<string | null> {
  if (!onServer(m)) return null
  const [row] = await portableQuery<{ state: string | null }>(m, 'SELECT "dossier_person_state"(:personId) AS "state"', { personId })
  return row?.state ?? null
}

/** Whether another record holds `ref`, on the server including those this login cannot see; null locally (ask the table). */
export async function refTakenOnServer(m: EntityManager, ref: string, exceptId: string | null = null): Promise<boolean | null> {
  if (!onServer(m)) return null
  const [row] = await portableQuery<{ taken: boolean }>(m, 'SELECT "dossier_ref_taken"(:ref, :exceptId) AS "taken"', { ref, exceptId })
  return row?.taken === true
}

/** Of `refs`, those a record holds (server only, one query); null locally (ask the table). */
export async function refsTakenOnServer(m: EntityManager, refs: readonly string[]): Promise<Set<string> | null> {
  if (!onServer(m)) return null
  const rows = await portableQuery<{ ref: string }>(m, 'SELECT "r"."ref" AS "ref" FROM unnest(CAST(:refs AS text[])) AS "r"("ref") WHERE "dossier_ref_taken"("r"."ref", NULL)', { refs: [...refs] })
  return new Set(rows.map((r) => r.ref))
}

/** The first-registered record matching a duplicate check's values (server only); undefined locally (ask the table). */
export async function personMatchOnServer(
  m: EntityManager,
  c: { email: string | null; phone: string | null; birthDate: string | null; family: string | null },
  exceptId: string | null
): Promise<{ id: string; state: string } | null | undefined> {
  if (!onServer(m)) return undefined
  const [row] = await portableQuery<{ id: string; state: string }>(m, 'SELECT "id", "state" FROM "dossier_person_match"(:email, :phone, :birthDate, :family, :exceptId)', { ...c, exceptId })
  return row ?? null
}

/**
 * What a lookup by id that found nothing answers: RETENTION_SHIELDED for a record this login may
 * not see on the office server (R-14: staff learn that it is shielded, as on a local vault),
 * NOT_FOUND otherwise.
 */
export async function missingPerson(m: EntityManager, personId: string): Promise<DossierError> {
  if ((await hiddenPersonState(m, personId)) !== null) return new DossierError('RETENTION_SHIELDED', 'This record is shielded; only a privacy officer can open it.')
  return new DossierError('NOT_FOUND', 'No person with this id.')
}
