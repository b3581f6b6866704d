import { describe, expect, it } from 'vitest'
import { PURPOSE_LEGAL_BASIS } from '../../../src/main/people/purposeLegalBasis'
import { LEGAL_BASES } from '../../../src/shared/contract/people'
import { PURPOSES } from '../../../src/shared/domain'

describe('legal basis per purpose (R-7)', () => {
  it('gives every purpose exactly one legal basis from the list', () => {
    expect(Object.keys(PURPOSE_LEGAL_BASIS).sort()).toEqual([...PURPOSES].sort())
    for (const basis of Object.values(PURPOSE_LEGAL_BASIS)) expect(LEGAL_BASES).toContain(basis)
  })

  it('follows the privacy statement', () => {
    const byBasis = (basis: string) => PURPOSES.filter((p) => PURPOSE_LEGAL_BASIS[p] === basis)
    expect(byBasis('contract')).toEqual(['mediation', 'temping', 'secondment', 'payroll', 'personnel'])
    expect(byBasis('legal-obligation')).toEqual(['client-identification'])
    expect(byBasis('legitimate-interest')).toEqual(['recruitment', 'development', 'suitability', 'quality'])
    expect(byBasis('consent')).toEqual(['offers'])
  })
})
