import { defineConfig } from 'vitest/config'

// Every test runs under plain Node against the real encrypted vault (no Electron, no mocks of the
// database). Browser end-to-end tests drive Debian's Chromium against the test harness.
export default defineConfig({
  cacheDir: 'node_modules/.vitest-cache',
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: process.env.DOSSIER_STRESS ? [] : ['test/**/*.stress.test.ts'],
    environment: 'node',
    reporters: ['default', './test/support/summaryReporter.ts'],
    pool: 'forks',
    // Vitest's default on a 2-core machine is one worker (cores - 1). Most files wait on something
    // else (the built CLI in child processes, Chromium, scrypt in libuv's pool), so three files at
    // a time keep both cores busy: `npm test` takes about half as long (measured in README).
    maxWorkers: 3,
    testTimeout: 60_000,
    hookTimeout: 120_000
  }
})
