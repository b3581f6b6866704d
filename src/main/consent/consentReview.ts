import { In } from 'typeorm'
import type { ConsentReview } from '../../shared/contract/consent'
import type { Workspace } from '../workspace/Workspace'
import { type Consent, ConsentEntity, SpecialDataEntity } from '../vault/entities/Consent'
import { PersonEntity } from '../vault/entities/Person'
import { consentStateOn, expiresWithin, validGroundFor, withdrawnInLastMonth } from './consentRules'
import { activeLegalBasisKeys } from './legalBases'

/**
 * The privacy officer's review (issue 4): grounds that end within 30 days (ask for renewed
 * consent in time), special data without a valid ground for its category and purpose (computed,
 * should be none: the sweep or a deactivated legal basis can leave some for a day), and the
 * withdrawals of the last calendar month. No special-data values. Audited as `consent.view`.
 */
export async function getConsentReview(ws: Workspace): Promise<ConsentReview> {
  const today = ws.clock.today()
  return ws.write(async ({ manager: m, audit }) => {
    const active = await activeLegalBasisKeys(m)
    const consents = await m.getRepository(ConsentEntity).find({ order: { endsOn: 'ASC', id: 'ASC' } })
    const data = await m.getRepository(SpecialDataEntity).find({
      select: { id: true, personId: true, consentId: true, category: true, purpose: true, createdAt: true },
      order: { createdAt: 'ASC', id: 'ASC' }
    })
    const byPerson = new Map<string, Consent[]>()
    for (const c of consents) byPerson.set(c.personId, [...(byPerson.get(c.personId) ?? []), c])

    const expiring = consents.filter((c) => expiresWithin(c, today, active))
    const withdrawn = consents.filter((c) => withdrawnInLastMonth(c, today)).sort((a, b) => (b.withdrawnOn ?? '').localeCompare(a.withdrawnOn ?? ''))
    const unsupported = data.filter((d) => validGroundFor(byPerson.get(d.personId) ?? [], d.category, d.purpose, today, active) === null)

    const personIds = [...new Set([...expiring, ...withdrawn, ...unsupported].map((x) => x.personId))]
    const names = new Map<string, string>()
    for (let i = 0; i < personIds.length; i += 500) {
      const persons = await m.getRepository(PersonEntity).find({
        select: { id: true, givenName: true, familyName: true },
        where: { id: In(personIds.slice(i, i + 500)) }
      })
      for (const p of persons) names.set(p.id, `${p.givenName} ${p.familyName}`)
    }
    const item = (c: Consent) => ({
      consentId: c.id,
      personId: c.personId,
      personName: names.get(c.personId) ?? '',
      category: c.category,
      purpose: c.purpose,
      basis: c.basis,
      endsOn: c.endsOn,
      withdrawnOn: c.withdrawnOn,
      state: consentStateOn(c, today, active)
    })
    await audit({ action: 'consent.view', subjectId: null, fields: ['consent'], reason: 'privacy-officer review' })
    return {
      today,
      expiringSoon: expiring.map(item),
      withoutValidBasis: unsupported.map((d) => ({
        specialDataId: d.id,
        personId: d.personId,
        personName: names.get(d.personId) ?? '',
        category: d.category,
        purpose: d.purpose,
        createdAt: d.createdAt
      })),
      recentWithdrawals: withdrawn.map(item)
    }
  })
}
