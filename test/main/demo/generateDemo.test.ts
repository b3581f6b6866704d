import { describe, expect, it } from 'vitest'
import { dateOfDay, dayNumber } from '../../../src/main/demo/demoDates'
import { generateDemoImport } from '../../../src/main/demo/generateDemo'
import { addCalendarDays } from '../../../src/shared/time'
import { formatImportIssues, makeImportSchema } from '../../../src/shared/import/importFormat'
import { isValidBsn } from '../../../src/shared/validation/bsn'
import { normalisePhone } from '../../../src/shared/validation/phone'
import { normalisePostcode } from '../../../src/shared/validation/postcode'
import fc from 'fast-check'

const TODAY = '2026-11-27'
const file = generateDemoImport({ persons: 3000, seed: 42, today: TODAY })
const persons = file.persons
const share = (predicate: (p: (typeof persons)[number]) => boolean) => persons.filter(predicate).length / persons.length

describe('demo data generator', () => {
  it('is deterministic: the same seed gives the same data, another seed other data', () => {
    expect(generateDemoImport({ persons: 200, seed: 42, today: TODAY })).toEqual(generateDemoImport({ persons: 200, seed: 42, today: TODAY }))
    expect(generateDemoImport({ persons: 200, seed: 43, today: TODAY }).persons).not.toEqual(generateDemoImport({ persons: 200, seed: 42, today: TODAY }).persons)
  })

  it('produces a valid dossier-import/1 file, already in canonical form', () => {
    const parsed = makeImportSchema(TODAY).safeParse(file)
    if (!parsed.success) throw new Error(JSON.stringify(formatImportIssues(parsed.error).slice(0, 5)))
    expect(parsed.data).toEqual(file)
  })

  it('uses Dutch-looking data: postcodes, 06 numbers, example e-mail domains, birth years 1960-2007', () => {
    for (const p of persons) {
      if (p.address?.postcode) expect(normalisePostcode(p.address.postcode)).toBe(p.address.postcode)
      if (p.phone) {
        expect(p.phone).toMatch(/^\+316[1-5]\d{7}$/)
        expect(normalisePhone(p.phone)).toBe(p.phone)
      }
      if (p.email) expect(p.email).toMatch(/^[a-z0-9.]+@example\.(nl|com|org)$/)
      if (p.birthDate) expect(Number(p.birthDate.slice(0, 4))).toBeGreaterThanOrEqual(1960)
      if (p.birthDate) expect(Number(p.birthDate.slice(0, 4))).toBeLessThanOrEqual(2007)
      if (p.bsn) expect(isValidBsn(p.bsn)).toBe(true)
    }
    expect(new Set(persons.map((p) => p.phone).filter(Boolean)).size).toBe(persons.filter((p) => p.phone).length)
    expect(new Set(persons.map((p) => p.ref)).size).toBe(persons.length)
    expect(persons.some((p) => /^(van|de|ter|ten|in) /.test(p.familyName))).toBe(true)
    expect(persons.some((p) => /[ëéöüçı]/.test(p.givenName + p.familyName))).toBe(true)
    for (const c of file.clients!) expect(normalisePhone(c.phone!)).toBe(c.phone)
  })

  it('mixes the roles the retention engine needs', () => {
    expect(share((p) => (p.employments ?? []).length > 0)).toBeGreaterThan(0.3)
    expect(share((p) => (p.employments ?? []).some((e) => e.end !== null))).toBeGreaterThan(0.15)
    expect(share((p) => (p.recruitment ?? []).length > 0)).toBeGreaterThan(0.07)
    expect(share((p) => p.unsubscribedOn !== undefined)).toBeGreaterThan(0.1)
    expect(new Set(persons.map((p) => p.unsubscribedOn).filter(Boolean)).size).toBeGreaterThan(500)
    expect(share((p) => p.source.kind === 'public-website' && /^https:\/\//.test(p.source.detail ?? ''))).toBeGreaterThan(0.03)
    expect(persons.some((p) => p.doNotContact === true)).toBe(true)
    expect(share((p) => p.bsn !== undefined)).toBeGreaterThan(0.25)
  })

  it('never dates anything after today', () => {
    const tomorrow = addCalendarDays(TODAY, 1)
    for (const p of persons) {
      const dates = [p.registeredOn, p.unsubscribedOn, ...(p.employments ?? []).flatMap((e) => [e.start, e.end]), ...(p.recruitment ?? []).flatMap((r) => [r.start, r.end])]
      for (const d of dates) if (d) expect(d < tomorrow).toBe(true)
    }
  })

  it('does its date arithmetic like the calendar module', () => {
    fc.assert(
      fc.property(fc.integer({ min: -40000, max: 40000 }), (offset) => {
        expect(dateOfDay(dayNumber('2000-02-29') + offset)).toBe(addCalendarDays('2000-02-29', offset))
      }),
      { numRuns: 300 }
    )
  })
})
