import type { Purpose, SpecialCategory } from '../../shared/domain'
import type { Workspace } from '../workspace/Workspace'
import { requirePersonToChange } from './consentPerson'
import { insertSpecialData } from './insertSpecialData'

/**
 * save one special-category value for a person. Refused with CONSENT_REQUIRED — and nothing
 * written — unless a valid consent or active legal basis exists for exactly this category and
 * purpose (insertSpecialData is the one gate every path goes through). Only these four fields are
 * taken: a ground id in the payload is rejected by the contract and would be ignored here.
 */
export async function saveSpecialData(
  ws: Workspace,
  input: { personId: string; category: SpecialCategory; purpose: Purpose; value: string }
): Promise<{ id: string; consentId: string }> {
  return ws.write(async (tx) => {
    await requirePersonToChange(ws, tx.manager, input.personId)
    return insertSpecialData(tx, input.personId, { category: input.category, purpose: input.purpose, value: input.value })
  })
}
