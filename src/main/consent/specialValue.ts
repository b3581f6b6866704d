import type { RestrictedKeyPort } from '../workspace/Workspace'
import type { SpecialData } from '../vault/entities/Consent'

/**
 * Issue 15 point 1: a special-category value is stored sealed to the restricted key, bound to its
 * row, person, category and purpose — a sealed value copied onto another row or person does not
 * open. Office staff seal (they record what the person tells them under a valid ground); only a
 * privacy officer's session opens.
 */
type SpecialRow = Pick<SpecialData, 'id' | 'personId' | 'category' | 'purpose'>

function context(row: SpecialRow): string {
  return `dossier/special_data/value|${row.id}|${row.personId}|${row.category}|${row.purpose}`
}

export function sealSpecialValue(restricted: RestrictedKeyPort, row: SpecialRow, value: string): string {
  return restricted.seal(value, context(row))
}

/** The value in clear: RESTRICTED_KEY_REQUIRED in a session without the restricted key. */
export function openSpecialValue(restricted: RestrictedKeyPort, row: SpecialRow & Pick<SpecialData, 'value'>): string {
  return restricted.open(row.value, context(row))
}
