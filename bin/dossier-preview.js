#!/usr/bin/env node
// `npm run preview -- (--vault DIR | --demo N) [--port P]`: the app in a browser, no Electron
// (src/main/preview). Builds first when the build is missing or older than the sources, then
// runs the built entry under plain Node. Build output goes to stderr: stdout carries the address.
const { spawnSync } = require('node:child_process')
const { readdirSync, statSync } = require('node:fs')
const { dirname, join } = require('node:path')

const root = join(__dirname, '..')
const entry = join(root, 'out', 'main', 'preview.js')
const built = [entry, join(root, 'out', 'renderer', 'index.html')]

/** The newest modification time under `path` (a file or a folder). */
function newest(path) {
  const st = statSync(path, { throwIfNoEntry: false })
  if (!st) return 0
  if (!st.isDirectory()) return st.mtimeMs
  let max = st.mtimeMs
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)))
  return max
}

const builtAt = Math.min(...built.map((f) => statSync(f, { throwIfNoEntry: false })?.mtimeMs ?? 0))
const sourcesAt = Math.max(...['src', 'resources', 'electron.vite.config.ts', 'package-lock.json'].map((p) => newest(join(root, p))))
if (builtAt < sourcesAt) {
  process.stderr.write('building the app (electron-vite build) …\n')
  const r = spawnSync(process.execPath, [join(dirname(require.resolve('electron-vite/package.json', { paths: [root] })), 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: ['ignore', 2, 2] })
  if (r.status !== 0) {
    process.stderr.write('error BUILD: `npm run build` failed; see above\n')
    process.exit(1)
  }
}

require(entry).main(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})
