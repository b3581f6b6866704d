import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { disclosureReference } from '../../../src/main/relations/disclosureReference'
import {
  DEFAULT_DISCLOSURE_RULES,
  classifyField,
  decideDisclosure,
  disclosureBlockers,
  disclosureReasonText,
  isCurrentAssignment,
  parseDisclosureRules
} from '../../../src/main/relations/disclosureRules'

const shipped = JSON.parse(readFileSync(join(__dirname, '../../../resources/disclosure-allowed-fields.json'), 'utf8')) as Record<string, unknown>

describe('the shipped allowed-fields list (R-9a defaults)', () => {
  it('presents a candidate with name, place of residence, date of birth, education and work experience', () => {
    expect([...DEFAULT_DISCLOSURE_RULES.purposes.presentation.allowed].sort()).toEqual(['birthDate', 'city', 'education', 'familyName', 'givenName', 'workExperience'])
  })

  it('after placement adds contact details and the identity document type and number', () => {
    const added = DEFAULT_DISCLOSURE_RULES.purposes.assignment.allowed.filter((f) => !DEFAULT_DISCLOSURE_RULES.purposes.presentation.allowed.includes(f))
    expect(added.sort()).toEqual(['email', 'idDocumentNumber', 'idDocumentType', 'phone'])
  })

  it("gives a client only the BSN for its identification duty, and needs the person's client-identification purpose (R-9, UAVG art. 46)", () => {
    expect(DEFAULT_DISCLOSURE_RULES.purposes['client-identification'].allowed).toEqual(['bsn'])
    expect(DEFAULT_DISCLOSURE_RULES.purposes['client-identification'].personPurposes).toEqual(['client-identification'])
  })

  it('never shares IBAN, nationality or marital status without consent, and an ID copy or special data never', () => {
    for (const f of ['iban', 'nationality', 'maritalStatus'] as const) expect(classifyField(DEFAULT_DISCLOSURE_RULES, 'assignment', f)).toEqual({ verdict: 'needs-consent', why: 'consent-required' })
    expect(classifyField(DEFAULT_DISCLOSURE_RULES, 'assignment', 'idCopy')).toEqual({ verdict: 'forbidden', why: 'id-copy-never' })
    expect(classifyField(DEFAULT_DISCLOSURE_RULES, 'presentation', 'specialData')).toEqual({ verdict: 'forbidden', why: 'special-never' })
  })

  it('asks a reason for anything else outside the list', () => {
    expect(classifyField(DEFAULT_DISCLOSURE_RULES, 'presentation', 'email')).toEqual({ verdict: 'needs-reason', why: 'outside-list' })
    expect(classifyField(DEFAULT_DISCLOSURE_RULES, 'assignment', 'vogDate')).toEqual({ verdict: 'needs-reason', why: 'outside-list' })
  })
})

describe('parsing a rules document', () => {
  const withPresentation = (allowed: string[]) => ({ ...shipped, purposes: { ...(shipped['purposes'] as object), presentation: { allowed, personPurposes: [], requiresAssignment: false } } })

  it('refuses a document that puts the BSN on the presentation list, naming the place', () => {
    expect(() => parseDisclosureRules(withPresentation(['givenName', 'bsn']))).toThrowError(expect.objectContaining({ code: 'VALIDATION_FAILED', issues: [{ path: 'purposes.presentation.allowed.1', key: 'validation.option' }] }))
  })

  it('refuses a document that allows an ID copy or drops it from the never list', () => {
    expect(() => parseDisclosureRules(withPresentation(['idCopy']))).toThrow()
    expect(() => parseDisclosureRules({ ...shipped, never: ['specialData'] })).toThrowError(expect.objectContaining({ issues: [{ path: 'never', key: 'validation.required' }] }))
  })

  it('refuses a field both allowed and consent-only, and an unknown field', () => {
    expect(() => parseDisclosureRules(withPresentation(['iban']))).toThrowError(expect.objectContaining({ issues: [{ path: 'purposes.presentation.allowed.0', key: 'validation.duplicate' }] }))
    expect(() => parseDisclosureRules(withPresentation(['shoeSize']))).toThrowError(expect.objectContaining({ code: 'VALIDATION_FAILED' }))
  })

  it('refuses client identification without the client-identification purpose', () => {
    const purposes = { ...(shipped['purposes'] as Record<string, object>) }
    purposes['client-identification'] = { allowed: ['bsn'], personPurposes: ['payroll'], requiresAssignment: true }
    expect(() => parseDisclosureRules({ ...shipped, purposes })).toThrow()
  })
})

describe('deciding a request', () => {
  const rules = DEFAULT_DISCLOSURE_RULES

  it('lets an extra field through with its own reason or the general one, and reports which fields lack one', () => {
    const missing = decideDisclosure(rules, { purpose: 'presentation', fields: ['givenName', 'email', 'phone'], fieldReasons: { email: 'Klant belt zelf' } })
    expect(missing.problem).toBe('REASON_REQUIRED')
    expect(missing.decisions.filter((d) => d.problem !== null).map((d) => d.field)).toEqual(['phone'])
    const general = decideDisclosure(rules, { purpose: 'presentation', fields: ['givenName', 'email', 'phone'], reason: 'Op verzoek van de kandidaat' })
    expect(general.problem).toBeNull()
  })

  it('wants both a reason and consent for a consent field', () => {
    expect(decideDisclosure(rules, { purpose: 'assignment', fields: ['iban'], reason: 'Loonbetaling via inlener' }).problem).toBe('CONSENT_REQUIRED')
    expect(decideDisclosure(rules, { purpose: 'assignment', fields: ['iban'], consentedFields: ['iban'] }).problem).toBe('REASON_REQUIRED')
    expect(decideDisclosure(rules, { purpose: 'assignment', fields: ['iban'], consentedFields: ['iban'], fieldReasons: { iban: 'Schriftelijke toestemming' } }).problem).toBeNull()
  })

  it('ranks a forbidden field above a missing reason', () => {
    expect(decideDisclosure(rules, { purpose: 'presentation', fields: ['email', 'bsn'] }).problem).toBe('FIELD_NOT_ALLOWED')
  })

  it('stores the general reason and each extra field that has its own, marking consent', () => {
    const decision = decideDisclosure(rules, {
      purpose: 'assignment',
      fields: ['givenName', 'vogDate', 'iban', 'maritalStatus'],
      reason: 'Plaatsing in de zorg',
      fieldReasons: { iban: 'Schriftelijke toestemming 20-11' },
      consentedFields: ['iban', 'maritalStatus']
    })
    expect(decision.problem).toBeNull()
    expect(disclosureReasonText(decision, 'Plaatsing in de zorg')).toBe('Plaatsing in de zorg\niban [consent]: Schriftelijke toestemming 20-11\nmaritalStatus [consent]')
    expect(disclosureReasonText(decideDisclosure(rules, { purpose: 'presentation', fields: ['givenName'] }), undefined)).toBeNull()
  })
})

describe('conditions of a purpose (R-7, R-8)', () => {
  it('needs a current or upcoming assignment at that client for the assignment and identification purposes', () => {
    const today = '2026-11-27'
    expect(isCurrentAssignment({ clientId: 'c1', end: null }, 'c1', today)).toBe(true)
    expect(isCurrentAssignment({ clientId: 'c1', end: '2026-11-27' }, 'c1', today)).toBe(true)
    expect(isCurrentAssignment({ clientId: 'c1', end: '2026-11-26' }, 'c1', today)).toBe(false)
    expect(isCurrentAssignment({ clientId: 'c2', end: null }, 'c1', today)).toBe(false)
    expect(disclosureBlockers(DEFAULT_DISCLOSURE_RULES, 'assignment', { personPurposes: ['temping'], hasCurrentAssignment: false })).toEqual(['assignment-required'])
    expect(disclosureBlockers(DEFAULT_DISCLOSURE_RULES, 'presentation', { personPurposes: ['mediation'], hasCurrentAssignment: false })).toEqual([])
  })

  it("needs the person's recorded purpose", () => {
    expect(disclosureBlockers(DEFAULT_DISCLOSURE_RULES, 'client-identification', { personPurposes: ['payroll', 'temping'], hasCurrentAssignment: true })).toEqual(['purpose-not-recorded'])
    expect(disclosureBlockers(DEFAULT_DISCLOSURE_RULES, 'presentation', { personPurposes: ['offers'], hasCurrentAssignment: true })).toEqual(['purpose-not-recorded'])
  })
})

describe('the disclosure reference', () => {
  it('is DISC- and eight hex digits of the random id', () => {
    expect(disclosureReference('0f3a9c2e-1b2c-4d5e-8f90-123456789abc')).toBe('DISC-0F3A9C2E')
  })
})
