/**
 * R-19 four eyes, as a pure rule: with the `fourEyesErasure` setting on, an erasure needs the
 * approval of a second privacy officer, never the one who asked; with it off, the requester's own
 * confirmation is the approval. Account ids in, a decision out: no database, clock or session.
 * The erasure service (erasureService.ts) asks it when a request is made, approved, listed and
 * applied — so an approval by the requester alone stops counting the moment the setting is
 * switched on.
 */

export interface FourEyesSettings {
  fourEyesErasure: boolean
}

export type FourEyesDecision = 'approved' | 'awaiting-approval'

/** Whether an erasure request counts as approved, given who asked and who (if anyone) approved it. */
export function fourEyesDecision(input: { settings: FourEyesSettings; requester: string; approver: string | null }): FourEyesDecision {
  if (input.approver === null) return 'awaiting-approval'
  if (input.settings.fourEyesErasure && input.approver === input.requester) return 'awaiting-approval'
  return 'approved'
}

/** Who approves a new request at once: the requester when four eyes are off, nobody yet when on. */
export function approverOnRequest(input: { settings: FourEyesSettings; requester: string }): string | null {
  return input.settings.fourEyesErasure ? null : input.requester
}

/**
 * Why `approver` may not approve a request now, or null when they may: another officer approved
 * it already (`already-approved`), or they asked for it themselves (`own-request`).
 */
export function approvalRefusal(input: { requester: string; approvedBy: string | null; approver: string }): 'already-approved' | 'own-request' | null {
  if (input.approvedBy !== null && input.approvedBy !== input.requester) return 'already-approved'
  if (input.approver === input.requester) return 'own-request'
  return null
}
