import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { GROUNDS_TABLE_BEGIN, GROUNDS_TABLE_END, groundsTableMarkdown, withGroundsTable } from '../../scripts/groundsTable'

const README = readFileSync(join(__dirname, '../../README.md'), 'utf8')

describe('README: grounds per special category (R-4a)', () => {
  it('contains the table generated from resources/special-category-grounds.json (run node scripts/update-readme-tables.mjs)', () => {
    expect(README).toContain(`${GROUNDS_TABLE_BEGIN}\n${groundsTableMarkdown()}\n${GROUNDS_TABLE_END}`)
    expect(withGroundsTable(README)).toBe(README)
  })

  it('shows every category, behaviour as refused, and no employee health under consent', () => {
    const table = groundsTableMarkdown()
    for (const label of ['Race or ethnic origin', 'Religion or belief', 'Political opinions', 'Health', 'Sex life', 'Trade-union membership', 'Criminal data']) expect(table).toContain(`| ${label} |`)
    expect(table).toContain('| Unlawful or disruptive behaviour | none — always refused |')
    expect(table).not.toMatch(/\| Health \| Explicit consent \| [^|]*Employee/)
  })
})
