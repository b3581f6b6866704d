import { z } from 'zod'
import type { Vault } from '../vault/Vault'

/** Vault-wide settings: agency contact details, idle lock, four-eyes erasure. */
export const settingsSchema = z.object({
  agency: z.object({
    name: z.string().min(1).max(200),
    email: z.string().max(200),
    phone: z.string().max(50),
    address: z.string().max(300)
  }),
  idleLockMinutes: z.number().int().min(1).max(240),
  fourEyesErasure: z.boolean(),
  attachmentMaxMb: z.number().int().min(1).max(100)
})
export type Settings = z.infer<typeof settingsSchema>

export const DEFAULT_SETTINGS: Settings = {
  agency: { name: 'Job & Training', email: 'info@jobandtraining.nl', phone: '0162-785594', address: '' },
  idleLockMinutes: 10,
  fourEyesErasure: false,
  attachmentMaxMb: 20
}

export function readSettings(vault: Vault): Settings {
  const row = vault.db.prepare('SELECT value FROM setting WHERE key = ?').get('settings') as { value: string } | undefined
  if (!row) return DEFAULT_SETTINGS
  const parsed = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...(JSON.parse(row.value) as object) })
  return parsed.success ? parsed.data : DEFAULT_SETTINGS
}
