import { EntitySchema } from 'typeorm'
import type { PersonRole, Purpose } from '../../../shared/domain'

/** the roles a person holds. */
export interface PersonRoleRow {
  personId: string
  role: PersonRole
}
export const PersonRoleEntity = new EntitySchema<PersonRoleRow>({
  name: 'PersonRole',
  tableName: 'person_role',
  columns: { personId: { type: 'varchar', length: 36, primary: true }, role: { type: 'varchar', length: 16, primary: true } },
  indices: [{ name: 'idx_person_role_role', columns: ['role'] }]
})

/** the purposes for which a person's data is processed, each with its legal basis. */
export interface PersonPurposeRow {
  personId: string
  purpose: Purpose
  legalBasis: string
}
export const PersonPurposeEntity = new EntitySchema<PersonPurposeRow>({
  name: 'PersonPurpose',
  tableName: 'person_purpose',
  columns: {
    personId: { type: 'varchar', length: 36, primary: true },
    purpose: { type: 'varchar', length: 32, primary: true },
    legalBasis: { type: 'varchar', length: 32 }
  }
})
