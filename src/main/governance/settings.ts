import { z } from 'zod'
import type { Store } from '../vault/store'

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

const SETTINGS_KEY = 'settings'

/**
 * The settings as the store sees them: read inside the transaction that uses them (a write sees
 * its own changes), through `tx.store`.
 */
export async function readSettings(store: Store): Promise<Settings> {
  const row = await store.setting.findOneBy({ key: SETTINGS_KEY })
  return fromStored(row?.value ?? null)
}

/**
 * Store the settings (the caller audits `settings.change` in the same transaction) and return
 * the names of the fields that changed, e.g. `agency.email`, `idleLockMinutes`.
 */
export async function writeSettings(store: Store, next: Settings): Promise<string[]> {
  const valid = settingsSchema.parse(next)
  const changed = changedSettingFields(await readSettings(store), valid)
  if (changed.length > 0) await store.setting.save({ key: SETTINGS_KEY, value: valid })
  return changed
}

/** Dotted names of the fields whose values differ (names only: the audit trail never holds values). */
export function changedSettingFields(before: Settings, after: Settings): string[] {
  const changed: string[] = []
  for (const key of Object.keys(after.agency) as (keyof Settings['agency'])[]) {
    if (before.agency[key] !== after.agency[key]) changed.push(`agency.${key}`)
  }
  for (const key of ['idleLockMinutes', 'fourEyesErasure', 'attachmentMaxMb'] as const) {
    if (before[key] !== after[key]) changed.push(key)
  }
  return changed
}

function fromStored(value: unknown): Settings {
  if (!value || typeof value !== 'object') return DEFAULT_SETTINGS
  const stored = value as Partial<Settings>
  const parsed = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...stored, agency: { ...DEFAULT_SETTINGS.agency, ...(stored.agency ?? {}) } })
  return parsed.success ? parsed.data : DEFAULT_SETTINGS
}
