import { describeCrashSafety } from './support/crashSuite'

/** Crash safety for `npm run test:stress`: 60 kills (issue 8 asks for at least 50). */
describeCrashSafety({ trials: 60 })
