import { mkdirSync, mkdtempSync } from 'node:fs'
import { join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '../../..')

/**
 * Build crashWorker.ts, or another worker beside it (and the services it imports), into one CommonJS file for plain Node, the
 * way the CLI is built (the WAL checkpointer's worker beside it): vite (rolldown) with every bare
 * import external. The files go under node_modules/.cache so their `require('typeorm')` etc. resolve; a fresh folder per build, so
 * parallel test files never share one. Holds code only, no data.
 */
export async function buildCrashWorker(worker = 'crashWorker'): Promise<string> {
  const { build } = await import('vite')
  const parent = join(ROOT, 'node_modules', '.cache', 'dossier-reliability')
  mkdirSync(parent, { recursive: true })
  const outDir = mkdtempSync(join(parent, 'worker-'))
  // crashWorker.js, and beside it the vault's worker threads (vault/workerThreads.ts looks for
  // them next to the bundle), so sweeps and unlocks run as in the app and the CLI.
  const entries: [string, string][] = [
    [join(__dirname, `${worker}.ts`), `${worker}.js`],
    [join(ROOT, 'src/main/vault/walCheckpointWorker.mts'), 'walCheckpointWorker.js'],
    [join(ROOT, 'src/main/vault/integrityCheckWorker.mts'), 'integrityCheckWorker.js']
  ]
  for (const [entry, fileName] of entries) {
    await build({
      configFile: false,
      root: ROOT,
      logLevel: 'silent',
      publicDir: false,
      build: {
        ssr: entry,
        outDir,
        emptyOutDir: false,
        target: 'node22',
        minify: false,
        copyPublicDir: false,
        rolldownOptions: {
          external: (id: string) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0'),
          output: { format: 'cjs', entryFileNames: fileName, codeSplitting: false }
        }
      }
    })
  }
  return join(outDir, `${worker}.js`)
}
