import { DossierError, type ErrorIssue } from '../../shared/errors'
import type { Workspace } from '../workspace/Workspace'
import { readSettings, type Settings, writeSettings } from './settings'

/**
 * an administrator changes the agency's contact details, the idle lock, four-eyes
 * erasure or the attachment limit. Audited `settings.change` with the changed field names only;
 * saving unchanged settings writes nothing and audits nothing.
 */
/** the idle lock between 1 minute and 4 hours; attachments 1 to 100 MB. */
export const SETTING_RANGES = {
  idleLockMinutes: { min: 1, max: 240, key: 'validation.settings.idleLock' },
  attachmentMaxMb: { min: 1, max: 100, key: 'validation.settings.attachmentMax' }
} as const

export async function updateSettings(ws: Workspace, next: Settings): Promise<Settings> {
  ws.requireRole('admin')
  const issues: ErrorIssue[] = []
  for (const [field, range] of Object.entries(SETTING_RANGES) as [keyof typeof SETTING_RANGES, (typeof SETTING_RANGES)[keyof typeof SETTING_RANGES]][]) {
    if (next[field] < range.min || next[field] > range.max) issues.push({ path: field, key: range.key })
  }
  if (issues.length > 0) throw new DossierError('VALIDATION_FAILED', 'Some settings are out of range.', { issues })
  return ws.write(async ({ store, audit }) => {
    const changed = await writeSettings(store, next)
    if (changed.length > 0) await audit({ action: 'settings.change', fields: changed })
    return readSettings(store)
  })
}
