#!/usr/bin/env node
// Rewrites README.md's generated tables from the policy data (R-4a grounds per special category).
// The generator is TypeScript (it reads the shared vocabulary's labels); jiti loads it as is.
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createJiti } from 'jiti'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const jiti = createJiti(import.meta.url)
const { withGroundsTable } = await jiti.import(join(root, 'scripts/groundsTable.ts'))
const readmePath = join(root, 'README.md')
const before = readFileSync(readmePath, 'utf8')
const after = withGroundsTable(before)
if (after !== before) writeFileSync(readmePath, after)
console.log(after === before ? 'README.md tables are up to date' : 'README.md tables updated')
