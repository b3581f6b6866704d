import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve, sep } from 'node:path'

/** The worker threads: the WAL checkpointer, the integrity check at unlock, the retention sweep's second writer. */
export type VaultWorker = 'walCheckpointWorker' | 'integrityCheckWorker' | 'retentionSweepWorker'

/** Where a worker loads the SQLite driver from: the very module the main thread uses. */
export function driverPath(): string {
  return createRequire(__filename).resolve('better-sqlite3-multiple-ciphers')
}

/**
 * A worker thread's program by name: the built `<name>.js` beside this code or beside the chunk
 * folder it was bundled into (out/main, bench/.cache), or, running from source (Vitest),
 * `<name>.mts`, which Node runs by stripping its types.
 * In the packaged app the file is unpacked from the asar archive (electron-builder.yml), because a
 * worker thread's loader does not read inside it. Null when neither exists.
 */
export function workerProgram(name: VaultWorker, dir: string = __dirname): string | null {
  for (const file of [join(dir, `${name}.js`), resolve(dir, '..', `${name}.js`), join(dir, `${name}.mts`)]) {
    const unpacked = file.replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`)
    if (unpacked !== file && existsSync(unpacked)) return unpacked
    if (existsSync(file)) return file
  }
  return null
}

