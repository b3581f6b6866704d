import { randomUUID } from 'node:crypto'
import type { Purpose, SpecialCategory } from '../../shared/domain'
import { DossierError } from '../../shared/errors'
import { SpecialDataEntity } from '../vault/entities/Consent'
import type { Tx } from '../workspace/Workspace'
import { validGroundsFor } from './consentRules'
import { groundsOf } from './consentView'
import type { GroundMisfitReason } from '../../shared/vocabulary'
import { groundFits, shapeOfValue } from './groundFits'
import { GROUNDS_POLICY } from './groundsPolicy'
import { groundSubject } from './groundSubject'
import { activeLegalBasisKeys } from './legalBases'
import { groundName } from './recordConsent'
import { groundMisfitError } from './requireGroundFits'
import { sealSpecialValue } from './specialValue'

export interface SpecialValue {
  category: SpecialCategory
  purpose: Purpose
  value: string
}

/** Where a refusal points: the form's fields, or an import row's. */
export interface SpecialValuePaths {
  category: string
  purpose: string
  value: string
}
const FORM_PATHS: SpecialValuePaths = { category: 'category', purpose: 'purpose', value: 'value' }

/**
 * THE gate of R-4, shared by every path that stores special-category data (the operation, the
 * import): the value is written only when the person has a valid consent or an active legal basis
 * for exactly this category AND purpose on `tx.today`, and (R-4a) that ground fits the category
 * for this person, purpose and form of value (grounds policy). The ground is looked up here, never taken
 * from the caller. Refusals throw before anything is written.
 */
export async function insertSpecialData(tx: Tx, personId: string, item: SpecialValue, paths: SpecialValuePaths = FORM_PATHS): Promise<{ id: string; consentId: string }> {
  const m = tx.manager
  const shape = shapeOfValue(item.category, item.value)
  // R-4a: a category without any ground (behaviour) is refused before any ground is looked up.
  const refused = groundFits(GROUNDS_POLICY, { category: item.category, ground: 'consent', roles: [], employmentStarted: false, atRegistration: false, purpose: item.purpose })
  if (!refused.ok && refused.reason === 'category-refused') throw groundMisfitError(item.category, 'category-refused', paths.category)
  const valid = validGroundsFor(await groundsOf(m, personId), item.category, item.purpose, tx.today, await activeLegalBasisKeys(m))
  if (valid.length === 0) {
    throw new DossierError('CONSENT_REQUIRED', 'No valid consent or legal basis for this category and purpose; nothing was saved.', {
      issues: [{ path: paths.category, key: 'errors.CONSENT_REQUIRED' }]
    })
  }
  // R-4a: the valid ground must also fit the category for this person, purpose and form of value.
  const subject = await groundSubject(m, personId, tx.today)
  let ground: (typeof valid)[number] | null = null
  let reason: GroundMisfitReason = 'ground-not-for-category'
  for (const g of valid) {
    const fit = groundFits(GROUNDS_POLICY, { category: item.category, ground: groundName(g), purpose: item.purpose, shape, ...subject })
    if (fit.ok) {
      ground = g
      break
    }
    // The longest-lasting ground's reason is the one the form shows.
    if (g === valid[0]) reason = fit.reason
  }
  if (!ground) throw groundMisfitError(item.category, reason, reason === 'shape-not-allowed' ? paths.value : reason === 'purpose-not-covered' ? paths.purpose : paths.category)
  // A VOG fact is kept as the date alone; a date to come is a typing error.
  const value = shape === 'vog-shown' ? item.value.trim() : item.value
  if (shape === 'vog-shown' && value > tx.today) {
    throw new DossierError('VALIDATION_FAILED', 'Some fields are not valid.', { issues: [{ path: paths.value, key: 'validation.date.future' }] })
  }
  const id = randomUUID()
  const row = { id, personId, category: item.category, purpose: item.purpose }
  await m.getRepository(SpecialDataEntity).insert({
    ...row,
    consentId: ground.id,
    // Sealed to the restricted key: this session (office staff too) cannot open it again.
    value: sealSpecialValue(tx.restricted, row, value),
    createdAt: tx.at,
    createdBy: tx.actorId
  })
  await tx.audit({ action: 'special.create', subjectId: personId, fields: [`special.${item.category}`] })
  return { id, consentId: ground.id }
}
