import groundsJson from '../../resources/special-category-grounds.json'
import { parseGroundsPolicy } from '../../src/main/consent/groundsPolicy'
import {
  GROUND_ROLE_LABELS,
  GROUND_VALUE_SHAPE_LABELS,
  PURPOSE_SCREEN_LABELS,
  SPECIAL_CATEGORY_SCREEN_LABELS,
  SPECIAL_DATA_GROUND_LABELS
} from '../../src/shared/vocabulary'
import { markdownTable } from './markdown'

/**
 * README's "Grounds per special category" table, from `resources/special-category-grounds.json`
 * (R-4a) with the shared vocabulary's English labels, so the README cannot disagree with the rule
 * main enforces.
 */
export function groundsTable(raw: unknown = groundsJson): string {
  const policy = parseGroundsPolicy(raw) // the app's own validation: a bad file fails here
  const rows: string[][] = []
  for (const c of policy.categories) {
    const category = SPECIAL_CATEGORY_SCREEN_LABELS.en[c.category]
    if (c.grounds.length === 0) {
      rows.push([category, 'none — always refused', '', '', '', ''])
      continue
    }
    for (const g of c.grounds) {
      const roles = g.roles.map((r) => GROUND_ROLE_LABELS.en[r]).join(', ') + (g.notAtRegistration ? ' (not at registration)' : '')
      rows.push([
        category,
        SPECIAL_DATA_GROUND_LABELS.en[g.ground],
        roles,
        g.purposes.map((p) => PURPOSE_SCREEN_LABELS.en[p]).join(', '),
        g.shapes.map((s) => GROUND_VALUE_SHAPE_LABELS.en[s]).join(', '),
        g.law
      ])
    }
  }
  return [
    `Policy version ${policy.version} (${policy.requirement}). A category or ground not listed is covered by nothing.`,
    '',
    markdownTable(['Category', 'Ground', 'For', 'Purposes', 'Form', 'Law'], rows)
  ].join('\n')
}
