/**
 * The intake's flow as a pure reducer: which step is shown, the CV chosen, the do-not-contact
 * check, the duplicate choice and the discard question. The typed values themselves live in
 * the form (and in the in-memory draft, intakeDraft.ts); this state starts from the draft too, so
 * a lock or a failed save gives back the same step and CV. No React, no I/O: unit-tested in
 * test/renderer/intakeFlow.test.ts.
 */
import type { DoNotContactIdentifier } from '../../../../../shared/contract/people'
import { ApiError } from '../../../api/call'
import { hasAllowedExtension } from '../fileBytes'
import type { IntakeDraft } from '../intakeDraft'
import { INTAKE_STEPS, type PersonFormValues, stepOfPath } from '../personForm'

/** The review step: Enter there saves instead of moving on. */
export const REVIEW_STEP = INTAKE_STEPS.length - 1

/** The form field each do-not-contact identifier comes from (a profile URL is the source detail). */
export const DNC_FIELD: Record<DoNotContactIdentifier, string> = { email: 'email', phone: 'phone', url: 'source.detail' }

/** An existing person the save matched: open them, or save anyway. */
export interface Duplicate {
  existingId: string
  shielded: boolean
}

export interface IntakeState {
  step: number
  /** The CV chosen at intake, uploaded after the person is saved. */
  cv: File | null
  /** i18n key of why the last chosen file was refused (its type), or null. */
  cvError: string | null
  /** The do-not-contact check is running (Next waits for it). */
  checking: boolean
  /** The do-not-contact check itself failed (not a match): shown above the step. */
  checkError: unknown
  /** which identifier matched the register, or null. */
  doNotContact: DoNotContactIdentifier | null
  duplicate: Duplicate | null
  confirmDiscard: boolean
}

/** Why a save failed, as the flow reacts to it. */
export type SaveFailure =
  | { kind: 'duplicate'; duplicate: Duplicate }
  | { kind: 'doNotContact'; identifier: DoNotContactIdentifier }
  /** Field issues (i18n keys by form path; maybe none, e.g. a locked vault). */
  | { kind: 'fields'; errors: Record<string, string> }

export type IntakeAction =
  | { type: 'goTo'; step: number }
  | { type: 'back' }
  | { type: 'next' }
  | { type: 'cvChosen'; file: File | null }
  | { type: 'checkStarted' }
  | { type: 'checkAnswered'; identifier: DoNotContactIdentifier | null }
  | { type: 'checkFailed'; error: unknown }
  | { type: 'saveFailed'; failure: SaveFailure }
  | { type: 'duplicateClosed' }
  | { type: 'discardAsked' }
  | { type: 'discardCancelled' }

/** The flow as a draft left it (same step, same CV), or at the first step. */
export function initialIntakeState(draft: Pick<IntakeDraft, 'step' | 'cv'> | null): IntakeState {
  return {
    step: draft?.step ?? 0,
    cv: draft?.cv ?? null,
    cvError: null,
    checking: false,
    checkError: null,
    doNotContact: null,
    duplicate: null,
    confirmDiscard: false
  }
}

export function intakeReducer(state: IntakeState, action: IntakeAction): IntakeState {
  switch (action.type) {
    case 'goTo':
      return { ...state, step: action.step }
    case 'back':
      return { ...state, step: Math.max(0, state.step - 1) }
    case 'next':
      return { ...state, step: Math.min(REVIEW_STEP, state.step + 1) }
    case 'cvChosen': {
      // A file of a type the vault refuses is not kept; the field says why.
      const allowed = action.file !== null && hasAllowedExtension(action.file.name)
      return { ...state, cv: allowed ? action.file : null, cvError: action.file && !allowed ? 'errors.ATTACHMENT_TYPE_NOT_ALLOWED' : null }
    }
    case 'checkStarted':
      return { ...state, checking: true, checkError: null }
    case 'checkAnswered':
      return { ...state, checking: false, doNotContact: action.identifier }
    case 'checkFailed':
      return { ...state, checking: false, checkError: action.error }
    case 'saveFailed':
      return saveFailed({ ...state, duplicate: null }, action.failure)
    case 'duplicateClosed':
      return { ...state, duplicate: null }
    case 'discardAsked':
      return { ...state, confirmDiscard: true }
    case 'discardCancelled':
      return { ...state, confirmDiscard: false }
  }
}

function saveFailed(state: IntakeState, failure: SaveFailure): IntakeState {
  switch (failure.kind) {
    case 'duplicate':
      return { ...state, duplicate: failure.duplicate }
    case 'doNotContact':
      return { ...state, doNotContact: failure.identifier }
    case 'fields': {
      // Errors send the user to the first step that has one.
      const first = firstStepWithError(failure.errors)
      return first === null ? state : { ...state, step: first }
    }
  }
}

/** The first step holding one of these error paths, or null when none belongs to a step. */
export function firstStepWithError(errors: Record<string, string>): number | null {
  const steps = Object.keys(errors).map(stepOfPath).filter((i) => i >= 0)
  return steps.length > 0 ? Math.min(...steps) : null
}

/** A failed createPerson as the flow sees it; `fieldErrorsOf` gives the field issues of any other error. */
export function saveFailureOf(e: unknown, fieldErrorsOf: (e: unknown) => Record<string, string>): SaveFailure {
  if (e instanceof ApiError && e.code === 'DUPLICATE_PERSON' && typeof e.detail?.['existingId'] === 'string') {
    return { kind: 'duplicate', duplicate: { existingId: e.detail['existingId'], shielded: e.detail['shielded'] === true } }
  }
  if (e instanceof ApiError && e.code === 'DO_NOT_CONTACT_MATCH') {
    return { kind: 'doNotContact', identifier: (e.detail?.['identifier'] as DoNotContactIdentifier | undefined) ?? 'email' }
  }
  return { kind: 'fields', errors: fieldErrorsOf(e) }
}

/** Whether leaving step `step` asks the do-not-contact register first (R-10: before any save). */
export function checksDoNotContact(step: number): boolean {
  const id = INTAKE_STEPS[step]?.id
  return id === 'contact' || id === 'source'
}

/** The checkDoNotContact input for what was typed, or null when no identifier is known yet. */
export function doNotContactQuery(v: PersonFormValues): { email: string; phone: string; profileUrl?: string } | null {
  const profileUrl = v.source.kind === 'public-website' ? v.source.detail.trim() : ''
  if (!v.email.trim() && !v.phone.trim() && !profileUrl) return null
  return { email: v.email, phone: v.phone, ...(profileUrl ? { profileUrl } : {}) }
}

/** The parts of a key press that decide whether Enter moves the intake on. */
export interface EnterPress {
  key: string
  altKey: boolean
  shiftKey: boolean
  ctrlKey: boolean
  metaKey: boolean
  isComposing: boolean
  /** The focused element's tag name (`INPUT`, `TEXTAREA`, `BUTTON`, `A`…). */
  targetTag: string
}

/**
 * Ctrl+Enter always moves on. Plain Enter: buttons (Back, the CV chooser, review links) do their
 * own thing and a text area takes a new line; anywhere else it moves on.
 */
export function enterMovesOn(e: EnterPress): boolean {
  if (e.key !== 'Enter' || e.altKey || e.shiftKey || e.isComposing) return false
  if (e.ctrlKey || e.metaKey) return true
  return !['BUTTON', 'A', 'TEXTAREA'].includes(e.targetTag)
}
