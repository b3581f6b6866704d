import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { README_TABLES, updateReadme } from '../scripts/readme'
import { groundsTable } from '../scripts/readme/groundsTable'
import { retentionTable } from '../scripts/readme/retentionTable'
import policyJson from '../resources/retention-policy.json'

const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8')

describe('README.md generated tables', () => {
  it('are what the generator makes from the data files (run `npm run docs:tables` after changing them)', () => {
    expect(updateReadme(readme)).toBe(readme)
  })

  it('has the markers of every registered table, and a table without markers is an error', () => {
    for (const name of Object.keys(README_TABLES)) expect(readme).toContain(`<!-- generated:${name} begin`)
    expect(() => updateReadme('# no markers\n')).toThrow(/generated table "retention"/)
  })

  it('words the retention table from the policy: a changed term shows, the old one does not', () => {
    const changed = structuredClone(policyJson)
    const rule = changed.rules.find((r) => r.id === 'unsubscribed-never-worked')
    if (!rule) throw new Error('rule missing')
    rule.term = { amount: 2, unit: 'months' }
    const table = retentionTable(changed)
    expect(table).toMatch(/\| Registered, never worked, unsubscribed \(`unsubscribed-never-worked`\) \| after unsubscribing, when the person never worked \| 2 calendar months \| Delete for good \| R-12 \|/)
    expect(table).not.toContain('3 calendar months')
    expect(table).toContain('| Legal hold: payroll records (`legal-hold-payroll`) | payroll records: after the last employment ended | 7 full calendar years after the end of the year | Delete for good | AWR art. 52, R-16 |')
  })

  it('words the grounds table from the grounds policy: every category, behaviour refused, no employee health under consent (R-4a)', () => {
    const table = groundsTable()
    for (const label of ['Race or ethnic origin', 'Religion or belief', 'Political opinions', 'Health', 'Sex life', 'Trade-union membership', 'Criminal data']) expect(table).toContain(`| ${label} |`)
    expect(table).toMatch(/\| Unlawful or disruptive behaviour \| none — always refused \|/)
    expect(table).not.toMatch(/\| Health \| Explicit consent \| [^|]*Employee/)
  })

  it('keeps a table between its markers and leaves the rest of the file alone', () => {
    const doc = 'intro\n<!-- generated:t begin (npm run docs:tables) -->\nold\n<!-- generated:t end -->\noutro\n'
    expect(updateReadme(doc, { t: () => '| a |' })).toBe('intro\n<!-- generated:t begin (npm run docs:tables) -->\n\n| a |\n\n<!-- generated:t end -->\noutro\n')
  })
})

describe('README.md traceability table', () => {
  const section = readme.slice(readme.indexOf('## Traceability'), readme.indexOf('\n## ', readme.indexOf('## Traceability') + 3))
  const rows = section.split('\n').filter((l) => /^\| R-\d+[a-z]? \|/.test(l))

  it('has one row per requirement, R-1 to R-29 and the December 2026 additions', () => {
    const ids = rows.map((r) => r.split('|')[1]?.trim())
    const want = [...Array.from({ length: 29 }, (_, i) => `R-${i + 1}`), 'R-3a', 'R-4a', 'R-9a', 'R-11a', 'R-16a', 'R-18a', 'R-19a']
    expect([...ids].sort()).toEqual([...want].sort())
  })

  it('names code and tests that exist, and at least one test per requirement', () => {
    const root = join(__dirname, '..')
    for (const row of rows) {
      const [, id, , code, tests] = row.split('|').map((c) => c.trim())
      const paths = (cell: string | undefined) => [...(cell ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '')
      expect(paths(code).length, `${id} code`).toBeGreaterThan(0)
      expect(paths(tests).filter((p) => /^test\/.*\.test\.ts$/.test(p)).length, `${id} tests`).toBeGreaterThan(0)
      for (const p of [...paths(code), ...paths(tests)]) expect(existsSync(join(root, p)), `${id}: ${p}`).toBe(true)
    }
  })
})
