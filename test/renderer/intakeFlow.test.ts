import { describe, expect, it } from 'vitest'
import { ApiError } from '../../src/renderer/src/api/call'
import {
  type IntakeState,
  checksDoNotContact,
  doNotContactQuery,
  enterMovesOn,
  firstStepWithError,
  initialIntakeState,
  intakeReducer,
  saveFailureOf
} from '../../src/renderer/src/screens/people/intake/intakeFlow'
import { emptyPersonForm } from '../../src/renderer/src/screens/people/personForm'

const start = initialIntakeState(null)
const at = (step: number): IntakeState => ({ ...start, step })
const cv = (name: string) => new File(['%PDF-1.4'], name)
const plainEnter = { key: 'Enter', altKey: false, shiftKey: false, ctrlKey: false, metaKey: false, isComposing: false, targetTag: 'INPUT' }
const apiError = (code: 'DUPLICATE_PERSON' | 'DO_NOT_CONTACT_MATCH' | 'VALIDATION_FAILED' | 'VAULT_LOCKED', detail?: Record<string, string | boolean>, issues: { path: string; key: string }[] = []) =>
  new ApiError({ code, message: code, issues, ...(detail ? { detail } : {}) })

describe('the intake flow', () => {
  it('starts at the first step with nothing chosen, or where a kept draft left it (same step, same CV)', () => {
    expect(start).toMatchObject({ step: 0, cv: null, doNotContact: null, duplicate: null, confirmDiscard: false, checking: false })
    const file = cv('cv.pdf')
    expect(initialIntakeState({ step: 3, cv: file })).toMatchObject({ step: 3, cv: file })
  })

  it('moves on and back one step at a time, never before the first or past the review', () => {
    expect(intakeReducer(at(0), { type: 'next' }).step).toBe(1)
    expect(intakeReducer(at(5), { type: 'next' }).step).toBe(5)
    expect(intakeReducer(at(2), { type: 'back' }).step).toBe(1)
    expect(intakeReducer(at(0), { type: 'back' }).step).toBe(0)
    expect(intakeReducer(at(5), { type: 'goTo', step: 1 }).step).toBe(1)
  })

  it('keeps a CV of an accepted type and refuses another with the vault’s error next to the field', () => {
    const pdf = cv('Sanne CV.PDF')
    const kept = intakeReducer(start, { type: 'cvChosen', file: pdf })
    expect(kept).toMatchObject({ cv: pdf, cvError: null })
    const refused = intakeReducer(kept, { type: 'cvChosen', file: cv('cv.exe') })
    expect(refused).toMatchObject({ cv: null, cvError: 'errors.ATTACHMENT_TYPE_NOT_ALLOWED' })
    expect(intakeReducer(refused, { type: 'cvChosen', file: null })).toMatchObject({ cv: null, cvError: null })
  })

  it('R-10: waits for the do-not-contact check, shows which identifier matched, and clears a former match or error', () => {
    const failedBefore = { ...start, checkError: new Error('x') }
    const checking = intakeReducer(failedBefore, { type: 'checkStarted' })
    expect(checking).toMatchObject({ checking: true, checkError: null })
    expect(intakeReducer(checking, { type: 'checkAnswered', identifier: 'phone' })).toMatchObject({ checking: false, doNotContact: 'phone' })
    expect(intakeReducer({ ...checking, doNotContact: 'email' }, { type: 'checkAnswered', identifier: null })).toMatchObject({ checking: false, doNotContact: null })
    const error = new Error('offline')
    expect(intakeReducer(checking, { type: 'checkFailed', error })).toMatchObject({ checking: false, checkError: error })
  })

  it('asks the register only when leaving the contact and source steps', () => {
    expect([0, 1, 2, 3, 4, 5].filter(checksDoNotContact)).toEqual([1, 4])
  })

  it('asks the register with what was typed, the profile URL only for a public website, and not at all with nothing typed', () => {
    const empty = emptyPersonForm('2026-12-05', '2026-1')
    expect(doNotContactQuery(empty)).toBeNull()
    expect(doNotContactQuery({ ...empty, email: ' sanne@example.nl ' })).toEqual({ email: ' sanne@example.nl ', phone: '' })
    expect(doNotContactQuery({ ...empty, source: { kind: 'walk-in', detail: 'https://x.example' } })).toBeNull()
    expect(doNotContactQuery({ ...empty, source: { kind: 'public-website', detail: ' https://x.example/p ' } })).toEqual({ email: '', phone: '', profileUrl: 'https://x.example/p' })
  })

  it('after a failed save, sends the user to the first step with a field error and stays put when no error belongs to a step', () => {
    const review = at(5)
    expect(intakeReducer(review, { type: 'saveFailed', failure: { kind: 'fields', errors: { purposes: 'k', 'address.postcode': 'k' } } }).step).toBe(1)
    expect(intakeReducer(review, { type: 'saveFailed', failure: { kind: 'fields', errors: {} } }).step).toBe(5)
    expect(intakeReducer(review, { type: 'saveFailed', failure: { kind: 'fields', errors: { unknown: 'k' } } }).step).toBe(5)
    expect(firstStepWithError({ registeredOn: 'k', familyName: 'k' })).toBe(0)
    expect(firstStepWithError({})).toBeNull()
  })

  it('R-9: offers the duplicate choice, closes it, and forgets it when the next save fails otherwise', () => {
    const duplicate = { existingId: 'p-1', shielded: true }
    const choosing = intakeReducer(at(5), { type: 'saveFailed', failure: { kind: 'duplicate', duplicate } })
    expect(choosing.duplicate).toEqual(duplicate)
    expect(intakeReducer(choosing, { type: 'duplicateClosed' }).duplicate).toBeNull()
    expect(intakeReducer(choosing, { type: 'saveFailed', failure: { kind: 'fields', errors: {} } }).duplicate).toBeNull()
    expect(intakeReducer(at(5), { type: 'saveFailed', failure: { kind: 'doNotContact', identifier: 'url' } }).doNotContact).toBe('url')
  })

  it('reads a failed save: a duplicate with the existing person, a do-not-contact match with its identifier, otherwise the field issues', () => {
    const fields = (e: unknown) => (e instanceof ApiError ? Object.fromEntries(e.issues.map((i) => [i.path, i.key])) : {})
    expect(saveFailureOf(apiError('DUPLICATE_PERSON', { existingId: 'p-7', shielded: false }), fields)).toEqual({ kind: 'duplicate', duplicate: { existingId: 'p-7', shielded: false } })
    expect(saveFailureOf(apiError('DO_NOT_CONTACT_MATCH', { identifier: 'phone' }), fields)).toEqual({ kind: 'doNotContact', identifier: 'phone' })
    expect(saveFailureOf(apiError('DO_NOT_CONTACT_MATCH'), fields)).toEqual({ kind: 'doNotContact', identifier: 'email' })
    expect(saveFailureOf(apiError('VALIDATION_FAILED', undefined, [{ path: 'email', key: 'validation.email.invalid' }]), fields)).toEqual({
      kind: 'fields',
      errors: { email: 'validation.email.invalid' }
    })
    expect(saveFailureOf(new Error('boom'), fields)).toEqual({ kind: 'fields', errors: {} })
  })

  it('asks before discarding, and a cancel keeps everything', () => {
    const asked = intakeReducer(at(2), { type: 'discardAsked' })
    expect(asked.confirmDiscard).toBe(true)
    expect(intakeReducer(asked, { type: 'discardCancelled' })).toEqual(at(2))
  })
})

describe('Enter in the intake', () => {
  it('moves on from a field, but not from a button, a link or a text area', () => {
    expect(enterMovesOn(plainEnter)).toBe(true)
    expect(enterMovesOn({ ...plainEnter, targetTag: 'SELECT' })).toBe(true)
    for (const targetTag of ['BUTTON', 'A', 'TEXTAREA']) expect(enterMovesOn({ ...plainEnter, targetTag }), targetTag).toBe(false)
  })

  it('Ctrl+Enter (or Cmd+Enter) moves on from anywhere, a text area included', () => {
    expect(enterMovesOn({ ...plainEnter, ctrlKey: true, targetTag: 'TEXTAREA' })).toBe(true)
    expect(enterMovesOn({ ...plainEnter, metaKey: true, targetTag: 'BUTTON' })).toBe(true)
  })

  it('leaves other keys, Alt/Shift+Enter and composing input alone', () => {
    expect(enterMovesOn({ ...plainEnter, key: 'Tab' })).toBe(false)
    expect(enterMovesOn({ ...plainEnter, altKey: true })).toBe(false)
    expect(enterMovesOn({ ...plainEnter, shiftKey: true })).toBe(false)
    expect(enterMovesOn({ ...plainEnter, isComposing: true })).toBe(false)
  })
})
