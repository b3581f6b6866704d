import { Brackets, type EntityManager } from 'typeorm'
import type { CalendarDate } from '../../shared/domain'
import { PersonEntity } from '../vault/entities/Person'
import { personMatchOnServer } from '../server/hiddenRecords'
import { familySearchKey } from './searchKeys'

export interface DuplicateCandidate {
  email?: string | null | undefined
  phone?: string | null | undefined
  birthDate?: CalendarDate | null | undefined
  familyName: string
}

/**
 * Intake duplicate check (issue 3): another record with the same e-mail, or the same phone, or the
 * same birth date and family name (compared on the search key: case, accents and tussenvoegsel
 * spacing do not matter). Shielded records count too — the person may be coming back.
 */
export async function findDuplicatePerson(m: EntityManager, c: DuplicateCandidate, exceptId?: string): Promise<{ id: string; state: string } | null> {
  const clauses: { sql: string; params: Record<string, string> }[] = []
  if (c.email) clauses.push({ sql: 'p.email = :email', params: { email: c.email } })
  if (c.phone) clauses.push({ sql: 'p.phone = :phone', params: { phone: c.phone } })
  if (c.birthDate) clauses.push({ sql: '(p.birthDate = :birthDate AND p.searchFamily = :family)', params: { birthDate: c.birthDate, family: familySearchKey(c.familyName) } })
  if (clauses.length === 0) return null
  // The office server: the same check, over the records this login cannot see too (hiddenRecords.ts).
  const onServer = await personMatchOnServer(
    m,
    { email: c.email || null, phone: c.phone || null, birthDate: c.birthDate || null, family: c.birthDate ? familySearchKey(c.familyName) : null },
    exceptId ?? null
  )
  if (onServer !== undefined) return onServer
  const qb = m
    .getRepository(PersonEntity)
    .createQueryBuilder('p')
    .select(['p.id', 'p.state'])
    .where(
      new Brackets((or) => {
        for (const clause of clauses) or.orWhere(clause.sql, clause.params)
      })
    )
  if (exceptId) qb.andWhere('p.id != :exceptId', { exceptId })
  const found = await qb.orderBy('p.createdAt', 'ASC').getOne()
  return found ? { id: found.id, state: found.state } : null
}
