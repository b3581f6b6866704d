import { DossierError } from '../../shared/errors'
import { type Person, PersonEntity } from '../vault/entities/Person'
import { sealColumns } from '../vault/sealedColumns'
import type { Tx } from '../workspace/Workspace'

/**
 * Issue 17 point 4: optimistic locking on person edits (migration PersonVersion1796800000000).
 * An edit names the version of the record it was made on; `refuseIfChanged` stops it before
 * anything is compared or written when the record has moved on since, and `updateVersioned`
 * writes the edit in one UPDATE that checks the version again and counts it up — so on the
 * office server, where two desks can pass the first check at once, the second's UPDATE waits for
 * the first's row lock, finds the version moved, and changes nothing.
 */
export function refuseIfChanged(person: Person, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && person.version !== expectedVersion) throw recordChanged(person.version)
}

/**
 * The edit's UPDATE of the person row, guarded by the version it read (`person.version`); what the
 * office server must not read sealed first (vault/sealedColumns.ts).
 */
export async function updateVersioned({ manager: m, fields }: Pick<Tx, 'manager' | 'fields'>, person: Person, update: Partial<Person>): Promise<void> {
  const sealed = sealColumns(fields, 'person', person.id, update)
  const written = await m.getRepository(PersonEntity).update({ id: person.id, version: person.version }, { ...sealed, version: person.version + 1 })
  if (written.affected !== undefined && written.affected !== 1) throw recordChanged(null)
}

/** RECORD_CHANGED, with the record's current version when known (never a value). */
function recordChanged(version: number | null): DossierError {
  return new DossierError('RECORD_CHANGED', 'The record was changed by someone else after it was loaded; nothing was saved.', version === null ? {} : { detail: { version } })
}
