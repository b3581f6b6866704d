import type { ParsedInputOf } from '../../shared/contract/operation'
import type { DoNotContactIdentifier, peopleOperations } from '../../shared/contract/people'
import { DossierError } from '../../shared/errors'
import { deletePersonDefinitively } from '../retention/deletePerson'
import { currentPolicy } from '../retention/policyStore'
import type { Workspace } from '../workspace/Workspace'
import { erasureSubjectOf } from '../rights/erasureService'
import { planErasure } from '../rights/planErasure'
import { purgeIdRecord } from '../retention/purgeIdRecord'
import { reduceToLegalHold } from '../retention/reduceToLegalHold'
import { DoNotContactRegister, profileUrlOf } from './DoNotContactRegister'
import { openPerson } from './personAccess'

type Ops = typeof peopleOperations

/** The tombstone rule of a person deleted because they asked not to be contacted. */
export const DO_NOT_CONTACT_RULE = 'do-not-contact'

/**
 * the person (typically a prospect from a public website) wants no services and no further
 * contact. In one transaction: a register entry with keyed hashes of their e-mail, phone and
 * profile URL, the date and the reason category; then the record goes through the erasure's own
 * paths (retention/): someone who never worked for the agency is deleted definitively (children
 * cascade, a tombstone remains); R-29: an ex-worker keeps their legal hold — mediation ends and the
 * record is reduced to the payroll data the law still requires, deleted when that term ends.
 * Afterwards the WAL is checkpointed so the removed pages leave the journal. Someone still
 * employed is refused (CONFLICT): end the employment first.
 */
export async function markDoNotContact(
  ws: Workspace,
  input: ParsedInputOf<Ops['markDoNotContact']>
): Promise<{ entryId: string; identifiers: DoNotContactIdentifier[]; outcome: 'deleted' | 'legal-hold' }> {
  const register = DoNotContactRegister.of(ws.vault)
  const result = await ws.write(async (tx) => {
    const { manager: m, audit } = tx
    const person = await openPerson(ws, m, audit, input.personId, undefined)
    const plan = planErasure(await erasureSubjectOf(m, person), await currentPolicy(m, ws.clock), tx.today)
    if (plan.outcome === 'blocked') {
      throw new DossierError('CONFLICT', 'A person who still works for the agency cannot be put on the register; end the employment first.', { detail: { employed: true } })
    }
    const { entry, identifiers } = await register.record(
      m,
      { email: person.email, phone: person.phone, profileUrl: profileUrlOf({ kind: person.sourceKind, detail: person.sourceDetail }) },
      input.reasonCategory,
      ws.clock.today()
    )
    await audit({ action: 'person.do-not-contact', subjectId: person.id, fields: identifiers, reason: input.reasonCategory })
    // Issue 15 point 3: a restore of an older backup puts the entry back (its keyed hashes only).
    tx.noteErasure({ kind: 'do-not-contact', personId: person.id, rule: DO_NOT_CONTACT_RULE, doNotContact: entry })
    if (plan.outcome === 'delete') {
      const policy = await currentPolicy(m, ws.clock)
      await deletePersonDefinitively(tx, person.id, { rule: DO_NOT_CONTACT_RULE, policyVersion: policy.version, cause: 'erasure' })
      return { entryId: entry.id, identifiers, outcome: 'deleted' as const }
    }
    // no more contact means no more mediation; what the law requires stays until its term ends.
    if (person.unsubscribedOn === null) await tx.store.person.update({ id: person.id }, { unsubscribedOn: tx.today, updatedAt: tx.at })
    if (person.reducedToLegalHoldOn === null) await reduceToLegalHold(tx, person.id, plan.holdRule!, { endsMediation: true })
    if (plan.purgeIdRecord && person.idRecordPurgedOn === null) await purgeIdRecord(tx, person.id, 'legal-hold-id-bsn')
    return { entryId: entry.id, identifiers, outcome: 'legal-hold' as const }
  })
  ws.vault.checkpoint()
  return result
}

/**
 * at the person's own request a privacy officer lifts their do-not-contact entries, with a
 * reason (audited `person.do-not-contact-lift`: which identifiers and the reason, never a value).
 * The entries are found by the register's id or by the person's e-mail, phone or profile URL (every
 * entry any of them matches). Noted in the erasure ledger, so a restore of an older backup does
 * not bring a lifted entry back (retention/reapplyErasures.ts). The entry names no person (the
 * person may be deleted; an ex-worker's legal-hold record no longer holds contact data).
 */
export async function liftDoNotContact(ws: Workspace, input: ParsedInputOf<Ops['liftDoNotContact']>): Promise<{ lifted: number; entryIds: string[] }> {
  ws.requireRole('privacy_officer')
  const register = DoNotContactRegister.of(ws.vault)
  return ws.write(async (tx) => {
    const entries = await register.findEntries(tx.manager, input.entryId ?? null, { email: input.email, phone: input.phone, profileUrl: input.profileUrl })
    if (entries.length === 0) {
      const path = input.entryId !== undefined ? 'entryId' : input.email !== undefined ? 'email' : input.phone !== undefined ? 'phone' : 'profileUrl'
      throw new DossierError('NOT_FOUND', 'No do-not-contact entry matches.', { issues: [{ path, key: 'dnc.lift.noMatch' }] })
    }
    for (const entry of entries) {
      await tx.store.doNotContact.delete({ id: entry.id })
      const identifiers = (['email', 'phone', 'url'] as const).filter((k) => entry[`${k}Hash`] !== null)
      await tx.audit({ action: 'person.do-not-contact-lift', subjectId: null, fields: [...identifiers], reason: input.reason })
      tx.noteErasure({ kind: 'do-not-contact-lift', personId: entry.id, rule: DO_NOT_CONTACT_RULE, doNotContactId: entry.id })
    }
    return { lifted: entries.length, entryIds: entries.map((e) => e.id) }
  })
}

/** which identifier matches the register, if any — never the stored data. */
export async function checkDoNotContact(
  ws: Workspace,
  input: ParsedInputOf<Ops['checkDoNotContact']>
): Promise<{ matched: boolean; identifier: DoNotContactIdentifier | null }> {
  const register = DoNotContactRegister.of(ws.vault)
  const identifier = await ws.write(({ manager: m }) => register.findMatch(m, { email: input.email, phone: input.phone, profileUrl: input.profileUrl }))
  return { matched: identifier !== null, identifier }
}
