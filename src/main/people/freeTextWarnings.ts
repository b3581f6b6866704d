/**
 * R-4a: free text that looks like special data is saved when staff choose to (the detector can be
 * wrong), but never silently: the audit trail records which field looked like which category, as
 * `field:category` names (`particulars:health`) — never the text.
 */
import { detectSpecialDataInFields } from '../../shared/person/detectSpecialData'
import type { FreeTextField } from '../../shared/person/specialDataTerms'
import type { Tx } from '../workspace/Workspace'

/** `particulars:health`, … for the fields of `values` that look like special data. */
export function freeTextWarnings(values: { readonly [F in FreeTextField]?: unknown }): string[] {
  return detectSpecialDataInFields(values).map(({ field, category }) => `${field}:${category}`)
}

/** Records the warnings for one person (nothing when there are none). */
export async function auditFreeTextWarnings(audit: Tx['audit'], personId: string, warnings: readonly string[]): Promise<void> {
  if (warnings.length === 0) return
  await audit({ action: 'person.special-data-warning', subjectId: personId, fields: [...warnings] })
}
