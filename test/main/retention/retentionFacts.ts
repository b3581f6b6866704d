import type { RetentionEvaluation, RetentionFacts } from '../../../src/main/retention/evaluateRetention'

/** A fresh person record: a registered candidate, active, with nothing attached. */
export function retentionFacts(overrides: Partial<RetentionFacts> = {}): RetentionFacts {
  return {
    personId: 'person-1',
    roles: ['candidate'],
    registeredOn: '2026-01-05',
    unsubscribedOn: null,
    employments: [],
    recruitment: [],
    state: 'active',
    idCopies: [],
    consents: [],
    reducedToLegalHoldOn: null,
    idRecordPurgedOn: null,
    // R-11a: in touch with the agency through the last day any test uses, so the inactivity
    // clock never overtakes the rule a test is about; the R-11a tests give their own date.
    lastActivityOn: '2100-12-31',
    ...overrides
  }
}

/**
 * What the retention sweep does with `evaluation.due`, as pure data: the facts afterwards, or
 * null when the record was deleted (only a tombstone remains, R-15).
 */
export function applyDue(facts: RetentionFacts, evaluation: RetentionEvaluation, today: string): RetentionFacts | null {
  let after: RetentionFacts = { ...facts }
  for (const action of evaluation.due) {
    switch (action.kind) {
      case 'delete':
        return null
      case 'shield':
        after = { ...after, state: 'shielded' }
        break
      case 'reduce-to-legal-hold':
        after = { ...after, state: 'legal-hold', reducedToLegalHoldOn: today }
        break
      case 'purge-id-record':
        after = { ...after, idRecordPurgedOn: today, idCopies: [] }
        break
      case 'purge-attachment':
        after = { ...after, idCopies: after.idCopies.filter((c) => c.attachmentId !== action.targetId) }
        break
      case 'purge-consent-data':
        after = {
          ...after,
          consents: after.consents.map((c) => (c.consentId === action.targetId ? { ...c, dataPurgedOn: today } : c))
        }
        break
    }
  }
  return { ...after, state: evaluation.state }
}
