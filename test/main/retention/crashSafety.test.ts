import { describeCrashSafety } from './crashHarness'

// A few SIGKILLs in the middle of a sweep on every test run; the full 20+ are in the stress suite.
describeCrashSafety(3, 20)
