import type { QueryClient } from '@tanstack/react-query'
import { queryKeys } from './queryKeys'

/** After a lock or sign-out: forget every answer that may hold personal data, re-ask the state. */
export function resetSession(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.appState[0] })
  void queryClient.refetchQueries({ queryKey: queryKeys.appState })
}
