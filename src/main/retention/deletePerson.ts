import { randomUUID } from 'node:crypto'
import { DossierError } from '../../shared/errors'
import { type Person, PersonEntity } from '../vault/entities/Person'
import type { Tombstone } from '../vault/entities/Retention'
import { portableQuery } from '../vault/portableQuery'
import { forgetWrittenAbout } from './forgetWrittenAbout'
import { filledFields } from './legalHoldData'
import type { Tx } from '../workspace/Workspace'

/**
 * Definitive deletion (R-15), the one path shared by the retention sweep and erasure (R-19):
 * deletes the person row; every child row goes with it (`ON DELETE CASCADE`: roles, purposes,
 * employments, W&S procedures, attachments and their content, field changes, disclosures,
 * consents, special data, absence). With `secure_delete=ON` the freed bytes are zeroed; the sweep
 * checkpoints the WAL afterwards. What remains is a tombstone with no personal data (id, person
 * id, rule, policy version, date, cause) and an audit entry naming the deleted categories.
 * The do-not-contact register (R-10) is not touched: it holds only keyed hashes and survives.
 *
 * Runs inside the caller's transaction (`tx`: its audit writer, and `tx.today` dates the tombstone). Audits
 * `retention.delete` (cause `retention`) or `erasure.apply` (cause `erasure`) — the caller does
 * not audit the deletion again — and notes it in the erasure ledger (`tx.noteErasure`), so a
 * restore of an older backup deletes the person again (retention/reapplyErasures.ts).
 */
export interface DeletePersonOptions {
  /** the retention rule id, or for an erasure the reason category (e.g. `erasure-request`) */
  rule: string
  policyVersion: number
  cause: 'retention' | 'erasure'
}

/** Child tables of a person (name in the audit entry → table), for the list of what was deleted. */
const CHILD_TABLES: [string, string][] = [
  ['roles', 'person_role'],
  ['purposes', 'person_purpose'],
  ['employments', 'employment'],
  ['recruitmentProcedures', 'recruitment_procedure'],
  ['attachments', 'attachment'],
  ['fieldChanges', 'field_change'],
  ['disclosures', 'disclosure'],
  ['consents', 'consent'],
  ['processingConsents', 'processing_consent'],
  ['specialData', 'special_data'],
  ['absence', 'absence'],
  ['informTasks', 'inform_task']
]
// One portable query instead of one per table: the sweep may delete thousands of persons in a run.
const COUNT_CHILDREN = `SELECT ${CHILD_TABLES.map(([name, table]) => `(SELECT count(*) FROM "${table}" WHERE "personId" = :personId) AS "${name}"`).join(', ')}`

const INSERT_TOMBSTONE = `INSERT INTO "tombstone" ("id", "personId", "rule", "policyVersion", "deletedOn", "cause") VALUES (:id, :personId, :rule, :policyVersion, :deletedOn, :cause)`

const PERSON_DATA_FIELDS = Object.keys(PersonEntity.options.columns).filter(
  (f) => !['id', 'ref', 'state', 'createdAt', 'updatedAt', 'version', 'searchGiven', 'searchFamily', 'retentionCheckOn'].includes(f)
) as (keyof Person)[]

export async function deletePersonDefinitively(tx: Tx, personId: string, opts: DeletePersonOptions): Promise<Tombstone> {
  const { manager } = tx
  const [person] = (await portableQuery(manager, 'SELECT * FROM "person" WHERE "id" = :personId', { personId })) as Partial<Person>[]
  if (!person) throw new DossierError('NOT_FOUND', 'No such person.')
  const [children] = (await portableQuery(manager, COUNT_CHILDREN, { personId })) as Record<string, number>[]
  const deleted = [...filledFields(person, PERSON_DATA_FIELDS), ...CHILD_TABLES.filter(([name]) => Number(children?.[name] ?? 0) > 0).map(([name]) => name)]
  // Issue 15 point 3: a restore of an older backup deletes the person again.
  tx.noteErasure({ kind: 'delete', personId, rule: opts.rule, cause: opts.cause, policyVersion: opts.policyVersion })
  await portableQuery(manager, 'DELETE FROM "person" WHERE "id" = :personId', { personId })
  const tombstone: Tombstone = {
    id: randomUUID(),
    personId,
    rule: opts.rule,
    policyVersion: opts.policyVersion,
    deletedOn: tx.today,
    cause: opts.cause
  }
  await portableQuery(manager, INSERT_TOMBSTONE, { ...tombstone })
  await forgetWrittenAbout(tx, personId) // R-19a
  await tx.audit({
    action: opts.cause === 'retention' ? 'retention.delete' : 'erasure.apply',
    subjectId: personId,
    fields: deleted,
    reason: opts.rule
  })
  return tombstone
}
