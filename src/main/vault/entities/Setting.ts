import { EntitySchema } from 'typeorm'
import { json } from './columns'

/** Vault-wide settings (agency contact details R-25, idle lock, four-eyes erasure, secrets). */
export interface Setting {
  key: string
  value: unknown
}

export const SettingEntity = new EntitySchema<Setting>({
  name: 'Setting',
  tableName: 'setting',
  columns: { key: { type: 'varchar', length: 64, primary: true }, value: json() }
})
