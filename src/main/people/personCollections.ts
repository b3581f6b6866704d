import type { EntityManager } from 'typeorm'
import type { PersonRole, Purpose } from '../../shared/domain'
import { PersonPurposeEntity, PersonRoleEntity } from '../vault/entities/PersonRoleRow'
import { purposeRows, roleRows } from './newPersonRow'

export async function rolesOf(m: EntityManager, personId: string): Promise<PersonRole[]> {
  const rows = await m.getRepository(PersonRoleEntity).findBy({ personId })
  return rows.map((r) => r.role).sort()
}

export async function purposesOf(m: EntityManager, personId: string): Promise<Purpose[]> {
  const rows = await m.getRepository(PersonPurposeEntity).findBy({ personId })
  return rows.map((r) => r.purpose).sort()
}

export async function replaceRoles(m: EntityManager, personId: string, roles: readonly PersonRole[]): Promise<void> {
  await m.getRepository(PersonRoleEntity).delete({ personId })
  if (roles.length > 0) await m.getRepository(PersonRoleEntity).insert(roleRows(personId, roles))
}

/** the purposes with their legal bases (purposeLegalBasis.ts). */
export async function replacePurposes(m: EntityManager, personId: string, purposes: readonly Purpose[]): Promise<void> {
  await m.getRepository(PersonPurposeEntity).delete({ personId })
  if (purposes.length > 0) await m.getRepository(PersonPurposeEntity).insert(purposeRows(personId, purposes))
}

/** Adds a role the person does not hold yet; true when it was added. */
export async function ensureRole(m: EntityManager, personId: string, role: PersonRole): Promise<boolean> {
  const repo = m.getRepository(PersonRoleEntity)
  if (await repo.existsBy({ personId, role })) return false
  await repo.insert({ personId, role })
  return true
}

export function sameSet<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x))
}
