import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import groundsJson from '../../../resources/special-category-grounds.json'
import { groundFits, groundRolesOf, shapeOfValue } from '../../../src/main/consent/groundFits'
import { GROUNDS_POLICY, parseGroundsPolicy } from '../../../src/main/consent/groundsPolicy'
import { PERSON_ROLES, PURPOSES, SPECIAL_CATEGORIES } from '../../../src/shared/domain'
import { GROUND_MISFIT_REASONS, GROUND_ROLES, GROUND_VALUE_SHAPES, SPECIAL_DATA_GROUNDS } from '../../../src/shared/vocabulary'

/** R-4a: which ground may cover which special category, for whom, for which purpose, in what form. */
const employee = { roles: ['flexworker'] as const, employmentStarted: true, atRegistration: false }
const candidate = { roles: ['candidate'] as const, employmentStarted: false, atRegistration: false }

describe('the grounds policy file', () => {
  it('names only categories, grounds, roles, purposes and forms of the shared vocabulary, every category once', () => {
    expect(() => parseGroundsPolicy(groundsJson)).not.toThrow()
    for (const c of GROUNDS_POLICY.categories) {
      expect(SPECIAL_CATEGORIES).toContain(c.category)
      for (const g of c.grounds) {
        expect(SPECIAL_DATA_GROUNDS).toContain(g.ground)
        for (const r of g.roles) expect(GROUND_ROLES).toContain(r)
        for (const p of g.purposes) expect(PURPOSES).toContain(p)
        for (const s of g.shapes) expect(GROUND_VALUE_SHAPES).toContain(s)
      }
    }
    expect(GROUNDS_POLICY.categories.map((c) => c.category).sort()).toEqual([...SPECIAL_CATEGORIES].sort())
  })

  it('refuses a file naming a ground, category or role the vocabulary lacks, or missing a category', () => {
    const bad = (edit: (p: typeof groundsJson) => void) => {
      const copy = structuredClone(groundsJson)
      edit(copy)
      return () => parseGroundsPolicy(copy)
    }
    expect(bad((p) => void (p.categories[0]!.grounds[0]!.ground = 'gut-feeling'))).toThrow()
    expect(bad((p) => void (p.categories[0]!.category = 'astrology'))).toThrow()
    expect(bad((p) => void (p.categories[0]!.grounds[0]!.roles = ['boss']))).toThrow()
    expect(bad((p) => void p.categories.pop())).toThrow()
  })
})

describe('groundFits (defaults of R-4a)', () => {
  const fits = (q: Parameters<typeof groundFits>[1]) => groundFits(GROUNDS_POLICY, q)

  it('health: an employee under UAVG art. 30 as absence facts only; never under consent; never typed text', () => {
    expect(fits({ category: 'health', ground: 'uavg-30-absence', purpose: 'personnel', shape: 'absence-record', ...employee })).toEqual({ ok: true })
    expect(fits({ category: 'health', ground: 'uavg-30-absence', purpose: 'personnel', shape: 'text', ...employee })).toEqual({ ok: false, reason: 'shape-not-allowed' })
    expect(fits({ category: 'health', ground: 'consent', purpose: 'personnel', ...employee })).toEqual({ ok: false, reason: 'role-not-covered' })
    // an employee who is also a candidate is judged as an employee
    expect(fits({ category: 'health', ground: 'consent', purpose: 'mediation', ...employee, roles: ['candidate', 'flexworker'] })).toEqual({ ok: false, reason: 'role-not-covered' })
  })

  it('health: a candidate only with consent for mediation, not at registration, not under an employee\'s basis', () => {
    expect(fits({ category: 'health', ground: 'consent', purpose: 'mediation', shape: 'text', ...candidate })).toEqual({ ok: true })
    expect(fits({ category: 'health', ground: 'consent', purpose: 'mediation', ...candidate, atRegistration: true })).toEqual({ ok: false, reason: 'at-registration' })
    expect(fits({ category: 'health', ground: 'consent', purpose: 'offers', ...candidate })).toEqual({ ok: false, reason: 'purpose-not-covered' })
    expect(fits({ category: 'health', ground: 'uavg-30-absence', purpose: 'personnel', ...candidate })).toEqual({ ok: false, reason: 'role-not-covered' })
    // a flex worker whose employment has not started yet is a candidate
    expect(groundRolesOf(['flexworker'], false)).toEqual(['candidate'])
  })

  it('criminal: only the date a VOG was shown; never under the employment-law basis', () => {
    expect(fits({ category: 'criminal', ground: 'consent', purpose: 'suitability', shape: shapeOfValue('criminal', '2026-10-01'), ...candidate })).toEqual({ ok: true })
    expect(fits({ category: 'criminal', ground: 'consent', purpose: 'suitability', shape: shapeOfValue('criminal', 'Veroordeeld in 2019'), ...candidate })).toEqual({ ok: false, reason: 'shape-not-allowed' })
    expect(fits({ category: 'criminal', ground: 'uavg-22-2b-employment-law', purpose: 'personnel', ...employee })).toEqual({ ok: false, reason: 'ground-not-for-category' })
  })

  it('behaviour has no ground; religion and the like only under consent; union only for payroll of an employee', () => {
    expect(fits({ category: 'behaviour', ground: 'consent', purpose: 'temping', ...employee })).toEqual({ ok: false, reason: 'category-refused' })
    expect(fits({ category: 'religion', ground: 'uavg-30-absence', purpose: 'personnel', ...employee })).toEqual({ ok: false, reason: 'ground-not-for-category' })
    expect(fits({ category: 'religion', ground: 'consent', purpose: 'personnel', shape: 'text', ...employee })).toEqual({ ok: true })
    expect(fits({ category: 'union', ground: 'consent', purpose: 'payroll', shape: 'text', ...employee })).toEqual({ ok: true })
    expect(fits({ category: 'union', ground: 'consent', purpose: 'mediation', ...candidate })).toEqual({ ok: false, reason: 'role-not-covered' })
  })

  it('property: nothing but consent or a listed basis ever fits; behaviour never; an employee\'s health never under consent; a refusal always has a known reason', () => {
    fc.assert(
      fc.property(
        fc.record({
          category: fc.constantFrom(...SPECIAL_CATEGORIES),
          ground: fc.constantFrom(...SPECIAL_DATA_GROUNDS, 'made-up-basis'),
          roles: fc.subarray([...PERSON_ROLES]),
          employmentStarted: fc.boolean(),
          atRegistration: fc.boolean(),
          purpose: fc.constantFrom(...PURPOSES),
          shape: fc.option(fc.constantFrom(...GROUND_VALUE_SHAPES), { nil: undefined })
        }),
        (q) => {
          const fit = groundFits(GROUNDS_POLICY, q)
          if (!fit.ok) expect(GROUND_MISFIT_REASONS).toContain(fit.reason)
          if (q.ground === 'made-up-basis' || q.category === 'behaviour') expect(fit.ok).toBe(false)
          if (q.category === 'health' && q.employmentStarted && q.ground === 'consent') expect(fit.ok).toBe(false)
          if (q.category === 'health' && q.shape === 'text' && q.employmentStarted) expect(fit.ok).toBe(false)
          if (q.category === 'criminal' && q.shape !== undefined && q.shape !== 'vog-shown') expect(fit.ok).toBe(false)
          // nobody without a role is covered
          if (q.roles.length === 0 && !q.employmentStarted) expect(fit.ok).toBe(false)
          // a fit with a form also fits without one (recording the ground before the value)
          if (fit.ok) expect(groundFits(GROUNDS_POLICY, { ...q, shape: undefined }).ok).toBe(true)
        }
      ),
      { numRuns: 2000 }
    )
  })
})
