import { ConsentEntity, SpecialDataEntity } from '../vault/entities/Consent'
import type { Tx } from '../workspace/Workspace'
import { consentStateOn, validGroundFor } from './consentRules'
import { groundsOf } from './consentView'
import { activeLegalBasisKeys } from './legalBases'

export interface PurgeResult {
  /** false when there was nothing to do (unknown, not yet ended, withdrawn or already purged) */
  applied: boolean
  /** special-data items deleted */
  deleted: number
  /** items kept because another valid ground covers the same category and purpose */
  moved: number
}

/**
 * R-4, for the retention sweep (`purge-consent-data`): the consent's end date has passed, so the
 * special data resting on it is deleted — unless another ground that is valid `tx.today` covers
 * exactly the same category and purpose (a renewed consent, a legal basis), in which case the
 * data now rests on that one. The consent record stays (fact, dates, wording) and gets
 * `expiredPurgedOn`, so the sweep does not act on it again. Idempotent.
 *
 * Runs in the caller's transaction; the caller checkpoints the WAL after committing
 * (`ws.vault.checkpoint()`), as for every deletion.
 */
export async function purgeExpiredConsentData(tx: Tx, consentId: string): Promise<PurgeResult> {
  const { manager: m, today, audit } = tx
  const nothing: PurgeResult = { applied: false, deleted: 0, moved: 0 }
  const consent = await m.getRepository(ConsentEntity).findOneBy({ id: consentId })
  if (!consent || consent.expiredPurgedOn !== null || consent.withdrawnOn !== null) return nothing
  const active = await activeLegalBasisKeys(m)
  if (consentStateOn(consent, today, active) !== 'expired') return nothing

  const data = m.getRepository(SpecialDataEntity)
  const successor = validGroundFor(
    (await groundsOf(m, consent.personId)).filter((g) => g.id !== consent.id),
    consent.category,
    consent.purpose,
    today,
    active
  )
  const count = await data.countBy({ consentId })
  if (successor) await data.update({ consentId }, { consentId: successor.id })
  else {
    await data.delete({ consentId })
    // Issue 15 point 3: a restore of an older backup purges the data again.
    tx.noteErasure({ kind: 'purge-consent-data', personId: consent.personId, targetId: consentId, rule: 'consent-expired' })
  }
  await m.getRepository(ConsentEntity).update({ id: consentId }, { expiredPurgedOn: today })
  await audit({
    action: 'consent.expire',
    subjectId: consent.personId,
    fields: [`special.${consent.category}`, 'consent.expiredPurgedOn'],
    reason: successor ? 'covered by another valid ground' : null
  })
  return { applied: true, deleted: successor ? 0 : count, moved: successor ? count : 0 }
}
