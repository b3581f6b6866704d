import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { boundingStatementTerms, STATEMENT_TERMS } from '../../../src/main/governance/statementTerms'
import { SEED_VERSION } from '../../../src/main/governance/statementVersions'
import { DEFAULT_POLICY } from '../../../src/main/retention/policy'
import { policyBoundIssues } from '../../../src/main/retention/policyBounds'

describe('the terms each privacy-statement version states (resources/statement-terms.json)', () => {
  it('quotes the statement’s own words for every term, from the version’s text', () => {
    for (const v of STATEMENT_TERMS) {
      const statement = readFileSync(join(__dirname, '../../../resources', v.text), 'utf8')
      for (const term of Object.values(v.terms)) expect(statement, `${v.version} ${term.rule}`).toContain(term.quote)
    }
  })

  it('records the 2018 statement: R-11 2 years, R-12 3 calendar months, R-13 24 months', () => {
    const seeded = STATEMENT_TERMS.find((v) => v.version === SEED_VERSION.version)
    expect(seeded?.terms).toMatchObject({
      'worked-stopped': { amount: 2, unit: 'years' },
      'unsubscribed-never-worked': { amount: 3, unit: 'months' },
      'ws-procedure-ended': { amount: 24, unit: 'months' }
    })
  })

  it('the shipped policy keeps within the shipped statement', () => {
    const seeded = STATEMENT_TERMS.find((v) => v.version === SEED_VERSION.version) ?? null
    expect(policyBoundIssues(DEFAULT_POLICY, seeded)).toEqual([])
  })

  it('bounds by the version in force; a later version without recorded terms by the latest recorded one before it', () => {
    const versions = [{ version: '2018-05', validFrom: '2018-05-25' }, { version: '2027.1', validFrom: '2027-03-01' }]
    expect(boundingStatementTerms(versions, '2027-02-28')?.version).toBe('2018-05')
    expect(boundingStatementTerms(versions, '2027-03-01')?.version).toBe('2018-05')
    expect(boundingStatementTerms([{ version: '2027.1', validFrom: '2027-03-01' }], '2027-03-01')).toBeNull()
    expect(boundingStatementTerms(versions, '2018-01-01')).toBeNull()
  })
})
