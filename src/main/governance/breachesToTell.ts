import { type EntityManager, In } from 'typeorm'
import type { CalendarDate } from '../../shared/domain'
import { amsterdamToday } from '../../shared/time'
import { BreachEntity, BreachPersonEntity } from '../vault/entities/Governance'

/** A breach as the person affected sees it (art. 34(2): its nature, the measures, when they were told). */
export interface BreachToTell {
  breachId: string
  discoveredOn: CalendarDate
  description: string
  measures: string | null
  toldOn: CalendarDate | null
}

/**
 * GDPR art. 34: the breaches a person was affected by and must be told about (`informPersons`).
 * Only these appear in the person's history and access report; a breach without that duty stays
 * in the register alone. Oldest first.
 */
export async function breachesToTell(m: EntityManager, personId: string): Promise<BreachToTell[]> {
  const links = await m.getRepository(BreachPersonEntity).find({ select: { breachId: true }, where: { personId } })
  if (links.length === 0) return []
  const breaches = await m.getRepository(BreachEntity).find({ where: { id: In(links.map((l) => l.breachId)), informPersons: true }, order: { discoveredAt: 'ASC' } })
  return breaches.map((b) => ({
    breachId: b.id,
    discoveredOn: amsterdamToday(new Date(b.discoveredAt)),
    description: b.description,
    measures: b.measures,
    toldOn: b.reportedToPersonsAt ? amsterdamToday(new Date(b.reportedToPersonsAt)) : null
  }))
}
