import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

// Every test runs under plain Node against the real encrypted vault (no Electron, no mocks of the
// database). Browser end-to-end tests drive Debian's Chromium against the test harness.
const stress = process.env.DOSSIER_STRESS ? [] : ['test/**/*.stress.test.ts']

export default defineConfig({
  cacheDir: 'node_modules/.vitest-cache',
  test: {
    environment: 'node',
    reporters: ['default', './test/support/summaryReporter.ts'],
    pool: 'forks',
    // Vitest's default on a 2-core machine is one worker (cores - 1). Files also wait on the built
    // CLI in child processes, Chromium and libuv's pool, so two files at a time keep both cores
    // busy; three did no better since the CLI tests stopped paying production scrypt (2026-12-05,
    // the whole suite from an empty Vitest cache on a quiet machine: 2 workers 352 s wall, 417 s
    // CPU; 3 workers 364 s wall, 463 s CPU).
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        // In-process tests: each file opens its own vault in its own temp folder and shares no
        // module state (no vi.mock, no env writes), so a worker evaluates main's modules once and
        // runs many files. Importing TypeORM and the domain per file was 43% of the suite's time.
        extends: true,
        test: {
          name: 'unit',
          include: ['test/main/**/*.test.ts', 'test/shared/**/*.test.ts', 'test/renderer/**/*.test.ts', 'test/readme.test.ts'],
          exclude: stress,
          isolate: false
        }
      },
      {
        // Child processes and browsers: the built CLI, Chromium against the harness, crash and
        // two-instance tests. Like the unit files they share no module state (no vi.mock, no env
        // writes; each file starts and closes its own vault, harness, browser and children), so a
        // worker runs many files and imports main's modules once: on test/cli that saved 17 % of
        // the CPU (167 -> 138 s) and a quarter of the wall time.
        extends: true,
        test: {
          name: 'integration',
          isolate: false,
          include: ['test/cli/**/*.test.ts', 'test/e2e/**/*.test.ts', 'test/reliability/**/*.test.ts'],
          exclude: stress,
          // The built CLI runs a few hundred times here; Node's compile cache (code only, kept under
          // node_modules) spares each run compiling TypeORM and the bundle again: about 10 % of these files' time.
          env: { NODE_COMPILE_CACHE: resolve(import.meta.dirname, 'node_modules/.cache/node-compile-cache') }
        }
      }
    ]
  }
})
