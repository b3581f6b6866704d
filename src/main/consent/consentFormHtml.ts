import type { Purpose, SpecialCategory } from '../../shared/domain'
import { DossierError } from '../../shared/errors'
import { renderConsentFormHtml } from '../documents/renderConsentForm'
import type { Lang } from '../documents/labels'
import type { Workspace } from '../workspace/Workspace'
import { readSettings } from '../governance/settings'
import { ConsentEntity } from '../vault/entities/Consent'
import { requirePerson } from './consentPerson'

export type ConsentFormRequest =
  | { consentId: string; lang: Lang }
  | { personId: string; category: SpecialCategory; purpose: Purpose; wording: string; statementVersion: string; lang: Lang }

/**
 * the printable form the person signs — for a recorded consent (its stored wording,
 * the record id as reference) or for a draft still being filled in. The HTML is self-contained
 * (documents/README). It prints the person's name, so producing it is audited (`consent.form`).
 */
export async function consentFormHtml(ws: Workspace, req: ConsentFormRequest): Promise<{ html: string }> {
  return ws.write(async ({ manager: m, store, audit }) => {
    let form: { personId: string; category: SpecialCategory; purpose: Purpose; wording: string; statementVersion: string; reference: string | null }
    if ('consentId' in req) {
      const c = await m.getRepository(ConsentEntity).findOneBy({ id: req.consentId })
      if (!c) throw new DossierError('NOT_FOUND', 'No consent with this id.')
      if (c.basis !== 'consent' || c.wording === null) throw new DossierError('CONFLICT', 'A legal basis has no consent form.')
      form = { personId: c.personId, category: c.category, purpose: c.purpose, wording: c.wording, statementVersion: c.statementVersion ?? '', reference: c.id }
    } else {
      form = { ...req, reference: null }
    }
    const person = await requirePerson(ws, m, form.personId)
    const html = renderConsentFormHtml({
      lang: req.lang,
      agency: (await readSettings(store)).agency,
      person: { name: `${person.givenName} ${person.familyName}` },
      category: form.category,
      purpose: form.purpose,
      wording: form.wording,
      statementVersion: form.statementVersion,
      date: ws.clock.today(),
      reference: form.reference
    })
    await audit({ action: 'consent.form', subjectId: person.id, fields: ['givenName', 'familyName', 'consent.wording'] })
    return { html }
  })
}
