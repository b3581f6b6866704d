#!/usr/bin/env node
// `npm run docs:tables [-- --check]`: rewrites README.md's generated tables (scripts/readme/) from
// the data files; with --check, only reports (exit 1) when README.md is out of date. The TypeScript
// generator is loaded through vite's module runner, so it shares the app's own wording modules.
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runnerImport } from 'vite'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const readmePath = join(root, 'README.md')
const { module } = await runnerImport(join(root, 'scripts/readme/index.ts'), { configFile: false, root, logLevel: 'error' })
const before = readFileSync(readmePath, 'utf8')
const after = module.updateReadme(before)
if (process.argv.includes('--check')) {
  if (after !== before) {
    process.stderr.write('README.md is out of date: run `npm run docs:tables`.\n')
    process.exit(1)
  }
} else if (after !== before) {
  writeFileSync(readmePath, after)
  process.stdout.write('README.md: tables regenerated.\n')
} else {
  process.stdout.write('README.md: tables up to date.\n')
}
