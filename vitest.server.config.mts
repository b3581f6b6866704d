import { defineConfig } from 'vitest/config'

// `npm run test:server` (issue 17): the suites that need a PostgreSQL server, each file starting
// its own throwaway cluster (test/server/pgCluster.ts). Not part of `npm test`; `.ci/run` runs both.
export default defineConfig({
  cacheDir: 'node_modules/.vitest-cache',
  test: {
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    include: ['test/server/**/*.server.test.ts']
  }
})
