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
    testTimeout: 60_000,
    hookTimeout: 120_000
  }
})
