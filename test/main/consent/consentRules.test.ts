import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  consentStateOn,
  expiresWithin,
  isGroundValidOn,
  isLegalBasisActive,
  isMedicalField,
  validGroundFor,
  withdrawnInLastMonth,
  type ConsentFacts,
  type Ground
} from '../../../src/main/consent/consentRules'
import { addCalendarDays } from '../../../src/shared/time'
import { PURPOSES, SPECIAL_CATEGORIES } from '../../../src/shared/domain'

const NONE = new Set<string>()
const ACTIVE = new Set(['uavg-30-absence'])

function consent(overrides: Partial<ConsentFacts> = {}): ConsentFacts {
  return { basis: 'consent', legalBasisKey: null, givenOn: '2026-03-01', endsOn: null, withdrawnOn: null, ...overrides }
}

describe('consent validity on a date (R-4)', () => {
  it('is valid from the day it was given, not the day before', () => {
    expect(consentStateOn(consent(), '2026-02-28', NONE)).toBe('pending')
    expect(consentStateOn(consent(), '2026-03-01', NONE)).toBe('valid')
  })

  it('is valid through its end date and expired the day after', () => {
    const c = consent({ endsOn: '2026-12-31' })
    expect(consentStateOn(c, '2026-12-31', NONE)).toBe('valid')
    expect(consentStateOn(c, '2027-01-01', NONE)).toBe('expired')
  })

  it('is no longer valid on the day it is withdrawn (the data goes at once)', () => {
    const c = consent({ withdrawnOn: '2026-06-10' })
    expect(consentStateOn(c, '2026-06-09', NONE)).toBe('valid')
    expect(consentStateOn(c, '2026-06-10', NONE)).toBe('withdrawn')
    expect(consentStateOn(c, '2027-06-10', NONE)).toBe('withdrawn')
  })

  it('a legal basis counts only while the privacy officer lists its key as active', () => {
    const basis = consent({ basis: 'legal-basis', legalBasisKey: 'uavg-30-absence' })
    expect(consentStateOn(basis, '2026-06-01', ACTIVE)).toBe('valid')
    expect(consentStateOn(basis, '2026-06-01', NONE)).toBe('basis-inactive')
    expect(consentStateOn({ ...basis, legalBasisKey: 'made-up-key' }, '2026-06-01', ACTIVE)).toBe('basis-inactive')
    expect(isLegalBasisActive(null, ACTIVE)).toBe(false)
  })

  it('explicit consent without a date is never valid', () => {
    expect(isGroundValidOn(consent({ givenOn: null }), '2026-06-01', NONE)).toBe(false)
  })
})

/** Dates as day offsets from a base, so the oracle below is integer comparison, not the code under test. */
const BASE = '2024-01-01'
const day = (n: number) => addCalendarDays(BASE, n)
const offset = fc.integer({ min: 0, max: 1500 })

describe('consent validity over dates (property)', () => {
  it('valid exactly when given ≤ d ≤ end and not withdrawn on or before d', () => {
    fc.assert(
      fc.property(offset, fc.option(fc.integer({ min: 0, max: 800 }), { nil: null }), fc.option(fc.integer({ min: 0, max: 800 }), { nil: null }), offset, (given, endAfter, withdrawAfter, d) => {
        const end = endAfter === null ? null : given + endAfter
        const withdrawn = withdrawAfter === null ? null : given + withdrawAfter
        const c = consent({ givenOn: day(given), endsOn: end === null ? null : day(end), withdrawnOn: withdrawn === null ? null : day(withdrawn) })
        const expected = given <= d && (end === null || d <= end) && (withdrawn === null || d < withdrawn)
        expect(isGroundValidOn(c, day(d), NONE)).toBe(expected)
      }),
      { numRuns: 500 }
    )
  })

  it('once no longer valid after having been valid, it never becomes valid again', () => {
    fc.assert(
      fc.property(offset, fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }), fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }), offset, fc.integer({ min: 1, max: 800 }), (given, endAfter, withdrawAfter, d, later) => {
        const c = consent({
          givenOn: day(given),
          endsOn: endAfter === null ? null : day(given + endAfter),
          withdrawnOn: withdrawAfter === null ? null : day(given + withdrawAfter)
        })
        if (d >= given && !isGroundValidOn(c, day(d), NONE)) expect(isGroundValidOn(c, day(d + later), NONE)).toBe(false)
      }),
      { numRuns: 300 }
    )
  })

  it('a ground is found only for exactly its own category and purpose', () => {
    const ground = fc.record({
      category: fc.constantFrom(...SPECIAL_CATEGORIES),
      purpose: fc.constantFrom(...PURPOSES),
      basis: fc.constantFrom('consent' as const, 'legal-basis' as const),
      legalBasisKey: fc.constantFrom('uavg-30-absence', 'inactive-key'),
      givenOn: offset.map(day),
      endsOn: fc.option(offset.map(day), { nil: null }),
      withdrawnOn: fc.option(offset.map(day), { nil: null })
    })
    fc.assert(
      fc.property(fc.array(ground, { maxLength: 8 }), fc.constantFrom(...SPECIAL_CATEGORIES), fc.constantFrom(...PURPOSES), offset, (grounds, category, purpose, d) => {
        const today = day(d)
        const found = validGroundFor(grounds as Ground[], category, purpose, today, ACTIVE)
        const anyValid = grounds.some((g) => g.category === category && g.purpose === purpose && isGroundValidOn(g, today, ACTIVE))
        expect(found !== null).toBe(anyValid)
        if (found) {
          expect(found.category).toBe(category)
          expect(found.purpose).toBe(purpose)
          expect(isGroundValidOn(found, today, ACTIVE)).toBe(true)
        }
      }),
      { numRuns: 500 }
    )
  })

  it('prefers the ground that lasts longest (an open end over any date)', () => {
    const g = (id: string, endsOn: string | null): Ground & { id: string } => ({ id, category: 'health', purpose: 'personnel', ...consent({ endsOn }) })
    expect(validGroundFor([g('a', '2026-12-31'), g('b', null), g('c', '2027-06-30')], 'health', 'personnel', '2026-06-01', NONE)?.id).toBe('b')
    expect(validGroundFor([g('a', '2026-12-31'), g('c', '2027-06-30')], 'health', 'personnel', '2026-06-01', NONE)?.id).toBe('c')
  })
})

describe('privacy-officer review windows', () => {
  it('lists a valid consent ending within 30 days, not one ending later or already ended', () => {
    expect(expiresWithin(consent({ endsOn: '2026-12-27' }), '2026-11-27', NONE)).toBe(true)
    expect(expiresWithin(consent({ endsOn: '2026-12-28' }), '2026-11-27', NONE)).toBe(false)
    expect(expiresWithin(consent({ endsOn: '2026-11-26' }), '2026-11-27', NONE)).toBe(false)
    expect(expiresWithin(consent({ endsOn: '2026-12-01', withdrawnOn: '2026-11-20' }), '2026-11-27', NONE)).toBe(false)
    expect(expiresWithin(consent(), '2026-11-27', NONE)).toBe(false)
  })

  it('counts withdrawals of the last calendar month (31 March looks back to 28 February)', () => {
    expect(withdrawnInLastMonth(consent({ withdrawnOn: '2026-02-28' }), '2026-03-31')).toBe(true)
    expect(withdrawnInLastMonth(consent({ withdrawnOn: '2026-02-27' }), '2026-03-31')).toBe(false)
    expect(withdrawnInLastMonth(consent({ withdrawnOn: '2026-03-31' }), '2026-03-31')).toBe(true)
    expect(withdrawnInLastMonth(consent(), '2026-03-31')).toBe(false)
  })
})

describe('absence may never hold a diagnosis or cause (UAVG art. 30)', () => {
  it('recognises diagnosis- and cause-like field names', () => {
    for (const name of ['diagnosis', 'cause', 'Diagnosis', 'illnessType', 'symptoms', 'medication', 'absenceReason']) expect(isMedicalField(name), name).toBe(true)
    for (const name of ['startOn', 'endOn', 'expectedDuration', 'availability']) expect(isMedicalField(name), name).toBe(false)
  })
})
