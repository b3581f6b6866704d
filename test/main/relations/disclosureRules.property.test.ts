import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_DISCLOSURE_RULES,
  classifyField,
  decideDisclosure,
  parseDisclosureRules,
  type DisclosureRules
} from '../../../src/main/relations/disclosureRules'
import { DISCLOSURE_FIELDS, DISCLOSURE_PURPOSES, type DisclosureField } from '../../../src/shared/contract/relations'
import { PURPOSES } from '../../../src/shared/domain'

const purpose = fc.constantFrom(...DISCLOSURE_PURPOSES)
const anyField = fc.constantFrom(...DISCLOSURE_FIELDS)
const fieldSet = fc.subarray([...DISCLOSURE_FIELDS])
const reasonText = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== '')

const purposeRule = fc.record({
  allowed: fieldSet,
  personPurposes: fc.subarray([...PURPOSES]),
  requiresAssignment: fc.boolean()
})

/**
 * Any rules document at all — including ones the parser would refuse (a BSN on the presentation
 * list, an ID copy allowed, an empty never-list). The legal limits must hold even then.
 */
const rawRules: fc.Arbitrary<DisclosureRules> = fc.record({
  version: fc.integer({ min: 1, max: 50 }),
  purposes: fc.record({ presentation: purposeRule, assignment: purposeRule, 'client-identification': purposeRule }),
  neverWithoutConsent: fieldSet,
  never: fieldSet
})

/** A request with arbitrary fields, reasons for any of them, and consent claimed for any of them. */
const request = fc
  .record({
    purpose,
    fields: fc.uniqueArray(anyField, { minLength: 1 }),
    reason: fc.option(reasonText, { nil: undefined }),
    reasonFields: fieldSet,
    consentedFields: fieldSet,
    text: reasonText
  })
  .map((r) => ({
    purpose: r.purpose,
    fields: r.fields,
    reason: r.reason,
    fieldReasons: Object.fromEntries(r.reasonFields.map((f) => [f, r.text])) as Partial<Record<DisclosureField, string>>,
    consentedFields: r.consentedFields
  }))

describe('disclosure rules (R-9, R-9a, R-4) hold for every configuration', () => {
  it('the BSN is only ever allowed for the client-identification purpose, whatever the rules document says', () => {
    fc.assert(
      fc.property(rawRules, purpose, (rules, p) => {
        const ruling = classifyField(rules, p, 'bsn')
        if (p !== 'client-identification') expect(ruling).toEqual({ verdict: 'forbidden', why: 'bsn-identification-only' })
        else expect(ruling.why).not.toBe('bsn-identification-only')
      })
    )
  })

  it('for the client identification duty nothing but the BSN is ever shared', () => {
    fc.assert(
      fc.property(rawRules, anyField, (rules, f) => {
        fc.pre(f !== 'bsn')
        expect(classifyField(rules, 'client-identification', f).verdict).toBe('forbidden')
      })
    )
  })

  it('an ID copy and special-category data are never allowed, for any purpose and any rules', () => {
    fc.assert(
      fc.property(rawRules, purpose, fc.constantFrom<DisclosureField>('idCopy', 'specialData'), (rules, p, f) => {
        expect(classifyField(rules, p, f).verdict).toBe('forbidden')
      })
    )
  })

  it('a request naming a forbidden field is refused with FIELD_NOT_ALLOWED, whatever reasons or consent come with it', () => {
    fc.assert(
      fc.property(rawRules, request, (rules, req) => {
        const forbidden = req.fields.some((f) => classifyField(rules, req.purpose, f).verdict === 'forbidden')
        const decision = decideDisclosure(rules, req)
        if (forbidden) expect(decision.problem).toBe('FIELD_NOT_ALLOWED')
        const bsnOutsideIdentification = req.fields.includes('bsn') && req.purpose !== 'client-identification'
        const neverShared = req.fields.includes('idCopy') || req.fields.includes('specialData')
        if (bsnOutsideIdentification || neverShared) expect(decision.problem).toBe('FIELD_NOT_ALLOWED')
      })
    )
  })

  it('a disclosure goes ahead exactly when every extra field has a reason and every consent field has consent', () => {
    fc.assert(
      fc.property(rawRules, request, (rules, req) => {
        const decision = decideDisclosure(rules, req)
        const hasReason = (f: DisclosureField) => req.reason !== undefined || req.fieldReasons[f] !== undefined
        const fine = req.fields.every((f) => {
          const { verdict } = classifyField(rules, req.purpose, f)
          if (verdict === 'forbidden') return false
          if (verdict === 'needs-consent') return req.consentedFields.includes(f) && hasReason(f)
          if (verdict === 'needs-reason') return hasReason(f)
          return true
        })
        expect(decision.problem === null).toBe(fine)
        // every field is reported by position with its own problem, and only problem fields are
        expect(decision.decisions.map((d) => d.field)).toEqual(req.fields)
      })
    )
  })

  it('the allowed fields of the default list go without any reason (they are the pre-selection)', () => {
    fc.assert(
      fc.property(purpose, (p) => {
        const allowed = DEFAULT_DISCLOSURE_RULES.purposes[p].allowed
        expect(decideDisclosure(DEFAULT_DISCLOSURE_RULES, { purpose: p, fields: allowed }).problem).toBeNull()
      })
    )
  })

  it('the parser refuses every document that puts a legally limited field on an allowed list', () => {
    fc.assert(
      fc.property(rawRules, (rules) => {
        const lifts = DISCLOSURE_PURPOSES.some((p) =>
          rules.purposes[p].allowed.some((f) => f === 'idCopy' || f === 'specialData' || (f === 'bsn') !== (p === 'client-identification'))
        )
        const dropsNever = !rules.never.includes('idCopy') || !rules.never.includes('specialData')
        let parsed: DisclosureRules | null = null
        try {
          parsed = parseDisclosureRules(rules)
        } catch (e) {
          expect((e as { code?: string }).code).toBe('VALIDATION_FAILED')
        }
        if (lifts || dropsNever) expect(parsed).toBeNull()
        if (parsed !== null) {
          for (const p of DISCLOSURE_PURPOSES) for (const f of parsed.purposes[p].allowed) expect(classifyField(parsed, p, f).verdict).toBe('allowed')
        }
      })
    )
  })
})
