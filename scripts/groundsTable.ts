/**
 * README's "Grounds per special category" table, generated from resources/special-category-grounds.json
 * (R-4a) with the shared vocabulary's English labels, so the README cannot disagree with the rule
 * main enforces. `node scripts/update-readme-tables.mjs` writes it between the markers;
 * test/scripts/groundsTable.test.ts fails when README.md is out of date.
 */
import { parseGroundsPolicy } from '../src/main/consent/groundsPolicy'
import groundsJson from '../resources/special-category-grounds.json'
import {
  GROUND_ROLE_LABELS,
  GROUND_VALUE_SHAPE_LABELS,
  PURPOSE_SCREEN_LABELS,
  SPECIAL_CATEGORY_SCREEN_LABELS,
  SPECIAL_DATA_GROUND_LABELS
} from '../src/shared/vocabulary'

export const GROUNDS_TABLE_BEGIN = '<!-- grounds-table:begin (generated from resources/special-category-grounds.json; node scripts/update-readme-tables.mjs) -->'
export const GROUNDS_TABLE_END = '<!-- grounds-table:end -->'

const cell = (s: string) => s.replace(/\|/g, '\\|')

export function groundsTableMarkdown(raw: unknown = groundsJson): string {
  const policy = parseGroundsPolicy(raw)
  const lines = [
    `Policy version ${policy.version} (${policy.requirement}). A category or ground not listed is covered by nothing.`,
    '',
    '| Category | Ground | For | Purposes | Form | Law |',
    '| --- | --- | --- | --- | --- | --- |'
  ]
  for (const c of policy.categories) {
    const category = SPECIAL_CATEGORY_SCREEN_LABELS.en[c.category]
    if (c.grounds.length === 0) {
      lines.push(`| ${category} | none — always refused | | | | |`)
      continue
    }
    for (const g of c.grounds) {
      const roles = g.roles.map((r) => GROUND_ROLE_LABELS.en[r]).join(', ') + (g.notAtRegistration ? ' (not at registration)' : '')
      lines.push(
        `| ${category} | ${cell(SPECIAL_DATA_GROUND_LABELS.en[g.ground])} | ${cell(roles)} | ${g.purposes.map((p) => PURPOSE_SCREEN_LABELS.en[p]).join(', ')} | ${g.shapes.map((s) => GROUND_VALUE_SHAPE_LABELS.en[s]).join(', ')} | ${cell(g.law)} |`
      )
    }
  }
  return lines.join('\n')
}

/** README text with the generated table between the markers (added at the end of `section` when missing). */
export function withGroundsTable(readme: string): string {
  const block = `${GROUNDS_TABLE_BEGIN}\n${groundsTableMarkdown()}\n${GROUNDS_TABLE_END}`
  const a = readme.indexOf(GROUNDS_TABLE_BEGIN)
  const b = readme.indexOf(GROUNDS_TABLE_END)
  if (a >= 0 && b > a) return readme.slice(0, a) + block + readme.slice(b + GROUNDS_TABLE_END.length)
  throw new Error('README.md has no grounds-table markers')
}
