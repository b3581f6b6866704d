import { useRef, useState } from 'react'
import { ApiError } from '../../api/call'

/**
 * Issue 17 point 4, one mechanism for the person's edit forms (personal data, employment data):
 * what the form started from (`base`: its values and the record's version) and, after a save was
 * refused with RECORD_CHANGED, the record as someone else saved it meanwhile (`conflict`), which
 * EditConflict.tsx shows beside the user's values. `baseRef` is the base for callbacks made once
 * (a form's validator).
 */
export function useEditConflict<B extends { version: number }>(start: () => B, loadSaved: () => Promise<B>) {
  const [base, setBase] = useState(start)
  const baseRef = useRef(base)
  const [conflict, setConflict] = useState<B | null>(null)
  return {
    base,
    baseRef,
    conflict,
    /**
     * A failed save: true when it was RECORD_CHANGED (nothing was saved); then the record as it is
     * now is loaded into `conflict`. Should that fail (shielded meanwhile), the error's own message stays.
     */
    async recordChanged(e: unknown): Promise<boolean> {
      if (!(e instanceof ApiError && e.code === 'RECORD_CHANGED')) return false
      const saved = await loadSaved().catch(() => null)
      if (saved) setConflict(saved)
      return true
    },
    /** "Save mine": the record as saved now becomes the base; returned for the save that follows. */
    takeSaved(): B | null {
      if (!conflict) return null
      baseRef.current = conflict
      setBase(conflict)
      setConflict(null)
      return conflict
    }
  }
}
