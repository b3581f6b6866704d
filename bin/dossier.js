#!/usr/bin/env node
// The `dossier` admin CLI: runs the built CLI (`npm run build` once; no rebuild per call).
const { existsSync } = require('node:fs')
const { join } = require('node:path')
const cli = join(__dirname, '..', 'out', 'main', 'cli.js')
if (!existsSync(cli)) {
  process.stderr.write('error USAGE: the CLI is not built yet; run `npm run build` first\n')
  process.exit(2)
}
require(cli).main(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})
