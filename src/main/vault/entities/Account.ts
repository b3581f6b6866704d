import { EntitySchema } from 'typeorm'
import type { StaffRole } from '../../../shared/domain'
import { bool, date, int, json, pk, text } from './columns'

/** A staff account (not a data subject). Its key slot lives in the keyring. */
export interface Account {
  id: string
  username: string
  displayName: string
  roles: StaffRole[]
  disabled: boolean
  createdAt: string
  failedAttempts: number
  lastFailedAt: string | null
}

export const AccountEntity = new EntitySchema<Account>({
  name: 'Account',
  tableName: 'account',
  columns: {
    id: pk(),
    username: { ...text(), unique: true },
    displayName: text(),
    roles: json(),
    disabled: bool(),
    createdAt: date(),
    failedAttempts: { ...int(), default: 0 },
    lastFailedAt: date(true)
  }
})
