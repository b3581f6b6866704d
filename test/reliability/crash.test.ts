import { describeCrashSafety } from './support/crashSuite'

/** Crash safety, the fast share for `npm test`: 5 kills. */
describeCrashSafety({ trials: 5 })
