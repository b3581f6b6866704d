import { mkdirSync, mkdtempSync } from 'node:fs'
import { join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '../../..')

/**
 * Build crashWorker.ts (and the services it imports) into one CommonJS file for plain Node, the
 * way the CLI is built: vite (rolldown) with every bare import external. The file goes under
 * node_modules/.cache so its `require('typeorm')` etc. resolve; a fresh folder per build, so
 * parallel test files never share one. Holds code only, no data.
 */
export async function buildCrashWorker(): Promise<string> {
  const { build } = await import('vite')
  const parent = join(ROOT, 'node_modules', '.cache', 'dossier-reliability')
  mkdirSync(parent, { recursive: true })
  const outDir = mkdtempSync(join(parent, 'worker-'))
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    publicDir: false,
    build: {
      ssr: join(__dirname, 'crashWorker.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node22',
      minify: false,
      copyPublicDir: false,
      rolldownOptions: {
        external: (id: string) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0'),
        output: { format: 'cjs', entryFileNames: 'crashWorker.js', codeSplitting: false }
      }
    }
  })
  return join(outDir, 'crashWorker.js')
}
