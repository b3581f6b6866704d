import { describeBadInput } from './support/fuzzContract'

/** Bad input, the fast share for `npm test`: every operation, a few dozen payloads each. */
describeBadInput({ runsPerOperation: 25, importRuns: 60 })
