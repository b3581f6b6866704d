import { describeCrashSafety } from './support/crashSuite'

/**
 * Crash safety for `npm run test:stress`: 200 kills across intake, import, sweep and restore
 * (issue 15 asks for 200, issue 8 for at least 50), all-or-nothing, and no witnessed-head alarm.
 */
describeCrashSafety({ trials: 200, restores: true })
