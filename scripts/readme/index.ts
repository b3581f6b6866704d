import { groundsTable } from './groundsTable'
import { retentionTable } from './retentionTable'

/**
 * The README's generated tables (`npm run docs:tables`; test/readme.test.ts fails when README.md
 * differs). Each table lives in README.md between its markers:
 *
 *   <!-- generated:NAME begin (npm run docs:tables) -->
 *   …
 *   <!-- generated:NAME end -->
 *
 * To add a table: write `scripts/readme/<name>Table.ts` returning its Markdown from the data file,
 * register it here, and put the two marker lines where it belongs in README.md.
 */
export const README_TABLES: Readonly<Record<string, () => string>> = {
  retention: retentionTable,
  grounds: groundsTable
}

const begin = (name: string) => `<!-- generated:${name} begin (npm run docs:tables) -->`
const end = (name: string) => `<!-- generated:${name} end -->`

/** README.md with every generated table rewritten from its data. Throws when a table's markers are missing. Pure. */
export function updateReadme(readme: string, tables: Readonly<Record<string, () => string>> = README_TABLES): string {
  let out = readme
  for (const [name, render] of Object.entries(tables)) {
    const from = out.indexOf(begin(name))
    const to = out.indexOf(end(name))
    if (from < 0 || to < from) throw new Error(`README.md lacks the markers of the generated table "${name}": ${begin(name)} … ${end(name)}`)
    out = `${out.slice(0, from + begin(name).length)}\n\n${render()}\n\n${out.slice(to)}`
  }
  return out
}
