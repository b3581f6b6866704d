import { portableQuery } from '../vault/portableQuery'
import type { Tx } from '../workspace/Workspace'

/**
 * R-19a: after an erasure, a retention deletion or a reduction to the legal hold, nothing written
 * about the person stays outside the legal-hold subset and the tombstone — also not the free text
 * staff typed as an audit reason ("… belde: nieuw nummer …") or as a request's identity check.
 *
 * - Audit reasons: the keyed chain links a digest of each reason, not its text
 *   (audit/auditChain.ts), so the text is removed and the trail still verifies. Entries from
 *   before the keyed chain (no digest) link the text itself: they keep it, or the trail would break.
 * - Subject requests stay in the register (accountability, R-22) without what was noted to identify
 *   the person, or why the deadline was extended.
 * - A pending erasure request (four eyes) goes with its reason: a retention deletion can overtake
 *   it, and `erasure_approval` is not a child row of the person.
 * - Everything else typed about the person (disclosure reasons, field-change reasons, consent
 *   wording, absence notes) lives in child rows of the person: deleted with the record
 *   (`ON DELETE CASCADE`) or at the reduction to the legal hold (reduceToLegalHold.ts).
 * - Restrictions and objections keep their kind, purpose and dates, not their reasons (a
 *   deletion takes the rows with the person).
 * - Breaches stay in the register (art. 33(5)) with their count of persons affected; the link to
 *   the person and the note written about them go.
 *
 * Runs in the caller's transaction, before the caller audits the removal itself.
 */
const FORGET_REASONS = `UPDATE "audit_entry" SET "reason" = NULL WHERE "subjectId" = :personId AND "reason" IS NOT NULL AND "reasonDigest" IS NOT NULL`
/** The office server: no login may update the trail; the owner's function does this one change (server/serverRoles.ts). */
const FORGET_REASONS_ON_SERVER = `SELECT "dossier_forget_audit_reasons"(:personId)`
const FORGET_REQUEST_NOTES = `UPDATE "subject_request" SET "identityCheck" = '', "extensionReason" = NULL WHERE "personId" = :personId`
const FORGET_ERASURE_REQUESTS = `DELETE FROM "erasure_approval" WHERE "personId" = :personId`
const FORGET_LIMIT_REASONS = `UPDATE "processing_limit" SET "reason" = '', "liftReason" = NULL WHERE "personId" = :personId`
const FORGET_BREACH_LINKS = `DELETE FROM "breach_person" WHERE "personId" = :personId`

export async function forgetWrittenAbout(tx: Tx, personId: string): Promise<void> {
  const onServer = tx.manager.connection.driver.options.type === 'postgres'
  await portableQuery(tx.manager, onServer ? FORGET_REASONS_ON_SERVER : FORGET_REASONS, { personId })
  await portableQuery(tx.manager, FORGET_REQUEST_NOTES, { personId })
  await portableQuery(tx.manager, FORGET_ERASURE_REQUESTS, { personId })
  await portableQuery(tx.manager, FORGET_LIMIT_REASONS, { personId })
  await portableQuery(tx.manager, FORGET_BREACH_LINKS, { personId })
}
