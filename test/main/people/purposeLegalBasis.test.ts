import { describe, expect, it } from 'vitest'
import { PURPOSE_GROUNDS, purposeBases, purposeGround, purposeLegalBasis } from '../../../src/main/people/purposeLegalBasis'
import { LEGAL_BASES } from '../../../src/shared/contract/people'
import { PURPOSES } from '../../../src/shared/domain'

describe('legal bases per purpose and relation, as data (R-7, issue 14 point 4)', () => {
  it('gives every purpose at least one legal basis from the list, for a person with and without a contract', () => {
    expect(Object.keys(PURPOSE_GROUNDS).sort()).toEqual([...PURPOSES].sort())
    for (const purpose of PURPOSES) {
      for (const relation of ['no-contract', 'employment'] as const) {
        const { bases } = PURPOSE_GROUNDS[purpose][relation]
        expect(bases.length, `${purpose} ${relation}`).toBeGreaterThan(0)
        for (const basis of bases) expect(LEGAL_BASES).toContain(basis)
      }
    }
  })

  it('mediates a prospect or candidate without a contract on legitimate interest, with the Art. 14 notice; a worker on the contract', () => {
    expect(purposeGround('mediation', { employed: false, offersConsent: false })).toEqual({ bases: ['legitimate-interest'], condition: 'art14-notice' })
    expect(purposeGround('mediation', { employed: true, offersConsent: false })).toEqual({ bases: ['contract'], condition: null })
    expect(purposeLegalBasis('mediation')).toBe('legitimate-interest') // recorded at registration
  })

  it('sends offers on a recorded consent, or to an existing relation on legitimate interest with an opt-out', () => {
    expect(purposeGround('offers', { employed: false, offersConsent: false })).toEqual({ bases: ['consent'], condition: 'recorded-consent' })
    expect(purposeGround('offers', { employed: true, offersConsent: false })).toEqual({ bases: ['legitimate-interest'], condition: 'opt-out' })
    expect(purposeGround('offers', { employed: true, offersConsent: true })).toEqual({ bases: ['consent'], condition: 'recorded-consent' })
    expect(purposeBases('offers')).toEqual(['consent', 'legitimate-interest'])
  })

  it('runs payroll on the contract and the legal obligation; identification for clients on the legal obligation only', () => {
    expect(purposeGround('payroll', { employed: true, offersConsent: false }).bases).toEqual(['contract', 'legal-obligation'])
    expect(purposeBases('client-identification')).toEqual(['legal-obligation'])
    expect(PURPOSES.filter((p) => purposeBases(p).every((b) => b === 'legitimate-interest'))).toEqual(['recruitment', 'development', 'suitability', 'quality'])
  })
})
