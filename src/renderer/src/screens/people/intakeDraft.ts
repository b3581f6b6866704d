/**
 * The intake draft: the walk-in's typed values, the current step and the chosen CV, kept in this
 * module's memory only — never localStorage, sessionStorage or a file, because it is personal data
 * and must not reach the disk. It survives what unmounts the intake screen: a lock (the app
 * swaps to sign-in and back), a failed save, a visit to another screen. It is cleared after a
 * successful save, an explicit discard, and on sign-out; a draft is only ever given back to the
 * account that typed it.
 */
import { useSyncExternalStore } from 'react'
import type { PersonFormValues } from './personForm'

export interface IntakeDraft {
  accountId: string
  values: PersonFormValues
  step: number
  /** The CV chosen at intake, uploaded after the person is saved (bytes stay in memory). */
  cv: File | null
}

let draft: IntakeDraft | null = null
const listeners = new Set<() => void>()

function emit(): void {
  for (const listener of listeners) listener()
}

/** The draft of `accountId`, or null. Another account's draft is dropped, never shown. */
export function takeDraft(accountId: string): IntakeDraft | null {
  if (draft && draft.accountId !== accountId) clearDraft()
  return draft
}

export function saveDraft(next: IntakeDraft): void {
  draft = next
  emit()
}

export function clearDraft(): void {
  if (draft === null) return
  draft = null
  emit()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Whether `accountId` has an unfinished intake (the records screen offers to continue it). */
export function useHasDraft(accountId: string): boolean {
  return useSyncExternalStore(subscribe, () => draft !== null && draft.accountId === accountId)
}

/** Sign-out clears the draft (MainLayout calls `clearDraft()`); a lock keeps it. */
