import { existsSync, globSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

/**
 * Service suites that run on both engines (issue 17 point 6): the same test files as `npm test`,
 * here with `DOSSIER_TEST_ENGINE=postgres`, so `newTestApp` (test/support/serverTestApp.ts) hands
 * them a desk of the office server instead of a local vault. Suites whose subject is the local
 * vault itself (its files, pages, WAL, keyring, backup, the sweep's thread) stay local-only.
 */
export const BOTH_ENGINES = [
  'test/main/{people,consent,rights,governance,relations,audit,accounts,documents,retention}/**/*.test.ts',
  'test/main/services/dispatcher.test.ts',
  'test/main/workspace/**/*.test.ts'
]
// DOSSIER_ENGINE_ALL=1: every service suite on the server, to find what still fails there.
const engineGlobs = process.env['DOSSIER_ENGINE_ALL'] === '1' ? ['test/main/**/*.test.ts'] : BOTH_ENGINES

/**
 * Of those, the files that have an app at all (they, or a kit of their folder they import, call
 * `newTestApp`): a pure rule, a renderer or a property test is the same on both engines, and
 * `npm test` runs it once.
 */
function usesTestApp(file: string, depth = 1): boolean {
  const text = readFileSync(file, 'utf8')
  if (text.includes('newTestApp')) return true
  if (depth === 0) return false
  return [...text.matchAll(/from '(\.{1,2}\/[^']+)'/g)].some((m) => {
    const kit = resolve(dirname(file), `${m[1]}.ts`)
    return existsSync(kit) && usesTestApp(kit, depth - 1)
  })
}
const engineSuites = engineGlobs.flatMap((glob) => globSync(glob)).filter((file) => usesTestApp(file))

/**
 * The built CLI's suites on the server: each run's `--vault DIR` goes to the office that DIR
 * stands for (test/support/cliDesk.ts), where the suite made its desk with `newTestApp` or
 * `createCliVault`. A suite of the CLI's own set-up (desk.json) has neither and runs once.
 */
const cliSuites = globSync('test/cli/**/*.test.ts').filter((file) => usesTestApp(file) || readFileSync(file, 'utf8').includes('createCliVault'))

/**
 * The browser suites on the server: the same screens in Chromium, against a desk of a fresh office
 * (test/e2e/support/e2eSession.ts). Not the first run (`setup: false`: a local vault's set-up and
 * the desk's choice), the preview's demo vault, or the style rules (what a screen looks like is the
 * renderer's, whichever engine answers it).
 */
const browserSuites = globSync('test/e2e/**/*.test.ts').filter((file) => {
  const text = readFileSync(file, 'utf8')
  return text.includes('startE2e(') && !text.includes('setup: false') && !file.endsWith('stylePolicy.test.ts')
})

// `npm run test:server` (issue 17): the suites that need a PostgreSQL server. The `server` project:
// each file starts its own throwaway cluster (test/server/pgCluster.ts); the `engine` project: the
// shared suites above, one cluster per worker. Not part of `npm test`; `.ci/run` runs both.
// `isolate: false` as in vitest.config.mts (no file mocks modules or writes the environment): a
// worker evaluates main's modules once, and the engine project's cluster and template database are
// made once per worker, not per file. It halved both projects (2026-12-06, a quiet machine: engine
// 392 -> 151 s, 392 tests; server 105 -> 51 s).
export default defineConfig({
  cacheDir: 'node_modules/.vitest-cache',
  test: {
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'server', include: ['test/server/**/*.server.test.ts'], isolate: false } },
      { extends: true, test: { name: 'engine', include: engineSuites, isolate: false, env: { DOSSIER_TEST_ENGINE: 'postgres' } } },
      { extends: true, test: { name: 'browser', include: browserSuites, isolate: false, env: { DOSSIER_TEST_ENGINE: 'postgres' } } },
      {
        extends: true,
        test: {
          name: 'cli',
          include: cliSuites,
          isolate: false,
          env: { DOSSIER_TEST_ENGINE: 'postgres', NODE_COMPILE_CACHE: resolve(import.meta.dirname, 'node_modules/.cache/node-compile-cache') }
        }
      }
    ]
  }
})
