import type { EntityManager } from 'typeorm'
import type { CalendarDate, PersonRole } from '../../shared/domain'
import { EmploymentEntity } from '../vault/entities/Employment'
import { PersonEntity } from '../vault/entities/Person'
import { PersonRoleEntity } from '../vault/entities/PersonRoleRow'
import { inTurn } from '../workspace/inTurn'

/** The facts about a person that decide which grounds fit (R-4a); nothing else of the person. */
export interface GroundSubject {
  roles: PersonRole[]
  /** An employment started on or before today: an employee. */
  employmentStarted: boolean
  /** Today is the registration day (R-3a). */
  atRegistration: boolean
}

export async function groundSubject(m: EntityManager, personId: string, today: CalendarDate): Promise<GroundSubject> {
  const [roles, employments, person] = await inTurn([
    () => m.getRepository(PersonRoleEntity).find({ select: { role: true }, where: { personId } }),
    () => m.getRepository(EmploymentEntity).find({ select: { start: true }, where: { personId } }),
    () => m.getRepository(PersonEntity).findOne({ select: { id: true, registeredOn: true }, where: { id: personId } })
  ])
  return {
    roles: roles.map((r) => r.role),
    employmentStarted: employments.some((e) => e.start <= today),
    atRegistration: person?.registeredOn === today
  }
}
