import { describe, expect, it } from 'vitest'
import { formatDay, formatLocal } from '../../src/renderer/src/screens/governance/localTime'

/** The governance screens' wall-clock helpers build on the shared date format (test/shared/time/formatDate.test.ts). */
describe('dates as office staff read them', () => {
  it('shows the main process’s Amsterdam wall-clock times and days the same way, with a dash for none', () => {
    expect(formatLocal('2026-10-27T09:00', 'nl')).toBe('27-10-2026 09:00')
    expect(formatLocal('2026-10-27T09:00', 'en')).toBe('27/10/2026 09:00')
    expect(formatLocal(null, 'nl')).toBe('—')
    expect(formatDay('2026-10-27', 'nl')).toBe('27-10-2026')
    expect(formatDay(undefined, 'en')).toBe('—')
  })
})
