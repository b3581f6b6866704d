import type { EntityManager } from 'typeorm'
import { purgeExpiredConsentData } from '../consent/purgeExpiredConsentData'
import type { ErasureLedgerEntry } from '../vault/erasureLedger'
import { AttachmentEntity } from '../vault/entities/Attachment'
import { ConsentEntity, SpecialDataEntity } from '../vault/entities/Consent'
import { DoNotContactEntity } from '../vault/entities/DoNotContactEntry'
import { PersonEntity } from '../vault/entities/Person'
import type { Tx, Workspace } from '../workspace/Workspace'
import { deletePersonDefinitively } from './deletePerson'
import { currentPolicy } from './policyStore'
import { purgeAttachment } from './purgeAttachment'
import { purgeIdRecord } from './purgeIdRecord'
import { reduceToLegalHold } from './reduceToLegalHold'

/**
 * Issue 15 point 3, R-15, R-19: after a restore, before the vault is used, every removal in the
 * erasure ledger (vault/erasureLedger.ts) that the restored database does not show is made again,
 * through the same deletion path and as of the same date as the first time — so a restore of an
 * older backup never brings an erased or retention-deleted person back. An entry whose removal is
 * already in the database (older than the backup, or re-applied by an earlier, interrupted run)
 * changes nothing; so does an entry whose person is not in it (deleted before the backup, or
 * written by a transaction that never committed). Each re-applied entry is audited
 * `vault.restore-reapply` (kind, rule and date; no personal data) beside the deletion path's own
 * entry. DossierApp runs this at the first sign-in after a restore (the `reapply.pending` marker
 * that vault/backup.ts leaves); the restore preview counts with `pendingReapplications`.
 * a do-not-contact entry lifted later in the ledger is not put back, and the lift removes an
 * entry the backup still holds — whether the backup was made before the listing or before the lift.
 */

/** The ledger's keyed hashes, as `ErasureLedger` computes them for the vault at hand. */
export interface LedgerHashes {
  subjectOf(personId: string): string
  targetOf(id: string): string
}

/** The register entries (do-not-contact) are independent of any person in the database. */
function isRegisterEntry(entry: ErasureLedgerEntry): boolean {
  return entry.kind === 'do-not-contact' || entry.kind === 'do-not-contact-lift'
}

/** the ledger without the listings of do-not-contact entries that were lifted afterwards. */
export function withoutLiftedListings(entries: readonly ErasureLedgerEntry[]): ErasureLedgerEntry[] {
  const lifted = new Set(entries.flatMap((e) => (e.kind === 'do-not-contact-lift' && e.doNotContactId ? [e.doNotContactId] : [])))
  return entries.filter((e) => !(e.kind === 'do-not-contact' && e.doNotContact && lifted.has(e.doNotContact.id)))
}

/** The persons of this database that `entries` name: subject hash → person id. */
export async function ledgerSubjects(m: EntityManager, entries: readonly ErasureLedgerEntry[], hashes: LedgerHashes): Promise<Map<string, string>> {
  const wanted = new Set(entries.map((e) => e.subject))
  const found = new Map<string, string>()
  if (wanted.size === 0) return found
  for (const { id } of await m.getRepository(PersonEntity).find({ select: { id: true } })) {
    const subject = hashes.subjectOf(id)
    if (wanted.has(subject)) found.set(subject, id)
  }
  return found
}

/**
 * What re-applying `entry` to `personId` would remove, or null when the database already shows the
 * removal: `{}` for the person's own record, `{ targetId }` for one attachment or consent.
 */
export async function reapplicationOf(m: EntityManager, entry: ErasureLedgerEntry, personId: string, hashes: LedgerHashes): Promise<{ targetId?: string } | null> {
  if (entry.kind === 'do-not-contact') {
    // Independent of the person (who may not be in the backup at all): the entry itself counts.
    return entry.doNotContact && !(await m.getRepository(DoNotContactEntity).existsBy({ id: entry.doNotContact.id })) ? {} : null
  }
  if (entry.kind === 'do-not-contact-lift') {
    // the lifted entry is still in the restored register.
    return entry.doNotContactId && (await m.getRepository(DoNotContactEntity).existsBy({ id: entry.doNotContactId })) ? {} : null
  }
  const person = await m.getRepository(PersonEntity).findOne({
    select: { id: true, reducedToLegalHoldOn: true, unsubscribedOn: true, idRecordPurgedOn: true },
    where: { id: personId }
  })
  if (!person) return null
  const matching = (ids: { id: string }[]) => ids.find((r) => hashes.targetOf(r.id) === entry.target)
  switch (entry.kind) {
    case 'delete':
      return {}
    case 'reduce-to-legal-hold':
      return person.reducedToLegalHoldOn === null || (entry.endsMediation === true && person.unsubscribedOn === null) ? {} : null
    case 'purge-id-record':
      return person.idRecordPurgedOn === null ? {} : null
    case 'purge-attachment': {
      const hit = matching(await m.getRepository(AttachmentEntity).find({ select: { id: true }, where: { personId } }))
      return hit ? { targetId: hit.id } : null
    }
    case 'purge-consent-data': {
      const consents = await m.getRepository(ConsentEntity).find({ select: { id: true, expiredPurgedOn: true, withdrawnOn: true }, where: { personId } })
      const hit = matching(consents.filter((c) => c.expiredPurgedOn === null && c.withdrawnOn === null))
      return hit ? { targetId: hit.id } : null
    }
    case 'withdraw-consent': {
      const consents = await m.getRepository(ConsentEntity).find({ select: { id: true, withdrawnOn: true }, where: { personId } })
      const hit = matching(consents.filter((c) => c.withdrawnOn === null))
      return hit ? { targetId: hit.id } : null
    }
    case 'delete-special-data': {
      const hit = matching(await m.getRepository(SpecialDataEntity).find({ select: { id: true }, where: { personId } }))
      return hit ? { targetId: hit.id } : null
    }
    case 'delete-attachment': {
      const hit = matching(await m.getRepository(AttachmentEntity).find({ select: { id: true }, where: { personId } }))
      return hit ? { targetId: hit.id } : null
    }
  }
}

/** How many entries re-applying would act on in the database of `m` (the restore preview). */
export async function pendingReapplications(m: EntityManager, ledger: readonly ErasureLedgerEntry[], hashes: LedgerHashes): Promise<number> {
  const entries = withoutLiftedListings(ledger)
  const subjects = await ledgerSubjects(m, entries, hashes)
  let pending = 0
  for (const entry of entries) {
    const personId = subjects.get(entry.subject)
    if (personId && (await reapplicationOf(m, entry, personId, hashes))) pending++
  }
  return pending
}

/** A ledger to re-apply: its entries (this vault's or office's key) and the keyed hashes they were written with. */
export interface LedgerToReapply {
  entries: readonly ErasureLedgerEntry[]
  hashes: LedgerHashes
}

/**
 * Re-applies a ledger to the database: the local vault's file (the default), or the office
 * server's table after a restore of a server backup (server/officeBackup.ts). Returns how many
 * entries changed something.
 */
export async function reapplyErasures(ws: Workspace, given?: LedgerToReapply): Promise<number> {
  const ledger = given ?? { entries: ws.vault.erasureLedger.entries(), hashes: ws.vault.erasureLedger }
  const hashes = ledger.hashes
  const entries = withoutLiftedListings(ledger.entries)
  if (entries.length === 0) return 0
  const subjects = await ws.read(({ manager }) => ledgerSubjects(manager, entries, hashes))
  const named = entries.filter((e) => subjects.has(e.subject) || isRegisterEntry(e))
  let reapplied = 0
  // One transaction per run of entries with the same date (the date the removals apply as of).
  for (let i = 0; i < named.length; ) {
    const on = named[i]!.on
    let j = i
    while (j < named.length && named[j]!.on === on) j++
    const run = named.slice(i, j)
    i = j
    reapplied += await ws.write(
      async (tx) => {
        let n = 0
        for (const entry of run) if (await reapplyEntry(ws, tx, entry, subjects.get(entry.subject) ?? null, hashes)) n++
        return n
      },
      // The system's own work, dated as the first time; not noted in the ledger again.
      { asOf: on, actorId: null, erasureLedger: false }
    )
  }
  // nothing of the removed data stays in the journal.
  if (reapplied > 0) ws.vault.checkpoint()
  return reapplied
}

async function reapplyEntry(ws: Workspace, tx: Tx, entry: ErasureLedgerEntry, personId: string | null, hashes: LedgerHashes): Promise<boolean> {
  if (entry.kind === 'do-not-contact') {
    if (!entry.doNotContact || !(await reapplicationOf(tx.manager, entry, '', hashes))) return false
    await tx.manager.getRepository(DoNotContactEntity).insert(entry.doNotContact)
    await tx.audit({ action: 'vault.restore-reapply', subjectId: null, fields: [], reason: `re-applied after restore: do-not-contact as of ${entry.on}` })
    return true
  }
  if (entry.kind === 'do-not-contact-lift') {
    if (!entry.doNotContactId || !(await reapplicationOf(tx.manager, entry, '', hashes))) return false
    await tx.manager.getRepository(DoNotContactEntity).delete({ id: entry.doNotContactId })
    await tx.audit({ action: 'vault.restore-reapply', subjectId: null, fields: [], reason: `re-applied after restore: do-not-contact-lift as of ${entry.on}` })
    return true
  }
  if (personId === null) return false
  const what = await reapplicationOf(tx.manager, entry, personId, hashes)
  if (!what) return false
  switch (entry.kind) {
    case 'delete': {
      const policyVersion = entry.policyVersion ?? (await currentPolicy(tx.manager, ws.clock)).version
      await deletePersonDefinitively(tx, personId, { rule: entry.rule, policyVersion, cause: entry.cause ?? 'retention' })
      break
    }
    case 'reduce-to-legal-hold': {
      const person = await tx.store.person.findOneOrFail({ select: { id: true, unsubscribedOn: true, reducedToLegalHoldOn: true }, where: { id: personId } })
      // As the erasure did (rights/erasureService.ts): the request ended mediation.
      if (entry.endsMediation && person.unsubscribedOn === null) await tx.store.person.update({ id: personId }, { unsubscribedOn: tx.today, updatedAt: tx.at })
      if (person.reducedToLegalHoldOn === null) await reduceToLegalHold(tx, personId, entry.rule)
      break
    }
    case 'purge-id-record':
      await purgeIdRecord(tx, personId, entry.rule)
      break
    case 'purge-attachment':
      await purgeAttachment(tx, what.targetId!, entry.rule)
      break
    case 'purge-consent-data':
      if (!(await purgeExpiredConsentData(tx, what.targetId!)).applied) return false
      break
    case 'withdraw-consent': {
      // As the withdrawal did (consent/withdrawConsent.ts): that category and purpose's data goes.
      const consent = await tx.manager.getRepository(ConsentEntity).findOneByOrFail({ id: what.targetId! })
      await tx.manager.getRepository(SpecialDataEntity).delete({ personId, category: consent.category, purpose: consent.purpose })
      await tx.manager.getRepository(ConsentEntity).update({ id: consent.id }, { withdrawnOn: entry.on })
      break
    }
    case 'delete-special-data':
      await tx.manager.getRepository(SpecialDataEntity).delete({ id: what.targetId! })
      break
    case 'delete-attachment':
      await tx.manager.getRepository(AttachmentEntity).delete({ id: what.targetId! })
      break
  }
  await tx.audit({ action: 'vault.restore-reapply', subjectId: personId, fields: [], reason: `re-applied after restore: ${entry.kind} ${entry.rule} as of ${entry.on}` })
  return true
}
