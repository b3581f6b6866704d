import { createContext, useContext } from 'react'

/**
 * Issue 16 point 5: a record that is not active (shielded, legal hold) is read-only until a
 * privacy officer lifts the shield or acts on it; the person page's tabs leave out their add and
 * edit actions then (the main process refuses them with RECORD_READ_ONLY in any case).
 */
export const PersonReadOnly = createContext(false)

export const usePersonReadOnly = (): boolean => useContext(PersonReadOnly)
