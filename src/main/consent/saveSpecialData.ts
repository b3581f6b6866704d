import type { Purpose, SpecialCategory } from '../../shared/domain'
import type { DossierApp } from '../services/DossierApp'
import { requirePerson } from './consentPerson'
import { insertSpecialData } from './insertSpecialData'

/**
 * save one special-category value for a person. Refused with CONSENT_REQUIRED — and nothing
 * written — unless a valid consent or active legal basis exists for exactly this category and
 * purpose (insertSpecialData is the one gate every path goes through). Only these four fields are
 * taken: a ground id in the payload is rejected by the contract and would be ignored here.
 */
export async function saveSpecialData(
  app: DossierApp,
  input: { personId: string; category: SpecialCategory; purpose: Purpose; value: string }
): Promise<{ id: string; consentId: string }> {
  return app.transaction(async (m, audit) => {
    await requirePerson(app, m, input.personId)
    const ctx = { today: app.clock.today(), at: app.clock.now().toISOString(), actorId: app.session.accountId, audit }
    return insertSpecialData(m, input.personId, { category: input.category, purpose: input.purpose, value: input.value }, ctx)
  })
}
