import type { ConsentView } from '../../shared/contract/consent'
import type { Workspace } from '../workspace/Workspace'
import { hasEmployment, requirePerson } from './consentPerson'
import { consentViews, groundsOf } from './consentView'

/**
 * A person's consents and legal bases with their state today, newest first. Facts only — the
 * special-data values are behind viewSpecialData. Audited as `consent.view`.
 */
export async function listConsents(ws: Workspace, personId: string): Promise<{ today: string; personName: string; hasEmployment: boolean; consents: ConsentView[] }> {
  const today = ws.clock.today()
  return ws.write(async ({ manager: m, audit }) => {
    const person = await requirePerson(ws, m, personId)
    const consents = (await consentViews(m, await groundsOf(m, personId), today)).reverse()
    await audit({ action: 'consent.view', subjectId: personId, fields: ['consent'] })
    return { today, personName: `${person.givenName} ${person.familyName}`, hasEmployment: await hasEmployment(m, personId), consents }
  })
}
