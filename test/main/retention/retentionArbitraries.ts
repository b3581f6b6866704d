import fc from 'fast-check'
import type { RetentionFacts } from '../../../src/main/retention/evaluateRetention'
import { PERSON_ROLES } from '../../../src/shared/domain'
import { retentionFacts } from './retentionFacts'

/** fast-check arbitraries for the retention properties (dates from a UTC oracle, not the code under test). */
const DAY_MS = 86_400_000
const EPOCH = Date.UTC(1990, 0, 1)
const LAST_DAY = (Date.UTC(2100, 11, 31) - EPOCH) / DAY_MS

const dayNumber = fc.integer({ min: 0, max: LAST_DAY })
export const dateOf = (n: number): string => new Date(EPOCH + n * DAY_MS).toISOString().slice(0, 10)
export const calendarDate = dayNumber.map(dateOf)

const period = fc
  .tuple(dayNumber, fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }))
  .map(([start, length]) => ({ start: dateOf(start), end: length === null ? null : dateOf(Math.min(start + length, LAST_DAY)) }))

/** A record with arbitrary history, in any stored state the sweep could have left. */
export const factsArbitrary: fc.Arbitrary<RetentionFacts> = fc
  .record({
    roles: fc.subarray([...PERSON_ROLES]),
    registeredOn: calendarDate,
    unsubscribedOn: fc.option(calendarDate, { nil: null }),
    employments: fc.array(period, { maxLength: 3 }),
    recruitment: fc.array(period, { maxLength: 2 }),
    idCopies: fc.array(calendarDate, { maxLength: 2 }),
    consents: fc.array(fc.tuple(fc.option(calendarDate, { nil: null }), fc.option(calendarDate, { nil: null })), { maxLength: 2 }),
    state: fc.constantFrom('active' as const, 'shielded' as const, 'legal-hold' as const),
    reducedToLegalHoldOn: fc.option(calendarDate, { nil: null }),
    idRecordPurgedOn: fc.option(calendarDate, { nil: null })
  })
  .map((r) =>
    retentionFacts({
      ...r,
      idCopies: r.idCopies.map((addedOn, i) => ({ attachmentId: `att-${i}`, addedOn })),
      consents: r.consents.map(([endsOn, withdrawnOn], i) => ({ consentId: `c-${i}`, endsOn, withdrawnOn }))
    })
  )
