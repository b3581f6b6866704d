import { openSpecialValue } from './specialValue'
import { In } from 'typeorm'
import type { ConsentReview } from '../../shared/contract/consent'
import type { Workspace } from '../workspace/Workspace'
import { type Consent, ConsentEntity, SpecialDataEntity } from '../vault/entities/Consent'
import { PersonEntity } from '../vault/entities/Person'
import { consentStateOn, expiresWithin, validGroundFor, withdrawnInLastMonth } from './consentRules'
import { activeLegalBasisKeys } from './legalBases'
import type { GroundMisfitReason } from '../../shared/vocabulary'
import { groundFits, shapeOfValue } from './groundFits'
import { GROUNDS_POLICY } from './groundsPolicy'
import { type GroundSubject, groundSubject } from './groundSubject'
import { groundName } from './recordConsent'

/**
 * The privacy officer's review (issue 4): grounds that end within 30 days (ask for renewed
 * consent in time), special data without a valid ground for its category and purpose (computed,
 * should be none: the sweep or a deactivated legal basis can leave some for a day), data whose
 * ground is valid but does not fit its category for the person (R-4a: "grondslag past niet", for
 * the privacy officer to remove — e.g. data saved before the grounds policy existed), and the
 * withdrawals of the last calendar month. No special-data values. Audited as `consent.view`.
 */
export async function getConsentReview(ws: Workspace): Promise<ConsentReview> {
  const today = ws.clock.today()
  return ws.write(async ({ manager: m, audit, restricted }) => {
    const active = await activeLegalBasisKeys(m)
    const consents = await m.getRepository(ConsentEntity).find({ order: { endsOn: 'ASC', id: 'ASC' } })
    const data = await m.getRepository(SpecialDataEntity).find({
      // The value is read only to tell a VOG date from text (R-4a); it never leaves this function.
      select: { id: true, personId: true, consentId: true, category: true, purpose: true, value: true, createdAt: true },
      order: { createdAt: 'ASC', id: 'ASC' }
    })
    const byPerson = new Map<string, Consent[]>()
    for (const c of consents) byPerson.set(c.personId, [...(byPerson.get(c.personId) ?? []), c])

    const expiring = consents.filter((c) => expiresWithin(c, today, active))
    const withdrawn = consents.filter((c) => withdrawnInLastMonth(c, today)).sort((a, b) => (b.withdrawnOn ?? '').localeCompare(a.withdrawnOn ?? ''))
    const unsupported = data.filter((d) => validGroundFor(byPerson.get(d.personId) ?? [], d.category, d.purpose, today, active) === null)


    // R-4a: data on a valid ground that no longer fits its category (grondslag past niet).
    const consentById = new Map(consents.map((c) => [c.id, c]))
    const subjects = new Map<string, GroundSubject>()
    const misfits: { d: (typeof data)[number]; ground: Consent; reason: GroundMisfitReason }[] = []
    for (const d of data) {
      if (unsupported.includes(d)) continue
      const ground = consentById.get(d.consentId) ?? validGroundFor(byPerson.get(d.personId) ?? [], d.category, d.purpose, today, active)
      if (!ground) continue
      let subject = subjects.get(d.personId)
      if (!subject) subjects.set(d.personId, (subject = await groundSubject(m, d.personId, today)))
      // Whether it was recorded at registration is judged when it is saved, not in hindsight.
      const fit = groundFits(GROUNDS_POLICY, { category: d.category, ground: groundName(ground), purpose: d.purpose, shape: shapeOfValue(d.category, openSpecialValue(restricted, d)), ...subject, atRegistration: false })
      if (!fit.ok) misfits.push({ d, ground, reason: fit.reason })
    }

    const personIds = [...new Set([...expiring, ...withdrawn, ...unsupported, ...misfits.map((x) => x.d)].map((x) => x.personId))]
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
      groundDoesNotFit: misfits.map(({ d, ground, reason }) => ({
        specialDataId: d.id,
        personId: d.personId,
        personName: names.get(d.personId) ?? '',
        category: d.category,
        purpose: d.purpose,
        createdAt: d.createdAt,
        basis: ground.basis,
        legalBasisKey: ground.legalBasisKey,
        reason
      })),
      recentWithdrawals: withdrawn.map(item)
    }
  })
}
