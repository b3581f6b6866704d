import { describeBadInput } from './support/fuzzContract'

/** Bad input, the long run for `npm run test:stress`: many more payloads per operation. */
describeBadInput({ runsPerOperation: 300, importRuns: 1000 })
