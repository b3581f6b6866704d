import { describeCrashSafety } from './crashHarness'

// Issue 5 "done when": a kill -9 at a random point of a sweep, at least 20 times (about 2 minutes).
describeCrashSafety(20, 80)
