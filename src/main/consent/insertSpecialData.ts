import { randomUUID } from 'node:crypto'
import type { Purpose, SpecialCategory } from '../../shared/domain'
import { DossierError } from '../../shared/errors'
import { SpecialDataEntity } from '../vault/entities/Consent'
import type { Tx } from '../workspace/Workspace'
import { hasEmployment } from './consentPerson'
import { needsEmployment, validGroundFor } from './consentRules'
import { groundsOf } from './consentView'
import { activeLegalBasisKeys } from './legalBases'

export interface SpecialValue {
  category: SpecialCategory
  purpose: Purpose
  value: string
}

/**
 * THE gate of R-4, shared by every path that stores special-category data (the operation, the
 * import): the value is written only when the person has a valid consent or an active legal basis
 * for exactly this category AND purpose on `tx.today`. The ground is looked up here, never taken
 * from the caller. Refusals throw before anything is written.
 */
export async function insertSpecialData(tx: Tx, personId: string, item: SpecialValue): Promise<{ id: string; consentId: string }> {
  const m = tx.manager
  const ground = validGroundFor(await groundsOf(m, personId), item.category, item.purpose, tx.today, await activeLegalBasisKeys(m))
  if (!ground) {
    throw new DossierError('CONSENT_REQUIRED', 'No valid consent or legal basis for this category and purpose; nothing was saved.', {
      issues: [{ path: 'category', key: 'errors.CONSENT_REQUIRED' }]
    })
  }
  // R-3a: no health questions before employment, whatever ground was recorded.
  if (needsEmployment(item.category) && !(await hasEmployment(m, personId))) {
    throw new DossierError('EMPLOYMENT_REQUIRED', 'Health data is recorded only once the person works for the agency; nothing was saved.')
  }
  const id = randomUUID()
  await m.getRepository(SpecialDataEntity).insert({
    id,
    personId,
    consentId: ground.id,
    category: item.category,
    purpose: item.purpose,
    value: item.value,
    createdAt: tx.at,
    createdBy: tx.actorId
  })
  await tx.audit({ action: 'special.create', subjectId: personId, fields: [`special.${item.category}`] })
  return { id, consentId: ground.id }
}
