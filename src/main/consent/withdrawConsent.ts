import { In } from 'typeorm'
import type { Purpose, SpecialCategory } from '../../shared/domain'
import { DossierError } from '../../shared/errors'
import type { Workspace } from '../workspace/Workspace'
import { ConsentEntity, SpecialDataEntity } from '../vault/entities/Consent'
import { requirePerson } from './consentPerson'
import { groundsOf } from './consentView'

export type WithdrawTarget = { consentId: string } | { personId: string; category: SpecialCategory; purpose: Purpose }

export interface WithdrawResult {
  personId: string
  /** ids of the consent records now marked withdrawn */
  withdrawn: string[]
  deletedSpecialData: number
}

/**
 * withdrawal of consent removes the data of that category and purpose at once. The person
 * withdraws their consent for the category and purpose, not one record: every live consent for
 * it is marked withdrawn (`withdrawnOn`, `withdrawnBy`), and ALL special data of that category
 * and purpose is deleted in the same transaction. A legal-basis record can be ended the same way
 * (by its id). The records keep only the fact, the dates and who recorded it; the wording is the
 * agency's text and stays. With `secure_delete=ON` the freed bytes are zeroed, and the WAL is
 * checkpointed afterwards so the old pages do not linger in the journal (same guarantee as R-15).
 */
export async function withdrawConsent(ws: Workspace, target: WithdrawTarget): Promise<WithdrawResult> {
  const today = ws.clock.today()
  const result = await ws.write(async ({ manager: m, audit, noteErasure }) => {
    const consents = m.getRepository(ConsentEntity)
    let personId: string
    let category: SpecialCategory
    let purpose: Purpose
    let byId: string | null = null
    if ('consentId' in target) {
      const consent = await consents.findOneBy({ id: target.consentId })
      if (!consent) throw new DossierError('NOT_FOUND', 'No consent with this id.')
      ;({ personId, category, purpose } = consent)
      byId = consent.id
    } else {
      ;({ personId, category, purpose } = target)
    }
    await requirePerson(ws, m, personId)
    const sameGround = (await groundsOf(m, personId)).filter((c) => c.category === category && c.purpose === purpose && c.withdrawnOn === null)
    const chosen = byId === null ? null : (sameGround.find((c) => c.id === byId) ?? null)
    if (byId !== null && chosen === null) throw new DossierError('CONFLICT', 'This consent was already withdrawn.')
    const targets = chosen !== null && chosen.basis === 'legal-basis' ? [chosen] : sameGround.filter((c) => c.basis === 'consent')
    if (targets.length === 0) throw new DossierError('NOT_FOUND', 'No consent to withdraw for this category and purpose.')

    const data = m.getRepository(SpecialDataEntity)
    const deletedSpecialData = await data.countBy({ personId, category, purpose })
    await data.delete({ personId, category, purpose })
    const ids = targets.map((c) => c.id)
    await consents.update({ id: In(ids) }, { withdrawnOn: today, withdrawnBy: ws.requireActor().accountId })
    // Issue 15 point 3: a restore of an older backup withdraws again (the data must not come back).
    for (const id of ids) noteErasure({ kind: 'withdraw-consent', personId, targetId: id, rule: 'consent-withdrawn' })
    await audit({ action: 'consent.withdraw', subjectId: personId, fields: [`special.${category}`, 'consent.withdrawnOn', 'consent.withdrawnBy'] })
    return { personId, withdrawn: ids, deletedSpecialData }
  })
  ws.vault.checkpoint()
  return result
}
