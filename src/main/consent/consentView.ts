import { In, type EntityManager } from 'typeorm'
import type { ConsentView } from '../../shared/contract/consent'
import type { CalendarDate } from '../../shared/domain'
import { AccountEntity } from '../vault/entities/Account'
import { type Consent, ConsentEntity, SpecialDataEntity } from '../vault/entities/Consent'
import { consentStateOn } from './consentRules'
import { ensureLegalBases } from './legalBases'

/** Display names of staff accounts (who recorded or withdrew), by account id. */
export async function accountNames(m: EntityManager, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))]
  if (wanted.length === 0) return new Map()
  const rows = await m.getRepository(AccountEntity).find({ select: { id: true, displayName: true }, where: { id: In(wanted) } })
  return new Map(rows.map((a) => [a.id, a.displayName]))
}

/**
 * Consent records as the UI, the CLI and the access report see them: the facts, the state today
 * and how many special-data items rest on each — never the values themselves.
 */
export async function consentViews(m: EntityManager, consents: readonly Consent[], today: CalendarDate): Promise<ConsentView[]> {
  if (consents.length === 0) return []
  const bases = await ensureLegalBases(m)
  const active = new Set(bases.filter((b) => b.active).map((b) => b.key))
  const labels = new Map(bases.map((b) => [b.key, b.label]))
  const names = await accountNames(m, consents.flatMap((c) => [c.recordedBy, c.withdrawnBy]))
  const counts = new Map<string, number>()
  const ids = consents.map((c) => c.id)
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await m.getRepository(SpecialDataEntity).find({ select: { id: true, consentId: true }, where: { consentId: In(ids.slice(i, i + 500)) } })
    for (const r of rows) counts.set(r.consentId, (counts.get(r.consentId) ?? 0) + 1)
  }
  return consents.map((c) => ({
    id: c.id,
    personId: c.personId,
    category: c.category,
    purpose: c.purpose,
    basis: c.basis,
    legalBasisKey: c.legalBasisKey,
    legalBasisLabel: c.legalBasisKey === null ? null : (labels.get(c.legalBasisKey) ?? c.legalBasisKey),
    givenOn: c.givenOn,
    how: c.how,
    wording: c.wording,
    statementVersion: c.statementVersion,
    endsOn: c.endsOn,
    recordedBy: c.recordedBy === null ? null : (names.get(c.recordedBy) ?? null),
    recordedAt: c.recordedAt,
    withdrawnOn: c.withdrawnOn,
    withdrawnBy: c.withdrawnBy === null ? null : (names.get(c.withdrawnBy) ?? null),
    expiredPurgedOn: c.expiredPurgedOn,
    state: consentStateOn(c, today, active),
    specialDataCount: counts.get(c.id) ?? 0
  }))
}

/** A person's grounds, oldest first. */
export async function groundsOf(m: EntityManager, personId: string): Promise<Consent[]> {
  return m.getRepository(ConsentEntity).find({ where: { personId }, order: { recordedAt: 'ASC', id: 'ASC' } })
}
